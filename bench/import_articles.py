"""Import speed end to end: generated articles into PostgreSQL, extraction included.

    uv run python bench/generate.py --count 10000 --seed 42 --out bench/out/articles
    uv run python bench/import_articles.py [--folder bench/out/articles] [--limit N]
        [--mode both|foreground|background] [--workers 2] [--workers-first]

Uses its own database (`timeline_import_bench`, dropped and recreated for each measurement)
on the application's server. Two ways, in the same run:

- foreground (before): `import_paths`, what `manage.py import_articles PATH` does (extraction
  in worker processes feeding one writer), then the same folder again (all unchanged);
- background (after): `import_articles --background` (files copied into a job), then N
  `manage.py import_worker --until-done` processes on the queue, timed from the start of the
  enqueue until the last worker exits; with ``--workers-first``, N workers already polling the
  queue when the job is enqueued (as `make run` keeps one), timed from the start of the
  enqueue until the job has no file left.

Prints articles per second and the peak memory of every process.
"""

import argparse
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import bench_database_url, create_database, maintenance_connection  # noqa: E402

# Several checkouts may share one server: TEST_DB_SUFFIX keeps their bench databases apart.
DB = "timeline_import_bench" + os.environ.get("TEST_DB_SUFFIX", "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default=str(ROOT / "bench" / "out" / "articles"))
    parser.add_argument("--limit", type=int, default=0, help="import only the first N files")
    parser.add_argument("--mode", choices=["both", "foreground", "background"], default="both")
    parser.add_argument("--workers", type=int, default=2, help="background workers")
    parser.add_argument(
        "--workers-first",
        action="store_true",
        help="start the workers before the enqueue, as `make run` keeps one running, and time "
        "until the job has no file left (default: start them once the job is enqueued, and "
        "time until they exit)",
    )
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no .txt files in {args.folder}: run bench/generate.py first")

    url = bench_database_url(DB)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    import django

    django.setup()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"articles: {len(files)} from {args.folder}")
    # A whole folder is passed as the folder: 100,000 paths would not fit on a command line.
    paths = [str(p) for p in files] if args.limit else [args.folder]
    if args.mode in ("both", "foreground"):
        foreground(url, paths, len(files))
    if args.mode in ("both", "background"):
        background(url, paths, args.workers, workers_first=args.workers_first)


def foreground(url: str, paths: list[str], count: int) -> None:
    from django.db import connection

    from timeline.importing import import_paths

    _recreate(url)
    server = ServerCPU(connection.settings_dict["NAME"])
    server.start()
    cpu_before = _own_cpu()
    start = time.perf_counter()
    first = import_paths(paths)
    first_s = time.perf_counter() - start
    cpu = _own_cpu() - cpu_before
    server.stop()
    start = time.perf_counter()
    second = import_paths(paths)
    second_s = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rate = count / first_s
    print(f"foreground import: {first.summary()} in {first_s:.1f} s = {rate:.0f} articles/s")
    print(
        f"foreground again: {second.summary()} in {second_s:.2f} s = "
        f"{count / second_s:.0f} articles/s ({first_s / second_s:.0f}x faster)"
    )
    _print_cpu(cpu, server.seconds, first.created)
    print(f"foreground peak memory: {own:.0f} MB import process, {workers:.0f} MB largest worker")


def background(url: str, paths: list[str], workers: int, *, workers_first: bool = False) -> None:
    from django.db import connection

    from timeline.jobs import ImportJob

    _recreate(url)
    env = {**os.environ, "DATABASE_URL": url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    # Already running, workers poll the queue until stopped; else each exits once it is empty.
    worker = [*manage, "import_worker", "-v", "0", *([] if workers_first else ["--until-done"])]
    procs = [subprocess.Popen(worker, env=env) for _ in range(workers)] if workers_first else []
    start = time.perf_counter()
    enqueue = subprocess.Popen(
        [*manage, "import_articles", "--background", *paths],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    watch = ServerCPU(connection.settings_dict["NAME"], watch=[enqueue.pid])
    watch.start()
    job_id = enqueue.stdout.read().strip()
    enqueue.wait()
    watch.stop()
    enqueue_mb = watch.peak_mb.get(enqueue.pid, 0)
    enqueued_s = time.perf_counter() - start
    if not workers_first:
        procs = [subprocess.Popen(worker, env=env) for _ in range(workers)]
    server = ServerCPU(connection.settings_dict["NAME"], watch=[p.pid for p in procs])
    server.start()
    if workers_first:
        while ImportJob.objects.with_progress().get(pk=job_id).remaining:
            time.sleep(0.1)
        total_s = time.perf_counter() - start
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
    cpu = 0.0
    for proc in procs:  # wait4: each worker's own CPU time
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
    peaks = [server.peak_mb.get(p.pid, 0) for p in procs]
    if not workers_first:
        total_s = time.perf_counter() - start
    server.stop()
    connection.close()
    job = ImportJob.objects.with_progress().get(pk=job_id)
    rate = job.done / total_s
    print(
        f"background import, {workers} workers"
        f"{' already running' if workers_first else ''}: {job.done} done, {job.failed} "
        f"failed, {job.remaining} remaining in {total_s:.1f} s = {rate:.0f} articles/s "
        f"(enqueue {enqueued_s:.1f} s of it)"
    )
    from articles.models import Article

    _print_cpu(cpu, server.seconds, job.done)
    print(f"articles stored: {Article.objects.count()} (each once: content_hash is unique)")
    print(
        "background peak memory: "
        + ", ".join(f"worker {i + 1} {mb:.0f} MB" for i, mb in enumerate(peaks))
        + f", enqueue {enqueue_mb:.0f} MB"
    )
    if any(p.returncode for p in procs):
        sys.exit("a worker failed")


def _own_cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _print_cpu(python: float, server: float, articles: int) -> None:
    """CPU per article, which other work on a shared machine changes far less than the rate."""
    n = max(articles, 1)
    per = 1000 * (python + server) / n
    print(
        f"  CPU per article: Python {1000 * python / n:.1f} ms, PostgreSQL "
        f"{1000 * server / n:.1f} ms; on {os.cpu_count()} idle cores that is at most "
        f"{1000 * (os.cpu_count() or 1) / per:.0f} articles/s "
        f"(load average now {os.getloadavg()[0]:.1f}: other work shares the cores)"
    )


class ServerCPU(threading.Thread):
    """CPU seconds of the PostgreSQL backends serving one database (sampled from /proc while
    they live: the server is shared, so only this database's backends count), and the peak
    memory of the processes ``watch`` lists (VmHWM: a child's own rusage would count the
    parent's pages it was forked with)."""

    def __init__(self, database: str, watch: list[int] = ()) -> None:
        super().__init__(daemon=True)
        self.database, self.done = database, threading.Event()
        self.last: dict[int, float] = {}
        self.watch = list(watch)
        self.peak_mb: dict[int, float] = {}

    @property
    def seconds(self) -> float:
        return sum(self.last.values())

    def run(self) -> None:
        import psycopg
        from django.db import connection

        params = connection.get_connection_params()
        with psycopg.connect(**params, autocommit=True) as conn:
            while not self.done.wait(0.25):
                for pid in self.watch:
                    mb = _peak_mb(pid)
                    if mb is not None:
                        self.peak_mb[pid] = max(mb, self.peak_mb.get(pid, 0))
                rows = conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> "
                    "pg_backend_pid()",
                    [self.database],
                ).fetchall()
                for (pid,) in rows:
                    seconds = _cpu_seconds(pid)
                    if seconds is not None:
                        self.last[pid] = seconds

    def stop(self) -> None:
        self.done.set()
        self.join()


def _peak_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _recreate(url: str) -> None:
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    conn, name = maintenance_connection(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    create_database(url)
    call_command("migrate", verbosity=0)


if __name__ == "__main__":
    main()
