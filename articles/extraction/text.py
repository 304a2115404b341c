"""Sentences with their offsets, and the small vocabularies events are recognised by."""

from __future__ import annotations

import re

from articles.extraction.vocabulary import vocabulary

_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)]*\s+(?=["'“‘«(\[–—-]?\s*[A-Z0-9А-Я])""")
# Words a full stop does not end a sentence after ("Mr.", "Jan.", "U.S.").
_ABBREVIATIONS = frozenset(vocabulary("words")["abbreviations"])


def sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans inside the given paragraph spans (never crossing a paragraph)."""
    out = []
    for start, end in spans:
        cursor = start
        for m in _BOUNDARY.finditer(text, start, end):
            word = re.search(r"([\w.]+)[.!?…]*[\"'”’»)]*\s*$", text[cursor : m.end()])
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            sentence_end = m.start() + len(m.group(0).rstrip())
            if text[cursor:sentence_end].strip():
                out.append(_trim(text, cursor, sentence_end))
            cursor = m.end()
        if text[cursor:end].strip():
            out.append(_trim(text, cursor, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def one_line(text: str, limit: int = 300) -> str:
    """The text on one line, leading dashes dropped, cut at a word before ``limit``."""
    flat = " ".join(text.split())
    flat = flat.lstrip("-–— ")
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


_KIND_WORDS = vocabulary("kinds")
# Words by which a sentence reports something happening.
EVENT_VERBS = re.compile(r"\b(?:" + "|".join(_KIND_WORDS["event_words"]) + r")\b", re.I)
# Past-tense reports of something happening: what a relative date ("in October",
# "last year", "on Friday") must be attached to before it becomes an event of its own.
PAST_EVENT = re.compile(r"\b(?:" + "|".join(_KIND_WORDS["past_event_words"]) + r")\b", re.I)
