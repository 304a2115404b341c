"""Pairs of events an editor might merge: the check that identity left none behind.

A pair is a candidate when both events are of one kind, their date intervals overlap (or
lie a day or two apart), and they share someone who took part or name the same document.
Found with the indexes (a participant's events, a kind's events by date), never by
comparing every pair of events.
Each pair comes with what the identity rule (``importing.identity``) says of it, and pairs
an editor kept apart are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from timeline.importing.identity import SLACK, Telling, Verdict, judge, named_alike
from timeline.models import Decision, Event, Participation, Role, Suggestion

_SHARED_PEOPLE = """
    SELECT p1.event_id, p2.event_id
    FROM timeline_participation p1
    JOIN timeline_participation p2
      ON p2.actor_id = p1.actor_id AND p2.event_id > p1.event_id AND p2.role = %(role)s
    JOIN timeline_event e1 ON e1.id = p1.event_id
    JOIN timeline_event e2 ON e2.id = p2.event_id
    WHERE p1.role = %(role)s AND e1.kind = e2.kind
      AND e1.date_start <= e2.date_end + %(slack)s AND e2.date_start <= e1.date_end + %(slack)s
    GROUP BY p1.event_id, p2.event_id
"""
_NAMED = """
    SELECT e1.id, e2.id
    FROM timeline_event e1
    JOIN timeline_event e2
      ON e2.kind = e1.kind AND e2.id > e1.id AND e2.label <> ''
     AND e1.date_start <= e2.date_end AND e2.date_start <= e1.date_end
    WHERE e1.label <> ''
"""


@dataclass(frozen=True)
class Candidate:
    """Two events an editor might merge, and what the identity rule says of them."""

    first: Event
    second: Event
    verdict: Verdict
    reason: str


def candidate_pairs() -> list[Candidate]:
    """Every candidate pair, earliest first; the rule's verdict on each."""
    with connection.cursor() as cursor:
        cursor.execute(_SHARED_PEOPLE, {"role": Role.PARTICIPANT, "slack": SLACK.days})
        pairs = set(cursor.fetchall())
        cursor.execute(_NAMED)
        named = set(cursor.fetchall())
    apart = set(
        Suggestion.objects.filter(decision=Decision.APART).values_list("event_id", "other_id")
    )
    ids = {pk for pair in pairs | named for pk in pair}
    events = Event.objects.defer("passages", "search_vector").in_bulk(ids)
    people: dict[int, set[int]] = {pk: set() for pk in ids}
    for event_id, actor_id in Participation.objects.filter(
        event_id__in=ids, role=Role.PARTICIPANT
    ).values_list("event_id", "actor_id"):
        people[event_id].add(actor_id)
    tellings = {pk: _telling(e, people[pk]) for pk, e in events.items()}
    out = []
    for a, b in sorted(pairs | named):
        only_named = (a, b) not in pairs
        if (a, b) in apart or (only_named and not named_alike(tellings[a], tellings[b])):
            continue
        verdict, why = judge(tellings[a], tellings[b])
        out.append(Candidate(events[a], events[b], verdict, why))
    out.sort(key=lambda c: (c.first.date_start, c.first.pk, c.second.pk))
    return out


def _telling(event: Event, people: set[int]) -> Telling:
    return Telling(
        kind=event.kind,
        start=event.date_start,
        end=event.date_end,
        people=frozenset(people),
        label=event.label,
        place=event.place,
        planned=event.planned,
    )


__all__ = ["Candidate", "candidate_pairs"]
