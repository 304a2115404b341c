"""Which event of the timeline an extracted event is: same kind, same date, and at least one
participant in common."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from django.db.models import Q

from articles.extraction.types import ExtractedEvent
from timeline.models import Actor, Event, Participation, Role


def matching_events(
    items: Mapping[Hashable, ExtractedEvent], actors: Mapping[str, Actor]
) -> dict[Hashable, Event]:
    """Events the timeline already has for these items: ``{key: event}`` for ``{key: item}``."""
    wanted: dict = {}
    for key, item in items.items():
        start, end = item.date.interval()
        ids = {actors[n].pk for n in item.participants if n in actors}
        if start is not None and ids:
            wanted[key] = (item.kind, start, end, ids)
    if not wanted:
        return {}
    # Candidate events by kind and date (the kind index), then their participants: both
    # index look-ups, whatever the number of events an actor has.
    condition = Q()
    for kind, start, end in {(k, s, e) for k, s, e, _ in wanted.values()}:
        condition |= Q(kind=kind, date_start=start, date_end=end)
    candidates = {
        pk: (kind, start, end)
        for pk, kind, start, end in Event.objects.filter(condition).values_list(
            "pk", "kind", "date_start", "date_end"
        )
    }
    if not candidates:
        return {}
    rows = (
        Participation.objects.filter(
            event_id__in=candidates,
            role=Role.PARTICIPANT,
            actor_id__in={i for *_, ids in wanted.values() for i in ids},
        )
        .values_list("event_id", "actor_id")
        .order_by("event_id")
    )
    found: dict = {}
    for event_id, actor_id in rows:
        for key, (kind, start, end, ids) in wanted.items():
            if key not in found and candidates[event_id] == (kind, start, end) and actor_id in ids:
                found[key] = event_id
    events = Event.objects.defer("search_vector").in_bulk(set(found.values()))
    return {key: events[event_id] for key, event_id in found.items()}


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
