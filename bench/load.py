"""Throughput of the chronology under gunicorn, against the bench database.

    uv run python bench/load.py [--seconds 60 --concurrency 16] [--instances 2]
                                [--workers 2 --threads 4]

Prepares ``timeline_bench`` as ``bench/pages.py`` does (reusing it when it is filled), runs
collectstatic, starts gunicorn (``timeline.wsgi``, gthread workers, static files through
whitenoise, DEBUG off) on free loopback ports, checks that a page and a static file answer,
then drives a bounded load from a second process: ``--concurrency`` keep-alive connections
(threads with http.client), each sending requests one after another for ``--seconds``, over
a mix of filtered chronology URLs. ``--instances 2`` starts two gunicorn servers sharing the
database and spreads the connections over both. Prints requests/s, latency percentiles and
errors, then stops the servers it started.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


# ---------------------------------------------------------------------------------------------
# The load client (runs in its own process: `load.py --client SPEC_FILE`)
# ---------------------------------------------------------------------------------------------


def run_client(spec: dict) -> dict:
    """Each thread keeps one connection and sends requests back to back until the deadline."""
    ports, urls, weights = spec["ports"], spec["urls"], spec["weights"]
    deadline = time.monotonic() + spec["seconds"]
    lock = threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    per_port = dict.fromkeys(map(str, ports), 0)

    def worker(index: int) -> None:
        rng = random.Random(index)
        port = ports[index % len(ports)]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        my_errors: dict[str, int] = {}
        while time.monotonic() < deadline:
            url, headers = rng.choices(urls, weights)[0]
            start = time.perf_counter()
            try:
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    key = f"HTTP {response.status}"
                    my_errors[key] = my_errors.get(key, 0) + 1
                    continue
                mine.append((time.perf_counter() - start) * 1000)
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                key = type(exc).__name__
                my_errors[key] = my_errors.get(key, 0) + 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)
            per_port[str(port)] += len(mine)
            for key, n in my_errors.items():
                errors[key] = errors.get(key, 0) + n

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(spec["concurrency"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "elapsed": time.monotonic() - started,
        "latencies": latencies,
        "errors": errors,
        "per_port": per_port,
    }


# ---------------------------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, *, workers: int, threads: int, env: dict) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "timeline.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def wait_until_serving(port: int, path: str, timeout: float = 30.0) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            conn.close()
            return response.status
        except OSError as exc:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"gunicorn on port {port} did not answer within {timeout:.0f} s"
                ) from exc
            time.sleep(0.2)


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            server.terminate()  # gunicorn's master stops its workers on SIGTERM
    for server in servers:
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# ---------------------------------------------------------------------------------------------
# The mix of URLs
# ---------------------------------------------------------------------------------------------


def url_mix() -> tuple[list[tuple[str, dict]], list[float]]:
    """Filtered chronology URLs as people would share them, with how often each is asked for."""
    from django.db.models import Count

    from timeline.models import Actor, Event

    slugs = list(
        Actor.objects.annotate(n=Count("participations"))
        .filter(n__gt=0)
        .order_by("-n")
        .values_list("slug", flat=True)[:12]
    )
    pages = max(1, Event.objects.count() // 50)
    years = list(range(1995, 2026, 3))
    htmx = {"HX-Request": "true"}
    mix: list[tuple[tuple[str, dict], float]] = [(("/", {}), 10)]
    mix += [((f"/?actor={s}", {}), 3) for s in slugs]
    mix += [((f"/?year={y}", {}), 2) for y in years]
    mix += [((f"/?actor={slugs[i % len(slugs)]}&year={y}", {}), 2) for i, y in enumerate(years)]
    mix += [((f"/?from={y}&to={y + 4}&kind=visit", {}), 1) for y in years[:5]]
    searches = ("gas", "visit", "Karabakh", "gas transit")
    mix += [((f"/?{urlencode({'q': q})}", {}), 2) for q in searches]
    mix += [((f"/?page={p}", {}), 1) for p in (2, 5, 50, pages // 2)]
    mix += [((f"/?year={y}", htmx), 2) for y in years[:4]]
    mix += [((f"/actors/{s}/", {}), 2) for s in slugs[:4]]
    urls, weights = zip(*mix, strict=True)
    return list(urls), list(weights)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--instances", type=int, default=1, choices=(1, 2, 3, 4))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--client", help=argparse.SUPPRESS)  # internal: run the load client
    args = parser.parse_args(argv)

    if args.client:
        spec = json.loads(Path(args.client).read_text())
        print(json.dumps(run_client(spec)))
        return 0

    import pages

    url = pages.bench_database_url()
    pages.setup_django(url)
    pages.ensure_filled(events=args.events, articles=args.articles, reuse=True)
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    urls, weights = url_mix()
    static_path = "/static/" + next(
        str(p.relative_to(ROOT / "static")) for p in sorted((ROOT / "static").rglob("*.css"))
    )

    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0"}
    ports = [free_port() for _ in range(args.instances)]
    servers = [
        start_gunicorn(port, workers=args.workers, threads=args.threads, env=env) for port in ports
    ]
    try:
        for port in ports:
            for path in ("/", static_path):
                status = wait_until_serving(port, path)
                if status != 200:
                    raise SystemExit(f"port {port}: {path} answered {status}")
        print(
            f"gunicorn: {args.instances} instance(s) on port(s) {', '.join(map(str, ports))}, "
            f"{args.workers} workers x {args.threads} threads each; static {static_path} served"
        )
        print(
            f"load: {args.concurrency} connections for {args.seconds:.0f} s over "
            f"{len(urls)} chronology URLs ({os.cpu_count()} CPU cores shared by client, "
            "servers and PostgreSQL)"
        )
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec_file:
            json.dump(
                {
                    "ports": ports,
                    "urls": urls,
                    "weights": weights,
                    "seconds": args.seconds,
                    "concurrency": args.concurrency,
                },
                spec_file,
            )
        client = subprocess.run(
            [sys.executable, __file__, "--client", spec_file.name],
            capture_output=True,
            text=True,
            check=False,
        )
        os.unlink(spec_file.name)
        if client.returncode != 0:
            raise SystemExit(f"load client failed: {client.stderr.strip()[-500:]}")
        result = json.loads(client.stdout)
    finally:
        stop(servers)

    latencies = result["latencies"]
    errors = sum(result["errors"].values())
    done = len(latencies)
    print(f"requests: {done} ok, {errors} errors {result['errors'] or ''}".rstrip())
    print(f"throughput: {done / result['elapsed']:.1f} requests/s")
    if latencies:
        print(
            f"latency ms: p50 {percentile(latencies, 50):.0f}, p95 {percentile(latencies, 95):.0f}"
            f", p99 {percentile(latencies, 99):.0f}, mean {statistics.fmean(latencies):.0f}"
        )
    if args.instances > 1:
        shares = ", ".join(f"port {p}: {n}" for p, n in result["per_port"].items())
        print(f"per instance: {shares}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
