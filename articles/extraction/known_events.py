"""Known events: dated documents and history an article may name without giving their date.

The timeline's events (and those of the same import batch) are indexed by the words of their
names, so that "the Declaration on Allied Interaction" in one article finds the date another
gave it; ``data/history.json`` holds well-known events ("the second Karabakh war").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from articles.extraction.types import DAY, MONTH, YEAR, DateClaim, KnownEvent
from articles.extraction.vocabulary import DATA
from articles.extraction.words import fold

HISTORY_FILE = DATA / "history.json"

_STOP = {"the", "of", "on", "in", "and", "a", "an", "for", "to", "between", "with", "about"}
_WORDS = re.compile(r"[^\W\d_]+")

# Words that end a document's name: "the agreement on May 17 to ...", "the treaty of 1997 was".
_NOT_A_NAME = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|(?:was|were|is|are|will|has|had|to|in|at|by|with|a)\b)"
)
DOCUMENT_NAME = re.compile(
    r"\b((?:declaration|treaty|agreement|statement|memorandum|protocol|accord|charter"
    r"|convention|communiqu[eé])\b(?:\s+(?:on|of|for|about)\s+(?!" + _NOT_A_NAME + r")[\w-]+"
    r"(?:\s+(?!" + _NOT_A_NAME + r")[\w-]+){0,2})?)",
    re.I,
)
_SIGNING = re.compile(
    r"\b(?:sign(?:ed|ing)|adopt(?:ed|ion)|conclu(?:ded|sion)|ratif(?:ied|ication)"
    r"|agreed|approved)\b",
    re.I,
)


@dataclass(frozen=True)
class HistoryEvent:
    """A well-known dated event an article may refer to without its date."""

    label: str
    patterns: tuple[str, ...]
    start: DateClaim
    end: DateClaim
    kind: str = "event"  # "birth" and "death" name a person: only anniversaries use them


def parse_iso(value: str | None) -> DateClaim | None:
    """A claim from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None for nothing."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return DateClaim(DAY, *parts)
    if len(parts) == 2:
        return DateClaim(MONTH, parts[0], parts[1])
    return DateClaim(YEAR, parts[0])


@cache
def load_history() -> tuple[HistoryEvent, ...]:
    """Well-known dated events (``data/history.json``) an article may name without a date."""
    if not HISTORY_FILE.exists():
        return ()
    out = []
    for item in json.loads(HISTORY_FILE.read_text(encoding="utf-8"))["events"]:
        start = parse_iso(item["start"])
        end = parse_iso(item.get("end")) or start
        out.append(
            HistoryEvent(
                label=item["label"],
                patterns=tuple(p.lower() for p in item.get("patterns", ())),
                start=start,
                end=end,
                kind=item.get("kind", "event"),
            )
        )
    return tuple(out)


def label_key(label: str) -> frozenset[str]:
    """The folded words of a document's name, without the small ones: its identity."""
    return frozenset(fold(w) for w in _WORDS.findall(label.lower()) if w not in _STOP)


def label_words(label: str) -> list[str]:
    """The folded kind of document ("declaration") first, then its other words."""
    words = _WORDS.findall(label.lower())
    if not words:
        return []
    return [fold(words[0])] + [fold(w) for w in words[1:] if w not in _STOP]


def labels_match(a: str, b: str) -> bool:
    """Two names of one document: same kind of document, half their other words shared."""
    ka, kb = label_key(a), label_key(b)
    if not ka or not kb:
        return False
    doc_a = fold(_WORDS.findall(a.lower())[0]) if a else ""
    doc_b = fold(_WORDS.findall(b.lower())[0]) if b else ""
    if doc_a != doc_b:
        return False
    rest_a, rest_b = ka - {doc_a}, kb - {doc_b}
    if not rest_a or not rest_b:
        return rest_a == rest_b
    return len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) >= 0.5


def document_names(sentence: str) -> list[str]:
    """The documents a sentence names ("the declaration on allied interaction"); a bare
    "the Declaration" names no one document (any article's "declaration" would match it)."""
    return [m.group(1) for m in DOCUMENT_NAME.finditer(sentence) if " " in m.group(1)]


def document_label(sentence: str) -> str:
    """The document a sentence reports signed or adopted, so other articles can be dated by it."""
    if not _SIGNING.search(sentence):
        return ""
    names = document_names(sentence)
    return names[0] if names else ""


class KnownIndex:
    """Dated documents by name, so that a name is looked up, not compared with every one.

    The first date given for a name wins: callers list the most precise first.
    """

    def __init__(self, events=()):
        self.events: list[KnownEvent] = []
        self._keys: set[frozenset] = set()
        self._by_word: dict[tuple[str, str], list[int]] = {}
        for event in events:
            self._add(event)

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self):
        return iter(self.events)

    def _add(self, event: KnownEvent) -> None:
        words = label_words(event.label)
        key = label_key(event.label)
        if not words or key in self._keys:
            return
        self._keys.add(key)
        self.events.append(event)
        for word in set(words[1:]) or {""}:
            self._by_word.setdefault((words[0], word), []).append(len(self.events) - 1)

    def plus(self, extra) -> KnownIndex:
        """A copy with more events (those another article of the batch dates)."""
        index = KnownIndex()
        index.events = list(self.events)
        index._keys = set(self._keys)
        index._by_word = {k: list(v) for k, v in self._by_word.items()}
        for event in extra:
            index._add(event)
        return index

    def match(self, name: str) -> KnownEvent | None:
        """The known event a document name refers to, if any."""
        words = label_words(name)
        if not words:
            return None
        found = sorted(
            {i for w in set(words[1:]) or {""} for i in self._by_word.get((words[0], w), ())}
        )
        return next(
            (self.events[i] for i in found if labels_match(name, self.events[i].label)), None
        )


def find_known(
    sentence: str, known: KnownIndex, history: Sequence[HistoryEvent], *, people: bool = False
) -> tuple[str, DateClaim, DateClaim, str] | None:
    """A dated event the sentence names: (label, start, end, where the date comes from)."""
    lowered = " ".join(sentence.lower().split())
    for candidate in document_names(sentence):
        event = known.match(candidate)
        if event is not None:
            return event.label, event.date, event.date, event.source or "another article"
    pattern, by_name = _history_index(history)
    best: HistoryEvent | None = None
    best_len = 0
    for m in pattern.finditer(lowered):
        event = by_name[m.group(0)]
        if event.kind in ("birth", "death") and not people:
            continue
        if len(m.group(0)) > best_len:  # the longest name wins: "great patriotic war"
            best, best_len = event, len(m.group(0))
    if best:
        return best.label, best.start, best.end, "the built-in history"
    return None


# The indexes of the last histories, by the very sequence (hashing one costs a scan of it).
_INDEXED: list[tuple[Sequence[HistoryEvent], tuple[re.Pattern, dict]]] = []


def _history_index(history: Sequence[HistoryEvent]) -> tuple[re.Pattern, dict]:
    for seen, index in _INDEXED:
        if seen is history:
            return index
    index = _index_history(history)
    _INDEXED.insert(0, (history, index))
    del _INDEXED[8:]
    return index


def _index_history(history: Sequence[HistoryEvent]) -> tuple[re.Pattern, dict]:
    """One alternation of every history name, longest first, for a single scan per sentence."""
    by_name: dict[str, HistoryEvent] = {}
    for event in history:
        for name in event.patterns:
            by_name.setdefault(name, event)
    names = sorted(by_name, key=len, reverse=True) or ["(?!x)x"]
    alternation = "|".join(re.escape(n) for n in names) if by_name else "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), by_name
