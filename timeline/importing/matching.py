"""Which event of the timeline an extracted event tells (the rule is ``identity``).

Candidates come from index look-ups, never from comparing every pair: events of a compatible
kind whose date interval overlaps the mention's (the kind index) and that share a participant
with it, carry a document's name or have its place. Two queries a batch, whatever its size.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace

from django.db.models.expressions import RawSQL

from articles.extraction.headlines import clean_label
from articles.extraction.known_events import label_key
from timeline.importing.identity import SLACK, Telling, best, compatible_kinds
from timeline.models import Event, Participation, Role


@dataclass
class Found:
    """What the timeline has for one mention: the event it tells, or those it probably does."""

    event: Event | None = None
    probable: list[tuple[Event, str]] = field(default_factory=list)


def event_telling(event: Event, people: frozenset[int]) -> Telling:
    return Telling(
        kind=event.kind,
        start=event.date_start,
        end=event.date_end,
        people=people,
        label=event.label,
        place=event.place,
    )


def matching_events(
    items: Mapping[Hashable, Telling],
    *,
    leaving: set[int] = frozenset(),
    own: Mapping[Hashable, int] | None = None,
) -> dict[Hashable, Found]:
    """For ``{key: telling}``, what the timeline already has: ``{key: Found}``; never the
    events ``leaving`` it in this batch, nor the event a key already tells (``own``)."""
    parts = [
        _by_date([t for t in items.values() if t.start is not None]),
        _by_name([t for t in items.values() if t.start is None and clean_label(t.label)]),
    ]
    parts = [part for part in parts if part is not None]
    if not parts:
        return {}
    # One set of candidate ids (a semi-join on the primary key), never a scan of the events.
    sql = " UNION ".join(f"({part[0]})" for part in parts)
    candidates = RawSQL(sql, [p for part in parts for p in part[1]])
    events = {
        e.pk: e
        for e in Event.objects.filter(pk__in=candidates)
        .order_by()
        .defer("passages", "search_vector")
        if e.pk not in leaving
    }
    if not events:
        return {}
    people: dict[int, set[int]] = {pk: set() for pk in events}
    for event_id, actor_id in Participation.objects.filter(
        event_id__in=events, role=Role.PARTICIPANT
    ).values_list("event_id", "actor_id"):
        people[event_id].add(actor_id)
    tellings = {pk: event_telling(e, frozenset(people[pk])) for pk, e in events.items()}
    by_year: dict[int, list[int]] = {}
    for pk, telling in tellings.items():
        if telling.start is not None:
            for year in _years(telling):
                by_year.setdefault(year, []).append(pk)
    found: dict[Hashable, Found] = {}
    for key, telling in items.items():
        if telling.start is None:
            pks = set(events) if telling.label else set()
        else:
            pks = {pk for y in _years(telling) for pk in by_year.get(y, ())}
        pks.discard((own or {}).get(key))
        sure, probable = best(telling, [(pk, tellings[pk]) for pk in sorted(pks)])
        if sure is not None or probable:
            found[key] = Found(
                event=events[sure] if sure is not None else None,
                probable=[(events[pk], why) for pk, why in probable],
            )
    return found


# For each mention (a row of VALUES), the events of a compatible kind that could hold it or
# lie within it: the day range around it, or the month or year containing it, all looked up
# on the (kind, date_start) index; then only those sharing someone, a name or the place.
_CANDIDATES = """
    WITH wanted (kinds, lo, hi, month_start, year_start, actors, labelled, place) AS (
        VALUES {rows}
    )
    SELECT e.id
    FROM wanted w
    CROSS JOIN LATERAL unnest(w.kinds) AS k(kind)
    CROSS JOIN LATERAL (
        SELECT id FROM timeline_event
        WHERE kind = k.kind AND date_start BETWEEN w.lo AND w.hi
        UNION
        SELECT id FROM timeline_event
        WHERE kind = k.kind AND date_start IN (w.month_start, w.year_start)
    ) AS c
    JOIN timeline_event e ON e.id = c.id
    WHERE (w.labelled AND e.label <> '')
       OR (w.place <> '' AND e.place = w.place)
       OR EXISTS (
            SELECT 1 FROM timeline_participation p
            WHERE p.event_id = e.id AND p.role = %s AND p.actor_id = ANY(w.actors)
       )
"""
_ROW = "(%s::varchar[], %s::date, %s::date, %s::date, %s::date, %s::bigint[], %s, %s)"


def _by_date(tellings: list[Telling]) -> tuple[str, list] | None:
    rows, params = [], []
    for t in tellings:
        if not (t.people or t.label or t.place):
            continue
        rows.append(_ROW)
        params += [
            sorted(compatible_kinds(t.kind)),
            t.start - SLACK,
            t.end + SLACK,
            t.start.replace(day=1),
            t.start.replace(month=1, day=1),
            sorted(t.people),
            bool(t.label),
            t.place,
        ]
    if not rows:
        return None
    return _CANDIDATES.format(rows=", ".join(rows)), [*params, Role.PARTICIPANT]


def _by_name(tellings: list[Telling]) -> tuple[str, list] | None:
    """Events named like an undated mention's document (the search index)."""
    if not tellings:
        return None
    one = (
        "SELECT id FROM timeline_event WHERE label <> '' AND kind = ANY(%s::varchar[]) "
        "AND search_vector @@ plainto_tsquery('simple', %s)"
    )
    params = []
    for t in tellings:
        params += [sorted(compatible_kinds(t.kind)), clean_label(t.label).lower()]
    return " UNION ".join([one] * len(tellings)), params


class BatchEvents:
    """Events created earlier in the same batch, so that two articles of one batch telling
    the same event make one; kept by year (and named documents by name), so a mention is
    compared with its year's only."""

    def __init__(self) -> None:
        self._made: list[tuple[Event, Telling]] = []
        self._by_year: dict[int, list[int]] = {}
        self._named: list[int] = []

    def find(self, telling: Telling) -> Found:
        if telling.start is None:
            indexes = self._named if len(label_key(telling.label)) >= 2 else []
        else:
            indexes = [i for y in _years(telling) for i in self._by_year.get(y, ())]
        sure, probable = best(telling, [(i, self._made[i][1]) for i in indexes])
        return Found(
            event=self._made[sure][0] if sure is not None else None,
            probable=[(self._made[i][0], why) for i, why in probable],
        )

    def add(self, event: Event, telling: Telling) -> None:
        if telling.start is None:
            return
        index = len(self._made)
        self._made.append((event, telling))
        for year in _years(telling):
            self._by_year.setdefault(year, []).append(index)
        if len(label_key(telling.label)) >= 2:
            self._named.append(index)

    def widen(self, event: Event, telling: Telling) -> None:
        """Another telling of an event made in this batch: its people and name count too."""
        for i, (made, known) in enumerate(self._made):
            if made is event:
                self._made[i] = (
                    made,
                    replace(
                        known,
                        people=known.people | telling.people,
                        label=known.label or telling.label,
                        place=known.place or telling.place,
                    ),
                )
                if telling.label and i not in self._named and len(label_key(telling.label)) >= 2:
                    self._named.append(i)


def _years(telling: Telling) -> range:
    """The years a telling's interval touches, with the slack of a day's report."""
    return range((telling.start - SLACK).year, (telling.end + SLACK).year + 1)
