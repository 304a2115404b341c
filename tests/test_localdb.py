"""The project-local PostgreSQL helper (used when DATABASE_URL is not set)."""

import os
import subprocess
import sys

import pytest

from timeline.ops import localdb

ROOT = localdb.CHECKOUT


def test_missing_binaries_give_a_one_line_reason(monkeypatch):
    monkeypatch.setattr(localdb, "BIN_CANDIDATES", ("/nonexistent/bin",))
    monkeypatch.setenv("PG_BINDIR", "/nonexistent/either")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(localdb.LocalDbError) as info:
        localdb.find_bin_dir()
    message = str(info.value)
    assert "\n" not in message
    assert "apt-get install postgresql" in message and "DATABASE_URL" in message


def test_cluster_folder_is_reachable_by_the_server_user():
    base = localdb.base_dir()
    if os.geteuid() == 0 and not localdb._reachable_by_others(ROOT):
        assert str(base).startswith("/var/tmp/ru-az-timeline-")
    else:
        assert base == ROOT / ".pgdata" or os.environ.get("TIMELINE_PGDIR")


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="uses the local cluster")
def test_starting_twice_leaves_one_server():
    def run(cmd):
        return subprocess.run(
            [sys.executable, "-m", "timeline.localdb", cmd],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    run("start")
    assert "already running" in run("start")
    pid_file = localdb.data_dir() / "postmaster.pid"
    servers = subprocess.run(
        ["pgrep", "-f", "--", f"postgres -D {localdb.data_dir()}"], capture_output=True, text=True
    ).stdout.split()
    assert pid_file.exists()
    assert len(servers) == 1
    assert run("status").startswith("running")
