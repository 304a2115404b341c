"""The one keeper of an event's searchable passages.

An event's ``passages`` hold the supporting passage of each of its sources, for full-text
search: each passage once, in the order the sources came, up to a cap (an event cited by a
thousand articles needs no thousand copies to be found). New events, events another article
backs, re-extracted articles and merges all build the text here.
"""

from __future__ import annotations

from collections.abc import Iterable

PASSAGES_LIMIT = 20_000  # characters of searchable passages kept per event


def passages_text(passages: Iterable[str], *, start: str = "") -> str:
    """``start`` followed by each passage not already in the text, while under the cap."""
    text = start
    for passage in passages:
        if passage and passage not in text and len(text) + len(passage) < PASSAGES_LIMIT:
            text = f"{text}\n{passage}" if text else passage
    return text


__all__ = ["PASSAGES_LIMIT", "passages_text"]
