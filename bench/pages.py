"""Server time of the public pages on a large database, in process (no network, DEBUG off).

    uv run python bench/pages.py [--events 100000 --articles 10000] [--reuse] [--repeat 30]
                                 [--explain]

Uses its own database, ``timeline_bench``, on the same PostgreSQL server as the application
(the project-local cluster's socket, or the server of ``DATABASE_URL``; ``BENCH_DATABASE_URL``
overrides both). It creates and migrates that database, then fills it with COPY: the articles
are texts from ``bench/generate.py``, the events have the years (1991–2025, denser recently),
precisions, kinds, places and participants of an imported archive, each backed by passages of
those articles. ``--reuse`` keeps a database that already holds that many events.

Each page is requested a few times to warm up, then ``--repeat`` times through
``django.test.Client``; it prints the median and 95th percentile server time, and the number
of SQL queries of every request (it should not vary with the data: "3–3" is good). Pages over
the target are listed with their slowest query; ``--explain`` adds its EXPLAIN ANALYZE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BENCH_DB = "timeline_bench"
TARGET_P95_MS = 50.0
ARTICLE_SEED = 7  # the generator's seed for the articles' texts

# ---------------------------------------------------------------------------------------------
# Which database
# ---------------------------------------------------------------------------------------------


def bench_database_url(name: str = BENCH_DB) -> str:
    """A database on the application's server (local socket unless DATABASE_URL is set)."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    base = os.environ.get("DATABASE_URL")
    if base:
        parts = urlsplit(base)
        return urlunsplit(parts._replace(path=f"/{name}"))
    from timeline.ops import localdb

    if not localdb.is_running():
        print(localdb.start())
    return f"postgresql://{localdb.DB_USER}@/{name}?host={localdb.socket_dir()}"


def maintenance_connection(url: str):
    """A connection to the server's `postgres` database, to create or drop bench databases;
    with the bench database's name."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
    }
    params.update(config.get("OPTIONS", {}))  # ?host=/socket/dir arrives as an option
    conn = psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)
    return conn, config["NAME"]


def create_database(url: str) -> bool:
    """Create the bench database if the server lacks it; True when created."""
    conn, name = maintenance_connection(url)
    with conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return not exists


def setup_django(url: str) -> None:
    """Point this process at the bench database, with the production setting DEBUG=0."""
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    import django

    create_database(url)
    django.setup()


# ---------------------------------------------------------------------------------------------
# Filling it
# ---------------------------------------------------------------------------------------------

PLACES = [
    "Baku",
    "Moscow",
    "Sochi",
    "St. Petersburg",
    "Ganja",
    "Astana",
    "Minsk",
    "Dushanbe",
    "Kazan",
    "Ashgabat",
    "Tehran",
    "Istanbul",
    "Yerevan",
    "Tbilisi",
    "Shusha",
    "Gabala",
    "Astrakhan",
    "Makhachkala",
    "Bishkek",
    "Almaty",
    "Nur-Sultan",
    "Geneva",
    "Vienna",
    "Paris",
    "Brussels",
    "Washington",
    "Aktau",
    "Nakhchivan",
    "Lankaran",
    "Derbent",
]
KIND_WEIGHTS = {
    "visit": 12,
    "meeting": 22,
    "call": 9,
    "agreement": 10,
    "statement": 20,
    "incident": 6,
    "economic": 11,
    "other": 10,
}
LABELS = [
    "Declaration on Allied Interaction",
    "Treaty of Friendship, Cooperation and Mutual Security",
    "Baku Declaration",
    "Caspian Sea Convention",
    "Trilateral statement of 10 November 2020",
    "State border treaty",
    "Contract of the Century",
]
# The people most articles are about come first; the rest follow a long tail.
HOT_ACTORS = [
    "Vladimir Putin",
    "Ilham Aliyev",
    "Sergey Lavrov",
    "Russia",
    "Azerbaijan",
    "Jeyhun Bayramov",
    "Nikol Pashinyan",
    "Armenia",
    "Dmitry Peskov",
    "Heydar Aliyev",
    "Elmar Mammadyarov",
    "Maria Zakharova",
    "Dmitry Medvedev",
    "Alexei Overchuk",
    "Turkey",
    "Recep Tayyip Erdogan",
]
FIRST_NAMES = [
    "Anar",
    "Rashad",
    "Elnur",
    "Tural",
    "Igor",
    "Oleg",
    "Pavel",
    "Nigar",
    "Leyla",
    "Farid",
    "Kamran",
    "Denis",
    "Roman",
    "Yulia",
    "Irina",
    "Samir",
    "Vusal",
]
SURNAMES = [
    "Mammadli",
    "Guliyev",
    "Ismayilov",
    "Orlov",
    "Sokolov",
    "Kuznetsov",
    "Huseynov",
    "Babayev",
    "Karimov",
    "Volkov",
    "Zaitsev",
    "Novikov",
    "Rzayev",
    "Safarov",
    "Belov",
]


@dataclass
class ArticleRow:
    text: str
    title: str
    body_start: int
    body_end: int
    sentences: list[tuple[int, int]]


def _article_rows(indices: range) -> list[ArticleRow]:
    from generate import article_text

    from articles.extraction.layout import analyse, body_spans
    from articles.extraction.text import sentences

    rows = []
    for index in indices:
        text = article_text(ARTICLE_SEED, index)
        layout = analyse(text)
        spans = sentences(text, body_spans(text, layout)) or [(0, min(len(text), 200))]
        rows.append(ArticleRow(text, layout.title[:500], layout.body_start, layout.body_end, spans))
    return rows


def article_rows(count: int) -> list[ArticleRow]:
    """Texts from the generator with their layout, two processes at a time."""
    chunks = [range(i, min(i + 500, count)) for i in range(0, count, 500)]
    jobs = min(len(chunks), os.cpu_count() or 1)
    if jobs <= 1:
        return [row for chunk in chunks for row in _article_rows(chunk)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return [row for rows in pool.map(_article_rows, chunks) for row in rows]


def _copy(model, rows: Iterable[dict]) -> int:
    """COPY rows into the model's table; columns not given take their model default."""
    from django.db import connection, models
    from django.db.models import GeneratedField
    from django.utils import timezone
    from psycopg.types.json import Jsonb

    now = timezone.now()
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    rows = itertools.chain([first], rows)
    fields = [
        f
        for f in model._meta.concrete_fields
        if not isinstance(f, GeneratedField)
        and not (f.primary_key and isinstance(f, models.AutoField) and f.attname not in first)
    ]
    defaults = {}
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = now
        elif f.has_default():
            defaults[f.attname] = f.get_default()
        elif f.null:
            defaults[f.attname] = None
        else:
            defaults[f.attname] = ""
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    connection.ensure_connection()
    count = 0
    with connection.connection.cursor() as cursor:
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in rows:
                values = []
                for f in fields:
                    value = row.get(f.attname, defaults[f.attname])
                    values.append(Jsonb(value) if f.attname in json_fields else value)
                copy.write_row(values)
                count += 1
    return count


def _year_weights() -> tuple[list[int], list[float]]:
    years = list(range(1991, 2026))
    return years, [1 + 0.12 * (y - 1991) + (2.0 if 2020 <= y <= 2023 else 0) for y in years]


def _date(rng: random.Random, precision: str, years, weights):
    from timeline.models import interval_for

    if precision == "unknown":
        return None, None
    year = rng.choices(years, weights)[0]
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return interval_for(precision, day)


def fill(*, events: int, articles: int, seed: int = 1) -> dict[str, int]:
    """Empty the bench database and fill it; returns row counts."""
    from django.db import connection
    from django.utils.text import slugify

    from articles.models import Article
    from timeline.importing import ensure_actor_registry
    from timeline.models import PRECISION_RANK, Actor, Event, Participation, Source

    rng = random.Random(seed)
    models = [Source, Participation, Event, Article, Actor]
    models += [m.history.model for m in (Event, Actor, Participation) if hasattr(m, "history")]
    tables = [m._meta.db_table for m in models]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")

    # Actors: the shipped registry, plus people the extractor found and nobody reviewed yet.
    ensure_actor_registry()
    extra = sorted({f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES} - set(HOT_ACTORS))
    extra = rng.sample(extra, k=150)
    Actor.objects.bulk_create(
        [Actor(name=n, slug=slugify(n), reviewed=False, office="Deputy minister") for n in extra]
    )
    by_name = {a.name: a.pk for a in Actor.objects.only("id", "name")}
    hot = [by_name[n] for n in HOT_ACTORS if n in by_name]
    tail = sorted(set(by_name.values()) - set(hot))
    rng.shuffle(tail)
    actor_ids = hot + tail
    # Zipf-like: the first actors take part in a large share of all events.
    actor_weights = [1 / (rank + 1) ** 1.05 for rank in range(len(actor_ids))]
    cumulative = list(_accumulate(actor_weights))

    started = time.perf_counter()
    texts = article_rows(articles)
    print(
        f"  generated and laid out {len(texts)} articles in {time.perf_counter() - started:.1f} s"
    )

    years, weights = _year_weights()
    precisions = ["day", "month", "year", "unknown"]
    kinds, kind_weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())

    def article_dicts() -> Iterator[dict]:
        for i, row in enumerate(texts, start=1):
            text = row.text
            precision = rng.choices(["day", "unknown"], [85, 15])[0]
            start, _ = _date(rng, precision, years, weights)
            yield {
                "id": i,
                "file_name": f"bench_{i:05d}.txt",
                "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                "raw_text": text,
                "title": row.title,
                "body_start": row.body_start,
                "body_end": row.body_end,
                "published_date": start,
                "published_precision": precision,
                "published_evidence": "",
                "extracted_at": dt.datetime.now(dt.UTC),
            }

    started = time.perf_counter()
    counts = {"articles": _copy(Article, article_dicts())}

    # Events and their sources: article i's main event first, then mentioned events spread
    # over random articles, a tenth of them backed by a second article.
    event_rows: list[dict] = []
    source_rows: list[dict] = []
    for event_id in range(1, events + 1):
        main = event_id <= len(texts)
        article = event_id if main else rng.randrange(1, len(texts) + 1)
        row = texts[article - 1]
        backing = [(article, "main" if main else f"m:{event_id}", main)]
        if not main and rng.random() < 0.1:
            backing.append((rng.randrange(1, len(texts) + 1), f"x:{event_id}", False))
        passages = []
        for a, key, is_main in backing:
            sents = texts[a - 1].sentences
            s, e = sents[0] if is_main else rng.choice(sents)
            passages.append(texts[a - 1].text[s:e])
            source_rows.append(
                {
                    "event_id": event_id,
                    "article_id": a,
                    "extraction_key": key,
                    "is_main": is_main,
                    "passage_start": s,
                    "passage_end": e,
                }
            )
        precision = rng.choices(precisions, [80, 5, 3, 12] if main else [45, 25, 18, 12])[0]
        start, end = _date(rng, precision, years, weights)
        summary = row.title if main and row.title else " ".join(passages[0].split())
        event_rows.append(
            {
                "id": event_id,
                "summary": summary[:500],
                "kind": rng.choices(kinds, kind_weights)[0],
                "place": rng.choice(PLACES) if rng.random() < 0.7 else "",
                "label": rng.choice(LABELS) if rng.random() < 0.02 else "",
                "date_precision": precision,
                "date_start": start,
                "date_end": end,
                "precision_rank": PRECISION_RANK[precision],
                "date_evidence": "",
                "date_derivation": "bench" if start else "no date found in the text",
                "needs_review": precision == "unknown" or rng.random() < 0.1,
                "passages": "\n".join(passages),
            }
        )
    counts["events"] = _copy(Event, event_rows)
    counts["sources"] = _copy(Source, source_rows)

    def participation_dicts() -> Iterator[dict]:
        for event_id in range(1, events + 1):
            k = rng.choices([0, 1, 2, 3, 4, 5], [4, 22, 36, 22, 11, 5])[0]
            chosen = dict.fromkeys(rng.choices(actor_ids, cum_weights=cumulative, k=k))
            for n, actor_id in enumerate(chosen):
                role = "participant" if n < 2 else rng.choice(["participant", "mentioned"])
                yield {"event_id": event_id, "actor_id": actor_id, "role": role}

    counts["participations"] = _copy(Participation, participation_dicts())
    counts["actors"] = len(actor_ids)
    with connection.cursor() as cursor:
        for model in (Article, Event, Source, Participation):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        # As a settled database would be: statistics, visibility map, hint bits.
        for model in (Article, Event, Source, Participation, Actor):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    print(f"  copied rows in {time.perf_counter() - started:.1f} s")
    return counts


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def ensure_filled(*, events: int, articles: int, reuse: bool) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from timeline.models import Event

    name = settings.DATABASES["default"]["NAME"]
    call_command("migrate", verbosity=0, interactive=False)
    have = Event.objects.count()
    if reuse and have >= events:
        print(f"reusing {name}: {have} events")
        return
    started = time.perf_counter()
    print(f"filling {name} ({events} events, {articles} articles)")
    counts = fill(events=events, articles=articles)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"filled in {time.perf_counter() - started:.1f} s: {summary}")


# ---------------------------------------------------------------------------------------------
# Timing the pages
# ---------------------------------------------------------------------------------------------


@dataclass
class PageResult:
    name: str
    example: str
    times_ms: list[float]
    queries: list[int]
    sql_ms: float  # time in SQL of one request (median over the URLs), as Django measures it
    bytes: int
    slowest_sql: str
    slowest_ms: float

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def page_urls() -> list[tuple[str, list[str], dict]]:
    """(name, URLs to rotate through, extra headers) for every page measured."""
    from django.db.models import Count

    from articles.models import Article
    from timeline.models import Actor, Event

    actors = list(
        Actor.objects.annotate(n=Count("participations")).order_by("-n").values_list("slug", "n")
    )
    busiest = [slug for slug, _ in actors[:3]]
    middling = [slug for slug, n in actors if 0 < n < 2000][:2] or busiest
    some_actors = busiest + middling
    years = [2008, 2016, 2020, 2021, 2023]
    total = Event.objects.count()
    last_page = max(1, (total + 49) // 50)
    event_ids = list(Event.objects.order_by("?").values_list("id", flat=True)[:10])
    article_ids = list(Article.objects.order_by("?").values_list("id", flat=True)[:10])
    htmx = {"HTTP_HX_REQUEST": "true"}
    return [
        ("chronology", ["/"], {}),
        ("by actor", [f"/?actor={s}" for s in some_actors], {}),
        ("by year", [f"/?year={y}" for y in years], {}),
        (
            "by actor and year",
            [f"/?actor={busiest[i % 3]}&year={y}" for i, y in enumerate(years)],
            {},
        ),
        ("search ?q=gas", ["/?q=gas"], {}),
        ("search, oldest first", ["/?q=gas&order=oldest"], {}),
        ("deep page ?page=50", ["/?page=50"], {}),
        (f"last page ?page={last_page}", [f"/?page={last_page}"], {}),
        ("htmx results (by year)", [f"/?year={y}" for y in years], htmx),
        ("htmx More (page 2)", ["/?page=2"], htmx),
        ("event page", [f"/events/{pk}/" for pk in event_ids], {}),
        ("article page", [f"/articles/{pk}/" for pk in article_ids], {}),
        ("actor page", [f"/actors/{s}/" for s in some_actors], {}),
    ]


def measure(name: str, urls: list[str], headers: dict, *, repeat: int, warmup: int) -> PageResult:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    size = 0
    for i in range(warmup):
        response = client.get(urls[i % len(urls)], **headers)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {urls[i % len(urls)]} answered {response.status_code}")
        size = len(response.content)
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        client.get(urls[i % len(urls)], **headers)
        times.append((time.perf_counter() - start) * 1000)
    # Query counts on a separate pass: capturing slows every query a little.
    queries = []
    sql_ms = []
    slowest = ("", 0.0)
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url, **headers)
        queries.append(len(captured.captured_queries))
        sql_ms.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
        for q in captured.captured_queries:
            if float(q["time"]) * 1000 > slowest[1]:
                slowest = (q["sql"], float(q["time"]) * 1000)
    return PageResult(
        name, urls[0], times, queries, statistics.median(sql_ms), size, slowest[0], slowest[1]
    )


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true", help="keep an already filled database")
    parser.add_argument("--db", default=BENCH_DB, help=f"database name (default {BENCH_DB})")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--only", help="measure only pages whose name contains this")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="EXPLAIN ANALYZE the slowest query of pages over the target",
    )
    args = parser.parse_args(argv)
    if args.articles > args.events:
        parser.error("--articles cannot exceed --events (each article has a main event)")

    url = bench_database_url(args.db)
    setup_django(url)
    print(f"database: {url}")
    ensure_filled(events=args.events, articles=args.articles, reuse=args.reuse)

    results = []
    print(
        f"\n{'page':<28} {'median ms':>9} {'p95 ms':>8} {'SQL ms':>7} {'queries':>8} {'KB':>5}"
        "  example"
    )
    for name, urls, headers in page_urls():
        if args.only and args.only not in name:
            continue
        r = measure(name, urls, headers, repeat=args.repeat, warmup=args.warmup)
        results.append(r)
        q = (
            f"{min(r.queries)}"
            if min(r.queries) == max(r.queries)
            else (f"{min(r.queries)}–{max(r.queries)}")
        )
        print(
            f"{r.name:<28} {r.median:>9.1f} {r.p95:>8.1f} {r.sql_ms:>7.1f} {q:>8} "
            f"{r.bytes / 1024:>5.0f}  {r.example}"
        )
    slow = [r for r in results if r.p95 > TARGET_P95_MS]
    varying = [r for r in results if min(r.queries) != max(r.queries)]
    print(f"\ntarget p95 < {TARGET_P95_MS:.0f} ms: {len(results) - len(slow)}/{len(results)} pages")
    if varying:
        print("query count varies on: " + ", ".join(r.name for r in varying))
    seen: set[str] = set()
    for r in slow:
        print(
            f"\n{r.name}: {r.p95:.0f} ms at p95, {r.sql_ms:.0f} ms of it in SQL; "
            f"slowest query {r.slowest_ms:.1f} ms"
        )
        if r.slowest_sql in seen:
            print("  (the same query as above)")
            continue
        seen.add(r.slowest_sql)
        print(f"  {r.slowest_sql[:400]}{'…' if len(r.slowest_sql) > 400 else ''}")
        if args.explain:
            print("  " + explain(r.slowest_sql).replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
