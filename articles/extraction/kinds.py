"""Event kinds: the small fixed vocabulary of what a sentence reports (``data/kinds.json``)."""

from __future__ import annotations

import re
from enum import StrEnum

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
# The patterns are written in lower case and searched in the lower-cased sentence (three times
# faster than ignoring case); a sentence whose lower case is longer ("İ") is searched as written.
_KINDS = [
    (EventKind(item["kind"]), "|".join(item["patterns"])) for item in vocabulary("kinds")["kinds"]
]
_KIND_RES = [(kind, re.compile(pattern)) for kind, pattern in _KINDS]
_KIND_RES_ANY_CASE = [(kind, re.compile(pattern, re.I)) for kind, pattern in _KINDS]


def event_kind(text: str) -> EventKind:
    """The kind of event a sentence reports, from a small fixed vocabulary."""
    lowered = text.lower()
    patterns = _KIND_RES if len(lowered) == len(text) else _KIND_RES_ANY_CASE
    for kind, pattern in patterns:
        if pattern.search(lowered if patterns is _KIND_RES else text):
            return kind
    return EventKind.OTHER
