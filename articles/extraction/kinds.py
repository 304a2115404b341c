"""Event kinds: the small fixed vocabulary of what a sentence reports (``data/kinds.json``)."""

from __future__ import annotations

from enum import StrEnum

from articles.extraction.caseless import CaselessPattern, lowered
from articles.extraction.vocabulary import vocabulary


class EventKind(StrEnum):
    """What kind of event a sentence reports; the timeline's ``Event.kind`` takes these."""

    VISIT = "visit"
    MEETING = "meeting"
    CALL = "call"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    INCIDENT = "incident"
    ECONOMIC = "economic"
    OTHER = "other"


# The first kind whose words a sentence has is its kind: the order of data/kinds.json matters.
_KIND_RES = [
    (EventKind(item["kind"]), CaselessPattern("|".join(item["patterns"])))
    for item in vocabulary("kinds")["kinds"]
]


def event_kind(text: str) -> EventKind:
    """The kind of event a sentence reports, from a small fixed vocabulary."""
    low = lowered(text)
    for kind, pattern in _KIND_RES:
        if pattern.search_in(text, low):
            return kind
    return EventKind.OTHER
