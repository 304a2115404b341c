"""Real worker processes for tests: `manage.py import_worker` against the test database,
started and stopped by the test itself."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def worker_database_url() -> str:
    db, name = settings.DATABASES["default"], connection.settings_dict["NAME"]
    host = db.get("HOST") or "localhost"
    if host.startswith("/"):
        return f"postgresql://{db['USER']}@/{name}?host={host}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgresql://{auth}@{host}:{db.get('PORT') or 5432}/{name}"


def start_worker(*args: str, **env: str) -> subprocess.Popen:
    """An import worker on the test database (``--until-done`` exits when the queue is empty)."""
    environ = {
        "DATABASE_URL": worker_database_url(),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_worker", "--recover-every", "1", *args],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> str:
    out, _ = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, out
    return out


def wait_for(condition: Callable[[], bool], timeout: float = 60, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(every)


def generated_texts(count: int, seed: int = 42) -> list[str]:
    """Articles from the bench's generator (distinct, seed-sized, each with a main event)."""
    name = "bench_generate"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "generate.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return [module.article_text(seed, i) for i in range(count)]
