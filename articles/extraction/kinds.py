"""Event kinds: the small fixed vocabulary of what a sentence reports."""

from __future__ import annotations

import re
from enum import StrEnum


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


# The first kind whose words a sentence has is its kind: the order matters.
_KINDS = [
    (
        EventKind.CALL,
        r"\b(?:phone|telephone)\s+(?:call|conversation|talks?)|\bspoke\s+(?:by|on\s+the)\s+"
        r"(?:phone|telephone)|\bphoned\b|\bcall(?:ed)?\s+(?:with|between)\b",
    ),
    (
        EventKind.AGREEMENT,
        r"\bsign(?:ed|ing|s)?\b|\b(?:agreement|treaty|memorandum|accord|declaration"
        r"|protocol|contract)\b.*\b(?:sign|conclud|ratif|adopt)",
    ),
    (
        EventKind.INCIDENT,
        r"\b(?:clash(?:es)?|attack(?:ed|s)?|shell(?:ed|ing)|killed|crash(?:ed)?|shot\s+down"
        r"|explosion|skirmish|casualt|detained|arrested|fire\s+at)\b",
    ),
    (
        EventKind.MEETING,
        r"\b(?:met|meet(?:ing|s)?|talks|negotiations|received|summit|held\s+talks"
        r"|discuss(?:ed|ion))\b",
    ),
    (
        EventKind.VISIT,
        r"\b(?:arriv(?:ed|es|al)|(?:official|state|working)\s+visit|visit(?:ed|s|ing)?)\b",
    ),
    (
        EventKind.ECONOMIC,
        r"\b(?:trade|turnover|gas|oil|investment|econom\w*|export|import|tariff|pipeline"
        r"|transit|corridor)\b",
    ),
    (
        EventKind.STATEMENT,
        r"\b(?:said|says|stated|statement|declared|stressed|noted|told|recalled"
        r"|pointed\s+out|emphasi[sz]ed)\b",
    ),
]
_KIND_RES = [(kind, re.compile(p, re.I)) for kind, p in _KINDS]


def event_kind(text: str) -> EventKind:
    """The kind of event a sentence reports, from a small fixed vocabulary."""
    for kind, pattern in _KIND_RES:
        if pattern.search(text):
            return kind
    return EventKind.OTHER
