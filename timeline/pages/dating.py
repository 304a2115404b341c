"""How an event's date was worked out, in plain words for readers.

The editors' view keeps the whole derivation (file names, event numbers, every clue); a
reader is told what the sources say and whether they agree, with internal references put
in words ("another article", "another event on this timeline").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.extraction.datevalue import DateValue

_INTERNAL = (
    (re.compile(r"\bevent \d+ on the timeline\b"), "another event on this timeline"),
    (re.compile(r"\banother article imported with this one\b"), "another article"),
    (re.compile(r"\b[\w.-]+\.(?:txt|html?|md)\b"), "another article"),
)
_COUNTS = {1: "One source", 2: "Two sources", 3: "Three sources", 4: "Four sources"}


def plain(derivation: str) -> str:
    """A stored derivation without file names or internal numbers."""
    text = derivation
    for pattern, words in _INTERNAL:
        text = pattern.sub(words, text)
    return text


def explanation(date: DateValue, derivation: str, sources: Sequence[tuple[DateValue, str]]) -> str:
    """What a reader is told of the date: which sources fix it, whether they agree, and how
    the most precise one was read. ``sources``: each source's date and derivation."""
    known = [(d, why) for d, why in sources if d.known]
    if len(known) <= 1:  # one source dates it: how that one was read
        return _sentence(plain(derivation) or "not recorded")
    told = _COUNTS.get(len(sources), f"{len(sources)} sources")
    labels = list(dict.fromkeys(d.label for d, _ in sorted(known, key=lambda k: k[0].first)))
    if date.known and not all(d.first <= date.first and date.last <= d.last for d, _ in known):
        return (
            f"{told} tell this event and disagree on its date ({', '.join(labels)}): "
            f"{date.label} is what they share. Each source's date is shown with its passage."
        )
    how = next((why for d, why in known if d == date and why), "")
    how = f" The most precise: {plain(how).rstrip('.')}." if how else ""
    if len(labels) == 1:
        return f"{told} tell this event and all give {date.label}.{how}"
    wider = ", ".join(label for label in labels if label != date.label)
    return f"{told} tell this event: {date.label}, within what the others give ({wider}).{how}"


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


__all__ = ["explanation", "plain"]
