"""Importing files: read them, extract them (in worker processes for large imports), and
store them batch by batch; a batch that fails is stored again one article at a time, so that
a bad article is isolated and reported and the rest still arrive.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError

from articles.extraction import iter_extract_batch
from articles.files import ArticleFile, BadArticle, expand_paths, read_article_file
from articles.models import Article
from timeline.importing.registry import ensure_actor_registry, known_actors, known_events
from timeline.importing.report import FileResult, ImportReport, Outcome
from timeline.importing.store import Extracted, store_batch
from timeline.models import Actor

BATCH = 25  # articles stored per transaction
Progress = Callable[[int, int], None]


def import_paths(
    paths: list[str],
    *,
    reextract: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import article files and folders: idempotent, one transaction per batch of articles."""
    report = ImportReport()
    files, missing = expand_paths(paths)
    for name, reason in missing:
        report.fail(name, reason)
    loaded: list[ArticleFile] = []
    for path in files:
        try:
            loaded.append(read_article_file(path, max_bytes=settings.ARTICLE_MAX_BYTES))
        except BadArticle as exc:
            report.fail(path.name, str(exc))
    import_files(loaded, report=report, reextract=reextract, dry_run=dry_run, progress=progress)
    return report


def reextract_articles(articles: Iterable[Article]) -> ImportReport:
    """Extract stored articles again; what editors corrected stays."""
    files = [
        ArticleFile(
            name=a.file_name, text=a.raw_text, content_hash=a.content_hash, encoding="utf-8"
        )
        for a in articles
    ]
    return import_files(files, reextract=True)


def import_files(
    files: list[ArticleFile],
    *,
    report: ImportReport | None = None,
    reextract: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import decoded files: a text already stored is unchanged, unless ``reextract``."""
    report = report or ImportReport()
    if not dry_run:
        ensure_actor_registry()
    stored = Article.objects.in_bulk([f.content_hash for f in files], field_name="content_hash")
    seen: set[str] = set()
    todo: list[ArticleFile] = []
    for f in files:
        if f.content_hash in seen or (f.content_hash in stored and not reextract):
            known = stored.get(f.content_hash)
            report.add(
                FileResult(
                    f.name,
                    Outcome.UNCHANGED,
                    "(same text already imported)",
                    known.pk if known else None,
                )
            )
            continue
        seen.add(f.content_hash)
        todo.append(f)
    if not todo:
        return report
    workers = 2 if len(todo) >= 400 and (os.cpu_count() or 1) > 1 else 1
    stream = iter_extract_batch(
        [(f.name, f.text) for f in todo],
        actors=known_actors(),
        known_events=known_events(),
        workers=workers,
    )
    if dry_run:
        for index, result in stream:
            f = todo[index]
            outcome = Outcome.WOULD_UPDATE if f.content_hash in stored else Outcome.WOULD_CREATE
            report.add(FileResult(f.name, outcome, f"({len(result.events)} events)"))
        return report
    # Articles are stored while the rest are still being extracted (in other processes).
    writer = _Writer(report=report, total=len(todo), progress=progress)
    for index, result in stream:
        f = todo[index]
        writer.add(Extracted(f, result, stored.get(f.content_hash)))
    writer.flush()
    return report


class _Writer:
    """Stores a batch at a time; a failed batch again one article at a time."""

    def __init__(self, *, report: ImportReport, total: int, progress: Progress | None) -> None:
        self.report, self.total, self.progress = report, total, progress
        self.pending: list[Extracted] = []
        self.actor_cache: dict[str, Actor] = {}
        self.done = 0

    def add(self, item: Extracted) -> None:
        self.pending.append(item)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if len(batch) > 1:
            try:
                articles = store_batch(batch, actor_cache=self.actor_cache)
            except OperationalError:
                raise  # the connection is gone: nothing more can be stored
            except DatabaseError:
                self.actor_cache.clear()  # the rolled-back batch may have created some
            else:
                for item, article in zip(batch, articles, strict=True):
                    self._stored(item, article)
                return
        for item in batch:
            self._store_alone(item)

    def _store_alone(self, item: Extracted) -> None:
        try:
            (article,) = store_batch([item], actor_cache=self.actor_cache)
        except OperationalError:
            raise
        except IntegrityError as exc:
            self.actor_cache.clear()
            name = item.file.name
            if Article.objects.filter(content_hash=item.file.content_hash).exists():
                # Another import stored the same text meanwhile: that is the same article.
                self.report.add(FileResult(name, Outcome.UNCHANGED, "(imported concurrently)"))
            else:
                self.report.fail(name, f"could not be stored: {str(exc).splitlines()[0]}")
            self._advance()
            return
        self._stored(item, article)

    def _stored(self, item: Extracted, article: Article) -> None:
        if item.article is None:
            detail = f"with {len(item.result.events)} events"
            self.report.add(FileResult(item.file.name, Outcome.CREATED, detail, article.pk))
        else:
            self.report.add(FileResult(item.file.name, Outcome.UPDATED, "", article.pk))
        self._advance()

    def _advance(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)
