"""Which event of the timeline an extracted event is: same kind, same date, and at least one
participant in common."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping

from django.db import connection

from articles.extraction.types import ExtractedEvent
from timeline.models import Actor, Event, Participation, Role


def matching_events(
    items: Mapping[Hashable, ExtractedEvent], actors: Mapping[str, Actor]
) -> dict[Hashable, Event]:
    """Events the timeline already has for these items: ``{key: event}`` for ``{key: item}``;
    of several, the oldest."""
    keys: list[Hashable] = []
    wanted: list[tuple[int, str, dt.date, dt.date, int]] = []
    for key, item in items.items():
        start, end = item.date.interval()
        ids = {actors[n].pk for n in item.participants if n in actors}
        if start is not None and ids:
            keys.append(key)
            wanted += [(len(keys) - 1, item.kind, start, end, actor) for actor in sorted(ids)]
    if not wanted:
        return {}
    # One query, whatever the number of events sharing a kind and a date (thousands, for the
    # anniversary of a much-cited document): the kind index, then each participant's.
    columns = [list(column) for column in zip(*wanted, strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT DISTINCT ON (w.n) w.n, e.id
            FROM unnest(%s::int[], %s::text[], %s::date[], %s::date[], %s::bigint[])
                AS w(n, kind, date_start, date_end, actor_id)
            JOIN {Event._meta.db_table} e ON e.kind = w.kind
                AND e.date_start = w.date_start AND e.date_end = w.date_end
            JOIN {Participation._meta.db_table} p ON p.event_id = e.id
                AND p.actor_id = w.actor_id AND p.role = %s
            ORDER BY w.n, e.id
            """,
            [*columns, Role.PARTICIPANT.value],
        )
        found = dict(cursor.fetchall())
    events = Event.objects.defer("search_vector").in_bulk(set(found.values()))
    return {keys[n]: events[event_id] for n, event_id in found.items()}


class BatchEvents:
    """Events created earlier in the same batch, so that two articles of one batch telling
    the same event make one."""

    def __init__(self) -> None:
        self._made: dict[tuple, list[tuple[Event, set[int]]]] = {}

    def find(self, item: ExtractedEvent, people: set[int]) -> Event | None:
        start, end = item.date.interval()
        if start is None or not people:
            return None
        candidates = self._made.get((item.kind, start, end), ())
        return next((e for e, ids in candidates if ids & people), None)

    def add(self, event: Event, item: ExtractedEvent, people: set[int]) -> None:
        start, end = item.date.interval()
        if start is not None and people:
            self._made.setdefault((item.kind, start, end), []).append((event, people))
