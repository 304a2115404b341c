"""Which event of the timeline an extracted event tells (the rule is ``identity``).

Candidates come from index look-ups, never from comparing every pair or scanning a day's
events: events of a compatible kind around the mention's dates that share a participant with
it (the participants' index by day), name the same kind of document (the named events'
index), or, for a place alone, have its kind, day and place. Three queries a batch, whatever
its size.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field, replace

from django.db import connection

from articles.extraction.eventhood import TALK_KINDS
from articles.extraction.headlines import clean_label
from timeline.importing.identity import NOTICE, SLACK, Telling, best, compatible_kinds, named
from timeline.models import Event, Participation, Role


@dataclass
class Found:
    """What the timeline has for one mention: the event it tells, or those it probably does."""

    event: Event | None = None
    probable: list[tuple[Event, str]] = field(default_factory=list)


def matching_events(
    items: Mapping[Hashable, Telling],
    *,
    leaving: set[int] = frozenset(),
    own: Mapping[Hashable, int] | None = None,
) -> dict[Hashable, Found]:
    """For ``{key: telling}``, what the timeline already has: ``{key: Found}``; never the
    events ``leaving`` it in this batch, nor the event a key already tells (``own``).

    Three queries: each mention's candidates (index look-ups, with what identity compares),
    their participants, and the events found."""
    keys = list(items)
    pairs: dict[int, set[int]] = {}
    seen: dict[int, tuple] = {}
    for n, pk, *told in _candidate_rows([items[k] for k in keys]):
        if pk not in leaving and pk != (own or {}).get(keys[n]):
            pairs.setdefault(n, set()).add(pk)
            seen[pk] = told
    if not pairs:
        return {}
    people: dict[int, set[int]] = {pk: set() for pk in seen}
    for event_id, actor_id in Participation.objects.filter(
        event_id__in=seen, role=Role.PARTICIPANT
    ).values_list("event_id", "actor_id"):
        people[event_id].add(actor_id)
    tellings = {
        pk: Telling(kind, start, end, frozenset(people[pk]), label, place, planned)
        for pk, (kind, start, end, label, place, planned) in seen.items()
    }
    verdicts = {}
    for n, pks in pairs.items():
        sure, probable = best(items[keys[n]], [(pk, tellings[pk]) for pk in sorted(pks)])
        if sure is not None or probable:
            verdicts[keys[n]] = (sure, probable)
    wanted = {pk for sure, probable in verdicts.values() for pk in [sure, *dict(probable)]}
    events = Event.objects.defer("passages", "search_vector").in_bulk(wanted - {None})
    return {
        key: Found(
            event=events[sure] if sure is not None else None,
            probable=[(events[pk], why) for pk, why in probable],
        )
        for key, (sure, probable) in verdicts.items()
    }


def _candidate_rows(tellings: list[Telling]) -> list[tuple]:
    """(mention's index, event id, kind, first day, last day, label, place, planned) per
    candidate."""
    dated = [(n, t) for n, t in enumerate(tellings) if t.start is not None]
    undated = [(n, t) for n, t in enumerate(tellings) if t.start is None and clean_label(t.label)]
    parts = [part for part in (_by_date(dated), _by_name(undated)) if part is not None]
    if not parts:
        return []
    sql = " UNION ".join(f"({part[0]})" for part in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for part in parts for p in part[1]])
        return cursor.fetchall()


_EVENT_COLUMNS = "id, kind, date_start, date_end, label, place, planned"
_E = ", ".join(f"e.{c}" for c in _EVENT_COLUMNS.split(", "))

# For each mention (a row of the arrays), the events of a compatible kind that could hold it
# or lie within it: around its days, or on the first day of its month or year (an event
# of that month or year), or announced shortly before. Three ways in, each an index look-up
# whose size is what the mention shares, never all the timeline holds on those days:
# - its people's events on those days (participations carry their event's first day);
# - for a mention naming a document, the named events of its kinds on those days that
#   name the same kind of document;
# - for a place alone, events of its own kind, day and place (all the rule compares then).
# The mentions come as one array per column (kinds and actors as comma-separated text), not
# as VALUES rows: a dozen parameters instead of a dozen per mention, which psycopg would
# otherwise quote one by one into a new statement text for every batch.
_CANDIDATES = f"""
    WITH wanted AS (
        SELECT n, string_to_array(kinds, ',')::varchar[] AS kinds, kind, day, lo, hi,
            month_start, year_start, announced_from,
            string_to_array(actors, ',')::bigint[] AS actors, document, place
        FROM unnest(
            %s::int[], %s::text[], %s::text[], %s::date[], %s::date[], %s::date[], %s::date[],
            %s::date[], %s::date[], %s::text[], %s::text[], %s::text[]
        ) AS w(n, kinds, kind, day, lo, hi, month_start, year_start, announced_from, actors,
            document, place)
    )
    SELECT w.n, e.*
    FROM wanted w
    CROSS JOIN LATERAL (
        SELECT {_E} FROM timeline_participation p JOIN timeline_event e ON e.id = p.event_id
        WHERE p.role = '{Role.PARTICIPANT}' AND p.actor_id = ANY(w.actors)
            AND p.event_date BETWEEN w.lo AND w.hi AND e.kind = ANY(w.kinds)
        UNION ALL
        SELECT {_E} FROM timeline_participation p JOIN timeline_event e ON e.id = p.event_id
        WHERE p.role = '{Role.PARTICIPANT}' AND p.actor_id = ANY(w.actors)
            AND p.event_date = w.month_start AND e.kind = ANY(w.kinds)
        UNION ALL
        SELECT {_E} FROM timeline_participation p JOIN timeline_event e ON e.id = p.event_id
        WHERE p.role = '{Role.PARTICIPANT}' AND p.actor_id = ANY(w.actors)
            AND p.event_date = w.year_start AND e.kind = ANY(w.kinds)
        UNION ALL
        SELECT {_E} FROM timeline_participation p JOIN timeline_event e ON e.id = p.event_id
        WHERE p.role = '{Role.PARTICIPANT}' AND p.actor_id = ANY(w.actors)
            AND p.event_date BETWEEN w.announced_from AND w.lo AND e.kind = ANY(w.kinds)
            AND e.planned
    ) AS e
    UNION
    SELECT w.n, e.*
    FROM (SELECT * FROM wanted WHERE document <> '') AS w
    CROSS JOIN LATERAL unnest(w.kinds) AS k(kind)
    CROSS JOIN LATERAL (
        SELECT {_EVENT_COLUMNS} FROM timeline_event
        WHERE label <> '' AND kind = k.kind AND date_start BETWEEN w.lo AND w.hi
        UNION ALL
        SELECT {_EVENT_COLUMNS} FROM timeline_event
        WHERE label <> '' AND kind = k.kind AND date_start IN (w.month_start, w.year_start)
        UNION ALL
        SELECT {_EVENT_COLUMNS} FROM timeline_event
        WHERE label <> '' AND kind = k.kind AND planned
            AND date_start BETWEEN w.announced_from AND w.lo
    ) AS e
    WHERE e.label ILIKE w.document
    UNION
    SELECT w.n, {_E}
    FROM wanted w
    JOIN timeline_event e
      ON e.kind = w.kind AND e.date_start = w.day AND e.date_end = w.day AND e.place = w.place
    WHERE w.place <> ''
"""


def _by_date(tellings: list[tuple[int, Telling]]) -> tuple[str, list] | None:
    columns: list[list] = [[] for _ in range(12)]
    for n, t in tellings:
        # The kind of document it names ("declaration"), when it names one: a document
        # makes two tellings one only when both name it by more than its kind (identity).
        document = clean_label(t.label).split(" ", 1)[0] if named(t) else ""
        # A place alone makes a mention the same as, or probably, an event of its own kind,
        # day and place (identity), and never one of a kind that talks about others.
        by_place = t.place if t.start == t.end and t.kind not in TALK_KINDS else ""
        if not (t.people or document or by_place):
            continue
        row = (
            n,
            ",".join(sorted(compatible_kinds(t.kind))),
            t.kind,
            t.start,
            t.start - SLACK,
            # An announced mention looks for its report up to NOTICE later.
            t.end + (NOTICE if t.planned else SLACK),
            t.start.replace(day=1),
            t.start.replace(month=1, day=1),
            t.start - NOTICE,  # a report looks for what was announced shortly before
            ",".join(str(pk) for pk in sorted(t.people)),
            f"%{document}%" if document else "",
            by_place,
        )
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    if not columns[0]:
        return None
    return _CANDIDATES, columns


def _by_name(tellings: list[tuple[int, Telling]]) -> tuple[str, list] | None:
    """Events named like an undated mention's document (the search index)."""
    if not tellings:
        return None
    one = (
        f"SELECT %s::int AS n, {_EVENT_COLUMNS} FROM timeline_event WHERE label <> '' "
        "AND kind = ANY(%s::varchar[]) AND search_vector @@ plainto_tsquery('simple', %s)"
    )
    params = []
    for n, t in tellings:
        params += [n, sorted(compatible_kinds(t.kind)), clean_label(t.label).lower()]
    return " UNION ".join([one] * len(tellings)), params


class BatchEvents:
    """Events created earlier in the same batch, so that two articles of one batch telling
    the same event make one. Indexed as the timeline is: a mention is compared only with
    the events of its years that share someone, the kind of document or the place."""

    def __init__(self) -> None:
        self._made: list[tuple[Event, Telling]] = []
        self._index: dict[tuple, set[int]] = {}  # (year, person / document / place) -> made
        self._named: set[int] = set()  # named documents, for undated mentions

    def find(self, telling: Telling) -> Found:
        if telling.start is None:
            indexes = self._named if clean_label(telling.label) else set()
        else:
            indexes = set().union(*(self._index.get(key, ()) for key in _keys(telling)))
        sure, probable = best(telling, [(i, self._made[i][1]) for i in sorted(indexes)])
        return Found(
            event=self._made[sure][0] if sure is not None else None,
            probable=[(self._made[i][0], why) for i, why in probable],
        )

    def add(self, event: Event, telling: Telling) -> None:
        if telling.start is None:
            return
        self._made.append((event, telling))
        self._file(len(self._made) - 1, telling)

    def widen(self, event: Event, telling: Telling) -> None:
        """Another telling of an event made in this batch: its people and name count too."""
        for i, (made, known) in enumerate(self._made):
            if made is event:
                wider = replace(
                    known,
                    people=known.people | telling.people,
                    label=known.label or telling.label,
                    place=known.place or telling.place,
                )
                self._made[i] = (made, wider)
                self._file(i, wider)

    def _file(self, index: int, telling: Telling) -> None:
        for key in _keys(telling, filing=True):
            self._index.setdefault(key, set()).add(index)
        if clean_label(telling.label):
            self._named.add(index)


def _keys(telling: Telling, *, filing: bool = False) -> list[tuple]:
    """What a telling is found by, in each year it touches: its people, the kind of document
    it names, its place (a mention's place only finds events of its day)."""
    document = clean_label(telling.label).split(" ", 1)[0].lower()
    by = [("person", p) for p in telling.people]
    if document:
        by.append(("document", document))
    if telling.place and (filing or telling.start == telling.end):
        by.append(("place", telling.place))
    return [(year, *what) for year in _years(telling) for what in by]


def _years(telling: Telling) -> range:
    """The years a telling's interval touches, with the slack of a day's report (and the
    notice between an announcement and its report)."""
    return range((telling.start - NOTICE).year, (telling.end + NOTICE).year + 1)
