"""What arrives to be imported: text files, feeds (JSON Lines, CSV) and zips of text files.

Each becomes articles (`ArticleFile`, with a feed's metadata) and refusals with a one-line
reason, the same way whether it comes from disk (`read_paths`) or from an upload
(`read_upload`). A zip is opened without trusting what it says about itself: members are
read up to the article limit, and only so many of them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from articles.feeds import is_feed, read_feed
from articles.files import ArticleFile, BadArticle, decode_article, expand_paths, read_article_file

MAX_ZIP_MEMBERS = 50_000
Refusal = tuple[str, str]  # (name, reason)


def read_upload(
    name: str, data: bytes, *, max_bytes: int, feed_max_bytes: int
) -> tuple[list[ArticleFile], list[Refusal]]:
    """An uploaded file: a zip of text files, a feed or one article."""
    lower = name.lower()
    if lower.endswith(".zip") or is_feed(lower):
        if len(data) > feed_max_bytes:
            return [], [(name, f"{len(data)} bytes is over the {feed_max_bytes}-byte limit")]
        if lower.endswith(".zip"):
            return read_zip(name, data, max_bytes=max_bytes)
        return _feed(name, data, folder=None, max_bytes=max_bytes)
    if len(data) > max_bytes:
        return [], [(name, f"{len(data)} bytes is over the {max_bytes}-byte limit for one article")]
    try:
        return [decode_article(name, data)], []
    except BadArticle as exc:
        return [], [(name, str(exc))]


def read_paths(
    paths: list[str], *, max_bytes: int, feed_max_bytes: int
) -> tuple[list[ArticleFile], list[Refusal]]:
    """Files and folders named on the command line: a folder's .txt files, and feeds and
    zips named directly (a feed's ``path`` values are read next to it)."""
    files: list[ArticleFile] = []
    refused: list[Refusal] = []
    for entry in iter_paths(paths, max_bytes=max_bytes, feed_max_bytes=feed_max_bytes):
        if isinstance(entry, ArticleFile):
            files.append(entry)
        else:
            refused.append(entry)
    return files, refused


def iter_paths(
    paths: list[str], *, max_bytes: int, feed_max_bytes: int
) -> Iterator[ArticleFile | Refusal]:
    """Like `read_paths`, one article (or refusal) at a time, in order."""
    files, missing = expand_paths(paths)
    yield from missing
    for path in files:
        lower = path.name.lower()
        if not (lower.endswith(".zip") or is_feed(lower)):
            try:
                yield read_article_file(path, max_bytes=max_bytes)
            except BadArticle as exc:
                yield (path.name, str(exc))
            continue
        try:
            size = path.stat().st_size
            if size > feed_max_bytes:
                raise BadArticle(f"{size} bytes is over the {feed_max_bytes}-byte limit")
            data = path.read_bytes()
        except OSError as exc:
            yield (path.name, f"cannot read: {exc.strerror}")
            continue
        except BadArticle as exc:
            yield (path.name, str(exc))
            continue
        if lower.endswith(".zip"):
            got, bad = read_zip(path.name, data, max_bytes=max_bytes)
        else:
            got, bad = _feed(path.name, data, folder=path.parent, max_bytes=max_bytes)
        yield from got
        yield from bad


def read_zip(name: str, data: bytes, *, max_bytes: int) -> tuple[list[ArticleFile], list[Refusal]]:
    """The .txt members of a zip, each an article; anything else is named and refused."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [], [(name, f"not a readable zip file ({exc})")]
    if len(members) > MAX_ZIP_MEMBERS:
        return [], [(name, f"{len(members)} files is over the {MAX_ZIP_MEMBERS}-file limit")]
    out: list[ArticleFile] = []
    refused: list[Refusal] = []
    for member in members:
        label = f"{name}/{member.filename}"[:255]
        if "__MACOSX/" in member.filename or Path(member.filename).name.startswith("."):
            continue
        if not member.filename.lower().endswith(".txt"):
            refused.append((label, "not a .txt file (a zip holds plain-text articles)"))
            continue
        if member.file_size > max_bytes:
            refused.append((label, f"{member.file_size} bytes is over the {max_bytes}-byte limit"))
            continue
        try:
            with archive.open(member) as handle:
                raw = handle.read(max_bytes + 1)
            if len(raw) > max_bytes:
                raise BadArticle(f"over the {max_bytes}-byte limit for one article")
            out.append(decode_article(Path(member.filename).name, raw))
        except BadArticle as exc:
            refused.append((label, str(exc)))
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            refused.append((label, f"cannot be read from the zip ({exc})"))
    if not out and not refused:
        refused.append((name, "the zip holds no files"))
    return out, refused


def _feed(name: str, data: bytes, *, folder: Path | None, max_bytes: int):
    try:
        return read_feed(name, data, folder=folder, max_bytes=max_bytes)
    except BadArticle as exc:
        return [], [(name, str(exc))]
