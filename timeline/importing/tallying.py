"""Each event's tally of what its sources claim (``timeline.tallies``): counted by the
database from all its sources, or kept and grown by the claims of the sources the store
adds, so that refreshing a much-told event never reads its thousands of sources again."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

from django.db import connection
from django.db.models import Count, Min

from timeline.models import ClaimTally, Source

# What a source claims of its event, as its row stores it.
CLAIM_FIELDS = (
    "date_precision",
    "date_start",
    "date_end",
    "date_derivation",
    "date_evidence",
    "date_needs_review",
    "kind",
    "place",
    "label",
    "planned",
)


Tally = dict[tuple, int]  # each different claim (its CLAIM_FIELDS values): how many make it


def counted(ids: set[int]) -> tuple[dict[int, Tally], dict[int, int]]:
    """The events' tallies and articles, counted from all their sources by the database
    (each different claim once, in the order the sources came), not sent source by source."""
    tallies: dict[int, Tally] = defaultdict(dict)
    if not ids:
        return tallies, {}
    sources = Source.objects.filter(event_id__in=ids).order_by()
    for event_id, n, _first, *row in (
        sources.values("event_id", *CLAIM_FIELDS)
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("event_id", "first")
        .values_list("event_id", "n", "first", *CLAIM_FIELDS)
    ):
        tallies[event_id][tuple(row)] = n
    articles = dict(
        sources.values("event_id")
        .annotate(n=Count("article_id", distinct=True))
        .values_list("event_id", "n")
    )
    return tallies, articles


def tallied(grown: Mapping[int, list[tuple[int, tuple]]]) -> tuple[dict, dict]:
    """The kept tallies of these events with the new sources' claims counted in (a new claim
    comes last: its sources are the latest), and their articles."""
    tallies: dict[int, Tally] = {}
    articles: dict[int, int] = {}
    for kept in ClaimTally.objects.filter(event_id__in=grown):
        tally = {_from_json(row[:-1]): row[-1] for row in kept.claims}
        for _, row in grown[kept.event_id]:
            tally[row] = tally.get(row, 0) + 1
        tallies[kept.event_id] = tally
        articles[kept.event_id] = kept.articles + len({a for a, _ in grown[kept.event_id]})
    return tallies, articles


def grown_by(sources: Iterable[Source], new_articles: set[int]) -> dict[int, list]:
    """What sources inserted by the store add to their events, for `refresh_events`: only for
    events whose every new source comes from an article new to the timeline (an article
    stored before may tell the event already, under another source)."""
    grown: dict[int, list[tuple[int, tuple]]] = defaultdict(list)
    mixed = set()
    for source in sources:
        if source.article_id not in new_articles:
            mixed.add(source.event_id)
        grown[source.event_id].append(
            (source.article_id, tuple(getattr(source, f) for f in CLAIM_FIELDS))
        )
    return {pk: rows for pk, rows in grown.items() if pk not in mixed}


@contextmanager
def tallied_inserts() -> Iterator[None]:
    """Sources inserted meanwhile are counted into their events' tallies by the store's
    `refresh_events`: the database keeps the tallies (see ``timeline.tallies``)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('timeline.tallied', 'on', true)")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('timeline.tallied', 'off', true)")


def keep_tallies(tallies: Mapping[int, Tally], articles: Mapping[int, int]) -> None:
    ids = list(tallies)
    rows = [
        json.dumps([[*_to_json(row), n] for row, n in tallies[pk].items()], default=str)
        for pk in ids
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {ClaimTally._meta.db_table} (event_id, claims, articles)
            SELECT * FROM unnest(%s::bigint[], %s::text[]::jsonb[], %s::int[])
            ON CONFLICT (event_id)
            DO UPDATE SET claims = EXCLUDED.claims, articles = EXCLUDED.articles
            """,
            [ids, rows, [articles.get(pk, 0) for pk in ids]],
        )


_DATES = tuple(CLAIM_FIELDS.index(f) for f in ("date_start", "date_end"))


def _to_json(row: tuple) -> list:
    return [v.isoformat() if i in _DATES and v is not None else v for i, v in enumerate(row)]


def _from_json(values: list) -> tuple:
    return tuple(
        dt.date.fromisoformat(v) if i in _DATES and v is not None else v
        for i, v in enumerate(values)
    )


__all__ = [
    "CLAIM_FIELDS",
    "Tally",
    "counted",
    "grown_by",
    "keep_tallies",
    "tallied",
    "tallied_inserts",
]
