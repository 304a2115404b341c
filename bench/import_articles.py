"""Import speed end to end: generated articles into PostgreSQL, extraction included.

    uv run python bench/generate.py --count 10000 --seed 42 --out bench/out/articles
    uv run python bench/import_articles.py [--folder bench/out/articles] [--limit N]

Uses its own database (`timeline_import_bench`, dropped and recreated each run) on the
application's server, imports the folder through the same code as `manage.py import_articles`,
then imports it again (every file unchanged). Prints articles per second for both runs and the
peak memory of the process and of its extraction workers.
"""

import argparse
import os
import resource
import sys
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
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no .txt files in {args.folder}: run bench/generate.py first")

    url = bench_database_url(DB)
    _recreate(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from timeline.importing import import_paths

    paths = [str(p) for p in files]
    start = time.perf_counter()
    first = import_paths(paths)
    first_s = time.perf_counter() - start
    start = time.perf_counter()
    second = import_paths(paths)
    second_s = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"articles: {len(files)} from {args.folder}")
    rate = len(files) / first_s
    print(f"first import: {first.summary()} in {first_s:.1f} s = {rate:.0f} articles/s")
    print(
        f"second import: {second.summary()} in {second_s:.2f} s = "
        f"{len(files) / second_s:.0f} articles/s ({first_s / second_s:.0f}x faster)"
    )
    print(f"peak memory: {own:.0f} MB import process, {workers:.0f} MB largest extraction worker")


def _recreate(url: str) -> None:
    conn, name = maintenance_connection(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    create_database(url)


if __name__ == "__main__":
    main()
