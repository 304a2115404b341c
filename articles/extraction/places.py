"""Places: where an event happened, from the sentence that reports it or the dateline.

The places, their other names and the adjectives that may stand before "capital" or "city"
are data (``data/places.json``).
"""

from __future__ import annotations

import re

from articles.extraction.vocabulary import vocabulary

_VOCABULARY = vocabulary("places")
PLACES: tuple[str, ...] = tuple(_VOCABULARY["places"])
# Another name of a place, and the one shown: "Kiev" is "Kyiv", "the Kremlin" is Moscow.
_SAME_PLACE: dict[str, str] = _VOCABULARY["same_place"]
_NAMES = "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
_PLACE_RE = re.compile(
    r"\b(?:in|at|(?:visit|trip|travell?ed|arrived|came|went|flew)\s+to)\s+(?:the\s+)?"
    r"(?:(?:" + "|".join(_VOCABULARY["adjectives"]) + r")\s+)?"
    r"(?:(?:capital|city|resort(?:\s+city)?|town|port\s+city)(?:\s+of)?\s+)?"
    r"(?P<place>" + _NAMES + r")\b"
)
_CANONICAL_PLACE = {p.lower(): p for p in PLACES}
_BARE_PLACE_RE = re.compile(r"\b(?P<place>" + _NAMES + r")\b", re.I)


def place_of(text: str) -> str | None:
    """The place a sentence says something happened in ("in Baku", "visit to Moscow")."""
    m = _PLACE_RE.search(text)
    if not m:
        return None
    place = m.group("place")
    return _SAME_PLACE.get(place, place)


def place_in_dateline(line: str) -> str | None:
    """A place named in a dateline ("November 26, 2021, Sochi", "BAKU, May 5 (Agency) -")."""
    m = _BARE_PLACE_RE.search(line)
    if not m:
        return None
    return place_of(f"in {_CANONICAL_PLACE[m.group('place').lower()]}")
