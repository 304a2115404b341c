"""Feeds: a scraper's output, one record per article, as JSON Lines or CSV.

Each record has the article's ``text`` (or the ``path`` of its text file, next to the feed)
and optionally its ``url``, ``title``, ``published`` date, ``outlet`` and ``language``. A
record that cannot be imported is refused with its line number and a one-line reason; the
other records still arrive. Plain text files are no feed and are read as before
(`articles.files`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from articles.extraction.feed_dates import BadFeedDate, published_date
from articles.extraction.language import NAMES as LANGUAGES
from articles.files import ArticleFile, BadArticle, FeedMeta, decode_article, read_article_file

FEED_SUFFIXES = (".jsonl", ".ndjson", ".csv")
FIELDS = ("text", "path", "url", "title", "published", "outlet", "language")
MAX_URL = 2000


def is_feed(name: str) -> bool:
    return name.lower().endswith(FEED_SUFFIXES)


def read_feed(
    name: str, data: bytes, *, folder: Path | None, max_bytes: int
) -> tuple[list[ArticleFile], list[tuple[str, str]]]:
    """The articles of a feed file, and ``(record name, reason)`` for each record refused.

    ``folder`` is where ``path`` values are read from; None (an upload) refuses them, so a
    feed can never make the server read its own files.
    """
    feed = decode_article(name, data)  # the same encoding checks as an article file
    rows = _csv_rows(feed.text) if name.lower().endswith(".csv") else _jsonl_rows(feed.text)
    articles: list[ArticleFile] = []
    errors: list[tuple[str, str]] = []
    for line, row in rows:
        record = f"{name} line {line}"
        try:
            if isinstance(row, str):
                raise BadArticle(row)
            articles.append(_article(record, row, folder=folder, max_bytes=max_bytes))
        except BadArticle as exc:
            errors.append((record, str(exc)))
    if not articles and not errors:
        errors.append((name, "the feed holds no records"))
    return articles, errors


def _jsonl_rows(text: str):
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield line, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        yield line, row if isinstance(row, dict) else "not a JSON object"


def _csv_rows(text: str):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "text" not in header and "path" not in header:
        yield 1, "a CSV feed needs a header row with a text or path column"
        return
    reader.fieldnames = header
    try:
        for row in reader:
            if None in row:
                yield reader.line_num, "more values than the header has columns"
            else:
                yield reader.line_num, row
    except csv.Error as exc:
        yield reader.line_num, f"malformed CSV ({exc})"


def _article(record: str, row: dict, *, folder: Path | None, max_bytes: int) -> ArticleFile:
    unknown = sorted(set(row) - set(FIELDS))
    if unknown:
        raise BadArticle(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    values = {}
    for key in FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise BadArticle(f"{key} must be a string")
        values[key] = (value or "").strip() if key != "text" else (value or "")
    text, path = values["text"], values["path"]
    if text.strip() and path:
        raise BadArticle("give text or path, not both")
    if path:
        file = _read_path(path, folder=folder, max_bytes=max_bytes)
    elif text.strip():
        data = text.encode("utf-8")
        if len(data) > max_bytes:
            raise BadArticle(f"text of {len(data)} bytes is over the {max_bytes}-byte limit")
        file = decode_article(_record_name(record, values), data)
    else:
        raise BadArticle("no text and no path")
    meta = FeedMeta(**{k: values[k] for k in ("url", "title", "published", "outlet")})
    if meta.url:
        parts = urlsplit(meta.url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(meta.url) > MAX_URL:
            raise BadArticle(f"url {meta.url[:60]!r} is not an http(s) address")
    try:
        published_date(meta.published)
    except BadFeedDate as exc:
        raise BadArticle(str(exc)) from exc
    language = values["language"].lower()[:2] if values["language"] else ""
    if language and language not in LANGUAGES:
        raise BadArticle(f"language {values['language']!r} is not one of {', '.join(LANGUAGES)}")
    return replace(file, meta=replace(meta, language=language))


def _record_name(record: str, values: dict) -> str:
    """A file name for a record: its URL's last path segment, else the feed and line."""
    if values["url"]:
        last = urlsplit(values["url"]).path.rstrip("/").rpartition("/")[2]
        if last:
            return last[:200]
    return record


def _read_path(path: str, *, folder: Path | None, max_bytes: int) -> ArticleFile:
    if folder is None:
        raise BadArticle("path is only read from feeds on disk; an uploaded feed gives text")
    base = folder.resolve()
    target = (base / path).resolve()
    if not target.is_relative_to(base):
        raise BadArticle(f"path {path!r} is outside the feed's folder")
    return read_article_file(target, max_bytes=max_bytes)
