"""When two tellings are one happening: the rule, in one place, without the database.

A mention is the same event as one on the timeline when the kinds are compatible, one date
interval lies within the other (a mention "in February 2022" fits an event of 22 February
2022), the places agree where both have one, and they share a participant or name the same
document (or, nobody being named on either side, are of one kind, day and place). A match
the rule is not sure of is *probable*: editors decide (``Suggestion``), the import never
merges it silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from articles.extraction.actors import fold
from articles.extraction.eventhood import TALK_KINDS
from articles.extraction.kinds import EventKind
from articles.extraction.known_events import label_key, labels_match

# Kinds one happening is told as: talks during a visit, a signing at a summit.
_NEAR = {
    frozenset({EventKind.MEETING, EventKind.VISIT}),
    frozenset({EventKind.AGREEMENT, EventKind.MEETING}),
    frozenset({EventKind.AGREEMENT, EventKind.VISIT}),
}


class Verdict(Enum):
    SAME = "same"
    PROBABLE = "probable"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Telling:
    """What one source, or an event as a whole, says of a happening."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    people: frozenset[int] = frozenset()
    label: str = ""
    place: str = ""
    planned: bool = False  # announced: the report may date it a little later


# An announced event, then its report: reported within this many days of the announced date.
NOTICE = dt.timedelta(days=14)


def nested(a: Telling, b: Telling) -> bool:
    """Whether one date interval lies within the other (both known)."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def compatible_kinds(kind: str) -> set[str]:
    """The kinds an event told as ``kind`` may be on the timeline as (the candidates)."""
    if kind in TALK_KINDS:
        return {str(k) for k in EventKind}
    near = {str(k) for pair in _NEAR if kind in pair for k in pair}
    return {kind, *near, *(str(k) for k in TALK_KINDS)}


def judge(mention: Telling, event: Telling) -> tuple[Verdict, str]:
    """Whether ``mention`` tells ``event``, and why in a few words."""
    if mention.start is None and named_alike(mention, event):
        return Verdict.SAME, "the same document (the mention gives no date)"
    if not nested(mention, event):
        return _days_apart(mention, event)
    if mention.place and event.place and fold(mention.place) != fold(event.place):
        return Verdict.DIFFERENT, "places differ"
    kinds = {mention.kind, event.kind}
    same_kind = len(kinds) == 1
    if named(mention) and named(event):
        if labels_match(mention.label, event.label):
            if same_kind or kinds & TALK_KINDS or EventKind.AGREEMENT in kinds:
                return Verdict.SAME, "the same document"
        elif same_kind:
            return Verdict.DIFFERENT, "different documents"
    shared = mention.people & event.people
    exact = (mention.start, mention.end) == (event.start, event.end)
    specific = same_kind and mention.kind not in TALK_KINDS
    if not shared:
        both_placed = bool(mention.place and event.place)
        if specific and exact and mention.start == mention.end and both_placed:
            if not mention.people and not event.people:
                # All that is known of either is the same: one happening told twice.
                return Verdict.SAME, "same kind, day and place, nobody named"
            return Verdict.PROBABLE, "same kind, day and place"
        return Verdict.DIFFERENT, "nobody in common"
    if specific:
        coarse = _coarser(mention, event)
        placed = bool(mention.place and event.place)
        if exact and (coarse != "year" or placed):
            return Verdict.SAME, "same kind, date and people"
        if coarse == "month" and placed:
            return Verdict.SAME, "same kind, people and place in that month"
        return Verdict.PROBABLE, f"same kind and people within the {coarse}"
    if frozenset(kinds) in _NEAR or kinds & TALK_KINDS:
        return Verdict.PROBABLE, "related kinds, same people and dates"
    return Verdict.DIFFERENT, "different kinds"


# Two reports of one day's event may date it a day or two apart (time zones, a report
# filed the next morning): never the same for sure, but worth an editor's look.
SLACK = dt.timedelta(days=2)


def _days_apart(mention: Telling, event: Telling) -> tuple[Verdict, str]:
    if mention.planned != event.planned and mention.start and event.start:
        return _announced_then_reported(mention, event)
    one_day = mention.start == mention.end and event.start == event.end
    if mention.start is None or event.start is None or not one_day:
        return Verdict.DIFFERENT, "dates apart"
    gap = abs((mention.start - event.start).days)
    specific = mention.kind == event.kind and mention.kind not in TALK_KINDS
    placed_apart = mention.place and event.place and fold(mention.place) != fold(event.place)
    if gap <= SLACK.days and specific and mention.people & event.people and not placed_apart:
        return Verdict.PROBABLE, f"same kind and people, {gap} day{'s' * (gap > 1)} apart"
    return Verdict.DIFFERENT, "dates apart"


def _announced_then_reported(mention: Telling, event: Telling) -> tuple[Verdict, str]:
    """An announcement and a report of the same kind, people and place, the report at most
    ``NOTICE`` after the announced date: probably the planned event having happened."""
    planned, report = (mention, event) if mention.planned else (event, mention)
    specific = mention.kind == event.kind and mention.kind not in TALK_KINDS
    placed_apart = mention.place and event.place and fold(mention.place) != fold(event.place)
    soon = planned.start - SLACK <= report.start <= planned.end + NOTICE
    if specific and soon and mention.people & event.people and not placed_apart:
        return Verdict.PROBABLE, "announced, then reported"
    return Verdict.DIFFERENT, "dates apart"


def named(telling: Telling) -> bool:
    """Whether a document is named by more than its kind ("treaty", "the declaration")."""
    return len(label_key(telling.label)) >= 2


def named_alike(a: Telling, b: Telling) -> bool:
    """Whether both name the same document, by a name of more than its kind."""
    return named(a) and named(b) and labels_match(a.label, b.label)


def _coarser(a: Telling, b: Telling) -> str:
    """The precision of the wider of two nested intervals: "day", "month" or "year"."""
    start, end = (a.start, a.end) if (a.end - a.start) >= (b.end - b.start) else (b.start, b.end)
    days = (end - start).days
    return "day" if days == 0 else "month" if days < 31 else "year"


def best(
    mention: Telling, candidates: list[tuple[object, Telling]]
) -> tuple[object | None, list[tuple[object, str]]]:
    """The candidate ``mention`` surely tells (the one sharing most, most precise), and those
    it probably tells, with the reason, for editors to decide."""
    same, probable = [], []
    for key, telling in candidates:
        verdict, why = judge(mention, telling)
        if verdict is Verdict.SAME:
            width = (telling.end - telling.start).days
            same.append((-len(mention.people & telling.people), width, len(same), key))
        elif verdict is Verdict.PROBABLE:
            probable.append((key, why))
    if same:
        return min(same)[3], []
    return None, probable[:3]


__all__ = [
    "NOTICE",
    "SLACK",
    "Telling",
    "Verdict",
    "best",
    "compatible_kinds",
    "judge",
    "named",
    "named_alike",
    "nested",
]
