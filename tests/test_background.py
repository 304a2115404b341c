"""Background imports with real worker processes on the PostgreSQL queue: each article stored
exactly once, whether two workers share the queue or one is killed in the middle of a job."""

from __future__ import annotations

import os
import signal

import pytest
from django.core.management import call_command
from django.db import connection

from articles.files import decode_article
from articles.models import Article
from tests.workers import finish, generated_texts, start_worker, wait_for
from timeline.importing import enqueue_files, recover_abandoned
from timeline.jobs import ImportChunk, ImportItem, ImportJob, ItemStatus

pytestmark = pytest.mark.django_db(transaction=True)


def files(texts: list[str]):
    return [decode_article(f"{i:03d}.txt", t.encode()) for i, t in enumerate(texts)]


def progress(job: ImportJob) -> tuple[int, int, int]:
    row = ImportJob.objects.with_progress().get(pk=job.pk)
    return row.done, row.failed, row.remaining


def test_two_workers_on_one_queue_import_each_article_exactly_once():
    texts = generated_texts(60)
    job = enqueue_files(files(texts + texts[:5]), description="two workers", chunk=5)
    workers = [start_worker("--until-done") for _ in range(2)]
    outputs = [finish(w) for w in workers]
    assert progress(job) == (65, 0, 0), outputs
    assert Article.objects.count() == 60
    items = ImportItem.objects.filter(job=job)
    created = items.filter(outcome="created")
    assert created.count() == 60
    assert created.values("article").distinct().count() == 60
    assert items.filter(outcome="unchanged").count() == 5
    assert not items.exclude(text="").exists()  # texts are not kept once stored
    assert not ImportChunk.objects.filter(job=job, finished_at=None).exists()
    from django_tasks_db.models import DBTaskResult

    ran = {w for ids in DBTaskResult.objects.values_list("worker_ids", flat=True) for w in ids}
    assert len(ran) == 2, "both workers took chunks from the one queue"


def _lock_free(chunk_id: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND ((classid::bigint << 32) | objid::bigint) = %s",
            [(0x7131 << 40) | chunk_id],
        )
        return cursor.fetchone()[0] == 0


def test_a_worker_killed_mid_job_is_replaced_and_nothing_is_stored_twice_or_lost():
    texts = generated_texts(80, seed=7)
    job = enqueue_files(files(texts), description="killed", chunk=80)
    (chunk,) = ImportChunk.objects.filter(job=job)
    first = start_worker(IMPORT_BATCH="4")
    wait_for(lambda: progress(job)[0] >= 8, timeout=90)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    done, failed, remaining = progress(job)
    assert remaining > 0 and failed == 0, "killed in the middle of the job"
    assert Article.objects.count() == done
    wait_for(lambda: _lock_free(chunk.pk), timeout=10)
    second = start_worker("--until-done", IMPORT_BATCH="4")
    out = finish(second)
    assert "sent again 1 chunks" in out
    assert progress(job) == (80, 0, 0)
    assert Article.objects.count() == 80
    assert set(Article.objects.values_list("content_hash", flat=True)) == {
        f.content_hash for f in files(texts)
    }
    chunk.refresh_from_db()
    assert chunk.attempts == 1 and chunk.finished_at is not None


def test_a_chunk_that_keeps_killing_its_worker_is_given_up_with_a_reason():
    job = enqueue_files(files(generated_texts(3, seed=9)), description="poison", chunk=3)
    chunk = ImportChunk.objects.get(job=job)
    from django.utils import timezone

    # As if three workers had died on it: taken, unfinished, nobody holding its lock.
    ImportChunk.objects.filter(pk=chunk.pk).update(attempts=3, started_at=timezone.now())
    assert recover_abandoned() == 0
    assert progress(job) == (0, 3, 0)
    assert "stopped 4 times" in ImportItem.objects.filter(job=job).first().detail


def test_the_command_enqueues_in_the_background_and_prints_the_job_id(tmp_path, capsys):
    for i, text in enumerate(generated_texts(3, seed=11)):
        (tmp_path / f"{i}.txt").write_text(text)
    (tmp_path / "empty.txt").write_text("")
    call_command("import_articles", "--background", str(tmp_path))
    out, err = capsys.readouterr()
    job = ImportJob.objects.get(pk=out.strip())
    assert "empty.txt: empty file" in err and f"job {job.pk}" in err
    assert progress(job) == (0, 1, 3)
    assert Article.objects.count() == 0  # nothing until a worker runs
    finish(start_worker("--until-done"))
    assert progress(job) == (3, 1, 0)
    assert ImportItem.objects.filter(job=job, status=ItemStatus.DONE).count() == 3


def test_recover_only_sends_again_what_a_dead_worker_held_and_exits(capsys):
    from django.utils import timezone

    job = enqueue_files(files(generated_texts(2, seed=13)), description="cron", chunk=2)
    chunk = ImportChunk.objects.get(job=job)
    ImportChunk.objects.filter(pk=chunk.pk).update(started_at=timezone.now())
    call_command("import_worker", "--recover-only")
    assert "sent again 1 chunks" in capsys.readouterr().out
    chunk.refresh_from_db()
    assert (chunk.attempts, chunk.started_at) == (1, None)
    finish(start_worker("--until-done"))
    assert progress(job) == (2, 0, 0)


SAME_EVENT = (
    "BAKU, 11 May 2021\n\nRussian Foreign Minister Sergey Lavrov met Azerbaijani Foreign "
    "Minister Jeyhun Bayramov in Baku on Tuesday for talks.\n"
    "They discussed point number {} of the agenda."
)


def test_two_stores_at_once_never_create_one_event_twice(monkeypatch):
    """Two articles reporting one event, stored at the same moment by two workers: the
    second waits for the first to commit, then finds its event."""
    import threading

    from django.db import connections

    from articles.extraction import extract
    from timeline.importing import ensure_actor_registry, store
    from timeline.models import Event, Source

    ensure_actor_registry()  # as every import does: the two ministers are known
    items = [
        store.Extracted(f, extract(f.text))
        for f in files([SAME_EVENT.format(1), SAME_EVENT.format(2)])
    ]
    paused, resume = threading.Event(), threading.Event()
    real = store._write_participations

    def slow_first(plan, actors):
        real(plan, actors)
        if threading.current_thread().name == "first":
            paused.set()
            resume.wait(30)  # the first transaction stays open, its event written

    monkeypatch.setattr(store, "_write_participations", slow_first)

    def run(item):
        try:
            store.store_batch([item], actor_cache={})
        finally:
            connections.close_all()

    first = threading.Thread(target=run, args=(items[0],), name="first")
    second = threading.Thread(target=run, args=(items[1],), name="second")
    first.start()
    assert paused.wait(30)
    second.start()
    second.join(2)
    assert second.is_alive(), "the second store waits for the first"
    resume.set()
    first.join(30)
    second.join(30)
    (event,) = Event.objects.filter(kind="meeting", date_start="2021-05-11")
    assert Source.objects.filter(event=event).count() == 2


def test_a_chunk_whose_task_was_lost_is_sent_again_and_a_waiting_one_is_left_alone():
    import datetime as dt

    from django.utils import timezone

    old = timezone.now() - dt.timedelta(minutes=5)
    waiting = enqueue_files(files(generated_texts(1, seed=21)), description="queued")
    lost = enqueue_files(files(generated_texts(1, seed=22)), description="lost")
    ImportJob.objects.update(created_at=old)
    ImportChunk.objects.filter(job=lost).update(task_id="")  # as if the sender had died
    assert recover_abandoned() == 1
    assert ImportChunk.objects.get(job=lost).task_id != ""
    assert ImportChunk.objects.get(job=waiting).attempts == 0


def test_a_full_batch_waits_while_another_import_stores_and_extraction_goes_on():
    """While another import holds the store's lock, a full batch is kept and the next
    articles are extracted; the batch is stored once the lock is free, nothing twice."""
    import psycopg

    from articles.extraction import extract
    from timeline.importing import ensure_actor_registry, imports, store
    from timeline.importing.report import ImportReport

    ensure_actor_registry()
    texts = generated_texts(5)
    items = [store.Extracted(f, extract(f.text)) for f in files(texts)]
    other = psycopg.connect(**connection.get_connection_params(), autocommit=False)
    try:
        other.execute("SELECT pg_advisory_xact_lock(%s)", [store.STORE_LOCK])
        with pytest.raises(store.StoreBusy):
            store.store_batch(items[:2], actor_cache={}, wait=False)
        writer = imports._Writer(
            report=ImportReport(), total=5, progress=None, record=None, batch=2
        )
        for item in items[:3]:
            writer.add(item)
        assert len(writer.pending) == 3 and Article.objects.count() == 0
        other.rollback()  # the other import's transaction ends
        writer.add(items[3])
        assert writer.pending == [] and Article.objects.count() == 4
        writer.add(items[4])
        writer.flush()
    finally:
        other.close()
    assert Article.objects.count() == 5 and writer.report.created == 5
