"""Importing files: read them, extract them (in worker processes for large imports), and
store them batch by batch; a batch that fails is stored again one article at a time, so that
a bad article is isolated and reported and the rest still arrive.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, transaction

from articles.bundles import read_paths
from articles.extraction import iter_extract_batch
from articles.files import ArticleFile
from articles.models import Article
from timeline.importing.article_values import stored_meta
from timeline.importing.registry import ensure_actor_registry, known_actors, known_events
from timeline.importing.report import FileResult, ImportReport, Outcome
from timeline.importing.store import Extracted, StoreBusy, store_batch
from timeline.models import Actor

BATCH = 25  # articles stored per transaction
Progress = Callable[[int, int], None]
# Told what became of files, inside the transaction that stored them (a background job marks
# its items done there, so that an item is done exactly when its article is stored).
Recorder = Callable[[list[tuple[ArticleFile, FileResult]]], None]


def import_paths(
    paths: list[str],
    *,
    reextract: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import article files, folders, feeds and zips: idempotent, one transaction per batch."""
    report = ImportReport()
    loaded, refused = read_paths(
        paths, max_bytes=settings.ARTICLE_MAX_BYTES, feed_max_bytes=settings.FEED_MAX_BYTES
    )
    for name, reason in refused:
        report.fail(name, reason)
    import_files(loaded, report=report, reextract=reextract, dry_run=dry_run, progress=progress)
    return report


def reextract_articles(articles: Iterable[Article]) -> ImportReport:
    """Extract stored articles again; what editors corrected stays."""
    files = [
        ArticleFile(
            name=a.file_name,
            text=a.raw_text,
            content_hash=a.content_hash,
            encoding="utf-8",
            meta=stored_meta(a),
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
    record: Recorder | None = None,
    workers: int | None = None,
    batch: int | None = None,
) -> ImportReport:
    """Import decoded files: a text already stored is unchanged, unless ``reextract``.

    ``workers``: extraction processes (default: two for large imports); ``record`` is told
    each file's result, inside the transaction that stored it."""
    report = report or ImportReport()
    if not dry_run:
        ensure_actor_registry()
    stored = Article.objects.in_bulk([f.content_hash for f in files], field_name="content_hash")
    seen: set[str] = set()
    todo: list[ArticleFile] = []
    same: list[tuple[ArticleFile, FileResult]] = []
    for f in files:
        if f.content_hash in seen or (f.content_hash in stored and not reextract):
            known = stored.get(f.content_hash)
            pk = known.pk if known else None
            result = FileResult(f.name, Outcome.UNCHANGED, "(same text already imported)", pk)
            same.append((f, result))
            continue
        seen.add(f.content_hash)
        todo.append(f)
    for _, result in same:
        report.add(result)
    if record and same and not dry_run:
        record(same)
    if not todo:
        return report
    if workers is None:
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
    writer = _Writer(
        report=report, total=len(todo), progress=progress, record=record, batch=batch or BATCH
    )
    for index, result in stream:
        f = todo[index]
        writer.add(Extracted(f, result, stored.get(f.content_hash)))
    writer.flush()
    return report


class _Writer:
    """Stores a batch at a time; a failed batch again one article at a time.

    While another import is storing (workers share the store's lock), a full batch waits and
    the caller goes on extracting: the writer tries again at each article, and waits for the
    lock only when twice a batch is pending."""

    def __init__(
        self,
        *,
        report: ImportReport,
        total: int,
        progress: Progress | None,
        record: Recorder | None,
        batch: int,
    ) -> None:
        self.report, self.total, self.progress = report, total, progress
        self.record, self.batch = record, batch
        self.pending: list[Extracted] = []
        self.actor_cache: dict[str, Actor] = {}
        self.done = 0

    def add(self, item: Extracted) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.batch:
            self.flush(wait=len(self.pending) >= 2 * self.batch)

    def flush(self, *, wait: bool = True) -> None:
        batch, self.pending = self.pending, []
        if len(batch) > 1 or not wait:
            try:
                with transaction.atomic():
                    results = self._store(batch, wait=wait)
            except StoreBusy:
                self.pending = batch + self.pending
                return
            except OperationalError:
                raise  # the connection is gone: nothing more can be stored
            except DatabaseError:
                self.actor_cache.clear()  # the rolled-back batch may have created some
            else:
                self._reported(results)
                return
        for item in batch:
            self._store_alone(item)

    def _store(
        self, batch: list[Extracted], *, wait: bool = True
    ) -> list[tuple[ArticleFile, FileResult]]:
        articles = store_batch(batch, actor_cache=self.actor_cache, wait=wait)
        results = [(x.file, _result(x, a)) for x, a in zip(batch, articles, strict=True)]
        if self.record:
            self.record(results)
        return results

    def _store_alone(self, item: Extracted) -> None:
        try:
            with transaction.atomic():
                results = self._store([item])
        except OperationalError:
            raise
        except IntegrityError as exc:
            self.actor_cache.clear()
            name = item.file.name
            if Article.objects.filter(content_hash=item.file.content_hash).exists():
                # Another import stored the same text meanwhile: that is the same article.
                result = FileResult(name, Outcome.UNCHANGED, "(imported concurrently)")
            else:
                reason = f"could not be stored: {str(exc).splitlines()[0]}"
                result = FileResult(name, Outcome.REJECTED, reason)
            results = [(item.file, result)]
            if self.record:
                self.record(results)
        self._reported(results)

    def _reported(self, results: list[tuple[ArticleFile, FileResult]]) -> None:
        for _, result in results:
            self.report.add(result)
            self.done += 1
            if self.progress:
                self.progress(self.done, self.total)


def _result(item: Extracted, article: Article) -> FileResult:
    if item.article is None:
        detail = f"with {len(item.result.events)} events"
        return FileResult(item.file.name, Outcome.CREATED, detail, article.pk)
    return FileResult(item.file.name, Outcome.UPDATED, "", article.pk)
