"""`make run` serves with gunicorn and one import worker: both start, the worker imports what
is enqueued, and both stop together, on a signal or when one of them dies."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from articles.files import decode_article
from tests.workers import ROOT, generated_texts, wait_for, worker_database_url
from timeline.importing import enqueue_files
from timeline.jobs import ImportJob

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) counts as gone.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[1][0] != "Z"


def _start(port: int) -> tuple[subprocess.Popen, dict[str, int]]:
    env = {**os.environ, "DATABASE_URL": worker_database_url()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline.ops.serve", "--port", str(port), "--web-workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()  # "started gunicorn (pid 1), import worker (pid 2)"
    pids = {
        part.split(" (pid ")[0]: int(part.split(" (pid ")[1].rstrip(")\n"))
        for part in line.removeprefix("started ").split(", ")
    }
    assert set(pids) == {"gunicorn", "import worker"}, line
    return proc, pids


def _page(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.status
    except OSError:
        return 0


def test_both_start_the_worker_imports_and_a_signal_stops_both_cleanly():
    port = _free_port()
    proc, pids = _start(port)
    try:
        wait_for(lambda: _page(port) == 200, timeout=60, every=0.2)
        text = generated_texts(1, seed=3)[0]
        job = enqueue_files([decode_article("one.txt", text.encode())], description="served")
        wait_for(lambda: ImportJob.objects.with_progress().get(pk=job.pk).done == 1, timeout=60)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped")
    assert not any(_alive(pid) for pid in pids.values())


def test_when_the_worker_dies_gunicorn_is_stopped_too():
    port = _free_port()
    proc, pids = _start(port)
    try:
        wait_for(lambda: _page(port) == 200, timeout=60, every=0.2)
        os.kill(pids["import worker"], signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert "import worker stopped (exit -9): stopping the rest" in err
    assert not _alive(pids["gunicorn"])
