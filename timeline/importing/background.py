"""Background imports: a job is enqueued at once, workers import it chunk by chunk.

`enqueue_files` stores the job's items (their texts with ``COPY``) and sends one task per
chunk through Django's Tasks API. `import_chunk` (run by a worker) holds a PostgreSQL
advisory lock on its chunk while it imports the chunk's pending items; each item is marked
done in the transaction that stores its article. A worker that dies releases the lock with
its connection, and `recover_abandoned` (run by every worker when it starts and every few
seconds after) sends the chunk again: the next worker finds the stored items done and
imports the rest, so each article is stored once and none is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from articles.bundles import Refusal
from articles.files import ArticleFile, FeedMeta, content_hash
from timeline.importing.imports import import_files
from timeline.importing.report import FileResult, Outcome
from timeline.jobs import ImportChunk, ImportItem, ImportJob, ItemStatus

logger = logging.getLogger(__name__)

# Advisory lock keys of chunks: this namespace in the high bits, the chunk's id below.
_LOCK_NAMESPACE = 0x7131 << 40
MAX_ATTEMPTS = 3  # tasks sent for one chunk before its remaining items are given up
# A chunk sent but not taken by any worker for this long has its task looked at again.
UNSTARTED_GRACE = dt.timedelta(minutes=2)


def enqueue_files(
    entries: Iterable[ArticleFile | Refusal],
    *,
    description: str,
    user=None,
    chunk: int | None = None,
) -> ImportJob:
    """A job for these files (refusals, ``(name, reason)``, recorded as failed), its chunks
    sent to workers once it is committed. ``entries`` is read once, a chunk at a time, so a
    generator of a hundred thousand files never sits in memory at once."""
    size = chunk or settings.IMPORT_CHUNK
    chunks: list[ImportChunk] = []
    with transaction.atomic():
        job = ImportJob.objects.create(description=description[:300], created_by=user)
        position = 0
        entries = iter(entries)
        while group := list(islice(entries, size)):
            chunk_row = None
            if any(isinstance(e, ArticleFile) for e in group):
                chunk_row = ImportChunk.objects.create(job=job, number=len(chunks))
                chunks.append(chunk_row)
            _copy_items(job, chunk_row, position, group)
            position += len(group)
        job.total = position
        job.save(update_fields=["total"])
        transaction.on_commit(lambda: send_chunks(chunks))
    return job


def _copy_items(job, chunk, position, group) -> None:
    columns = "job_id, chunk_id, position, name, text, meta, status, outcome, detail"
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.copy(f"COPY {ImportItem._meta.db_table} ({columns}) FROM STDIN") as copy,
    ):
        for at, entry in enumerate(group, start=position):
            if isinstance(entry, ArticleFile):
                meta = json.dumps(entry.meta.as_dict())
                row = (chunk.pk, at, entry.name[:255], entry.text, meta, ItemStatus.PENDING, "")
                copy.write_row((str(job.pk), *row, ""))
            else:
                name, reason = entry
                row = (None, at, name[:255], "", "{}", ItemStatus.FAILED, Outcome.REJECTED.value)
                copy.write_row((str(job.pk), *row, reason[:500]))


def send_chunks(chunks: Sequence[ImportChunk]) -> None:
    """One task per chunk, its id kept on the chunk."""
    from timeline.importing.tasks import import_chunk

    for chunk in chunks:
        result = import_chunk.enqueue(chunk.pk)
        ImportChunk.objects.filter(pk=chunk.pk).update(task_id=str(result.id))


@contextmanager
def chunk_lock(chunk_id: int) -> Iterator[bool]:
    """Whether this connection holds the chunk's lock (another worker may); released after."""
    key = _LOCK_NAMESPACE | chunk_id
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held and connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def import_chunk_items(chunk_id: int) -> dict:
    """Import a chunk's pending items (a worker's task); what it did, for the task's result."""
    with chunk_lock(chunk_id) as held:
        if not held:
            return {"chunk": chunk_id, "skipped": "another worker is importing it"}
        ImportChunk.objects.filter(pk=chunk_id).update(started_at=timezone.now())
        items = list(
            ImportItem.objects.filter(chunk_id=chunk_id, status=ItemStatus.PENDING)
            .order_by("position")
            .only("name", "text", "meta")
        )
        files = [
            ArticleFile(
                name=i.name,
                text=i.text,
                content_hash=content_hash(i.text),
                encoding="utf-8",
                meta=FeedMeta(**i.meta),
            )
            for i in items
        ]
        by_file = {id(f): i for f, i in zip(files, items, strict=True)}

        def record(results: list[tuple[ArticleFile, FileResult]]) -> None:
            _mark([(by_file[id(f)], r) for f, r in results])

        report = import_files(files, record=record, workers=1, batch=settings.IMPORT_BATCH)
        ImportChunk.objects.filter(pk=chunk_id).update(finished_at=timezone.now())
    return {"chunk": chunk_id, "summary": report.summary()}


def _mark(results: list[tuple[ImportItem, FileResult]]) -> None:
    """Items done (or failed) with what became of them, in one statement; their texts are no
    longer needed."""
    rows = [
        (
            item.pk,
            ItemStatus.FAILED if r.outcome == Outcome.REJECTED else ItemStatus.DONE,
            r.outcome.value,
            r.detail[:500],
            None if r.outcome == Outcome.REJECTED else r.article_id,
        )
        for item, r in results
    ]
    ids, statuses, outcomes, details, articles = (list(c) for c in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {ImportItem._meta.db_table} AS item
            SET status = row.status, outcome = row.outcome, detail = row.detail,
                article_id = row.article_id, text = ''
            FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::bigint[])
                AS row(id, status, outcome, detail, article_id)
            WHERE item.id = row.id
            """,
            [ids, statuses, outcomes, details, articles],
        )


def recover_abandoned() -> int:
    """Send again the chunks whose worker died (taken, unfinished, their lock free) and those
    whose task no worker took; give up on a chunk after `MAX_ATTEMPTS`. How many were sent."""
    now = timezone.now()
    sent = 0
    open_chunks = ImportChunk.objects.filter(finished_at=None)
    started = list(open_chunks.exclude(started_at=None).values_list("pk", flat=True))
    waiting = list(
        open_chunks.filter(started_at=None, job__created_at__lt=now - UNSTARTED_GRACE)
        .order_by("job__created_at", "number")
        .values_list("pk", "task_id")[:100]
    )
    lost = [pk for pk, task_id in waiting if not _task_waiting(task_id)]
    for chunk_id in started + lost:
        with chunk_lock(chunk_id) as held:
            if not held:
                continue  # a live worker is importing it
            chunk = ImportChunk.objects.get(pk=chunk_id)
            if chunk.finished_at is not None:
                continue
            if chunk.started_at is None and chunk_id not in lost:
                continue
            if chunk.attempts >= MAX_ATTEMPTS:
                _give_up(chunk)
                continue
            chunk.attempts += 1
            chunk.started_at = None
            chunk.save(update_fields=["attempts", "started_at"])
            send_chunks([chunk])
            sent += 1
            logger.warning("import chunk %s sent again (attempt %s)", chunk_id, chunk.attempts)
    return sent


def _task_waiting(task_id: str) -> bool:
    """Whether a chunk's task is still waiting in the queue for a worker."""
    from django_tasks import TaskResultStatus, default_task_backend
    from django_tasks.exceptions import TaskResultDoesNotExist

    if not task_id:
        return False
    try:
        return default_task_backend.get_result(task_id).status == TaskResultStatus.READY
    except (TaskResultDoesNotExist, NotImplementedError):
        return True  # a backend that cannot tell: leave the chunk to it


def _give_up(chunk: ImportChunk) -> None:
    reason = (
        f"the import of this file stopped {chunk.attempts + 1} times (a worker died or the "
        "database went away); import it again on its own"
    )
    with transaction.atomic():
        chunk.items.filter(status=ItemStatus.PENDING).update(
            status=ItemStatus.FAILED, outcome=Outcome.REJECTED.value, detail=reason, text=""
        )
        chunk.finished_at = timezone.now()
        chunk.save(update_fields=["finished_at"])
