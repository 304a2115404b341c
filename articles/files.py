"""Reading article files safely: size, encoding and content checks before anything is stored."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


class BadArticle(ValueError):
    """A file that cannot be imported; the message is the one-line reason shown to the user."""


@dataclass(frozen=True)
class FeedMeta:
    """What a feed record says about its article besides the text (all optional)."""

    url: str = ""
    title: str = ""
    published: str = ""
    outlet: str = ""
    language: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


NO_META = FeedMeta()


@dataclass(frozen=True)
class ArticleFile:
    name: str
    text: str
    content_hash: str
    encoding: str
    meta: FeedMeta = NO_META


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_article(name: str, data: bytes) -> ArticleFile:
    """Turn raw bytes into article text, or say clearly why not.

    Accepted: UTF-8 (with or without BOM) and UTF-16 with a BOM. Anything else is
    refused rather than guessed, so no text is ever stored as mojibake.
    """
    if not data.strip():
        raise BadArticle("empty file" if not data else "file holds only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise BadArticle(f"invalid UTF-16 despite its byte-order mark ({exc.reason})") from exc
    else:
        if b"\x00" in data:
            raise BadArticle("binary data (NUL bytes): not a text file")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            raise BadArticle(
                f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "convert it first, e.g. iconv -f windows-1251 -t utf-8"
            ) from exc
    if "\x00" in text:
        raise BadArticle("binary data (NUL characters): not a text file")
    if not text.strip():
        raise BadArticle("file holds only whitespace")
    if _HTML_START.match(data.lstrip(codecs.BOM_UTF8)[:2048]):
        raise BadArticle("an HTML page, not article text: save the article as plain text")
    head = text[:100_000]
    if _control_characters(head) > max(10, len(head) // 100):
        raise BadArticle("binary data (control characters): not a text file")
    return ArticleFile(name=name, text=text, content_hash=content_hash(text), encoding=encoding)


# Control characters but tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = bytes([*range(0, 9), *range(14, 32)])


def _control_characters(text: str) -> int:
    """How many control characters a text has, counted in its UTF-8 bytes (a character of
    more than one byte has none below 128)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _CONTROL))


def read_article_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleFile:
    """Read one article file, refusing oversized files before reading them."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise BadArticle("no such file") from exc
    except OSError as exc:
        raise BadArticle(f"cannot read: {exc.strerror}") from exc
    if size > max_bytes:
        raise BadArticle(f"{size} bytes is over the {max_bytes}-byte limit for one article")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise BadArticle(f"cannot read: {exc.strerror}") from exc
    if len(data) > max_bytes:
        raise BadArticle(f"over the {max_bytes}-byte limit for one article")
    return decode_article(path.name, data)


def expand_paths(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named directly, and the .txt files inside folders (sorted); missing paths as errors."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".txt"))
        elif path.is_file():
            files.append(path)
        else:
            missing.append((raw, "no such file or folder"))
    return files, missing
