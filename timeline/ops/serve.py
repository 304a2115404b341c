"""`make run`'s processes: gunicorn and one import worker, started and stopped together.

    python -m timeline.ops.serve [--port 8000] [--web-workers 2]

Both children run in their own session, so Ctrl+C (or SIGTERM) reaches this process only,
which then asks each child once to stop: gunicorn finishes its requests, the worker its
chunk. When either child stops by itself, the other is stopped too and the exit code says
which failed. Standard library only.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
GRACE_SECONDS = 30  # for the worker to finish the chunk it holds


def commands(port: int, web_workers: int) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "gunicorn": [
            python, "-m", "gunicorn", "timeline.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(web_workers),
            "--access-logfile", "-",
            "--graceful-timeout", "5",
        ],
        "import worker": [python, "manage.py", "import_worker"],
    }  # fmt: skip


def serve(port: int, web_workers: int) -> int:
    stopping: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda signum, frame: stopping.append(signum))
    children = {
        name: subprocess.Popen(cmd, cwd=CHECKOUT, start_new_session=True)
        for name, cmd in commands(port, web_workers).items()
    }
    print(
        "started " + ", ".join(f"{name} (pid {p.pid})" for name, p in children.items()),
        flush=True,
    )
    code = 0
    while not stopping:
        ended = {name: p.returncode for name, p in children.items() if p.poll() is not None}
        if ended:
            name, code = next(iter(ended.items()))
            print(f"{name} stopped (exit {code}): stopping the rest", file=sys.stderr, flush=True)
            code = code or 1
            break
        time.sleep(0.2)
    for p in children.values():
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for name, p in children.items():
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            print(f"{name} did not stop in {GRACE_SECONDS} s: killed", file=sys.stderr)
            p.kill()
            p.wait()
    print("stopped", flush=True)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--web-workers", type=int, default=2)
    args = parser.parse_args(argv)
    return serve(args.port, args.web_workers)


if __name__ == "__main__":
    sys.exit(main())
