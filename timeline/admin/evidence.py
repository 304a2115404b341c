"""Date evidence in its passage: what the event change form shows under the date.

Each source's passage is quoted with the date evidence marked in it; evidence found outside
the passage (a dateline, an earlier paragraph) is quoted in its own sentence below it. The
HTML is ``templates/admin/timeline/event/evidence.html``; this module only finds the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from timeline.models import Event, Source

CONTEXT_CHARS = 240
_SENTENCE_ENDS = ("\n", ". ", "! ", "? ", ".\u201d ", '." ')


@dataclass(frozen=True, slots=True)
class Quote:
    """A stretch of an article's text, split around the evidence marked in it."""

    before: str
    marked: str = ""  # empty: nothing marked
    after: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceBlock:
    source: Source
    passage: Quote
    elsewhere: Quote | None  # the evidence's own sentence, when it lies outside the passage


def quote(text: str, start: int, end: int, mark: tuple[int, int] | None) -> Quote:
    """text[start:end], with text[mark] set apart when it lies inside."""
    if mark and start <= mark[0] < mark[1] <= end:
        return Quote(text[start : mark[0]], text[mark[0] : mark[1]], text[mark[1] : end])
    return Quote(text[start:end])


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], at most CONTEXT_CHARS either side."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before = max(
        (
            text.rfind(p, lo, start) + len(p)
            for p in _SENTENCE_ENDS
            if text.rfind(p, lo, start) >= 0
        ),
        default=lo,
    )
    after = min(
        (text.find(p, end, hi) + 1 for p in _SENTENCE_ENDS if text.find(p, end, hi) >= 0),
        default=hi,
    )
    return before, after


def _evidence_mark(source: Source, event: Event) -> tuple[int, int] | None:
    if source.date_evidence_start is not None and source.date_evidence_end is not None:
        return source.date_evidence_start, source.date_evidence_end
    if event.date_evidence:  # no offsets stored: find the words in the passage
        at = source.passage.lower().find(event.date_evidence.lower())
        if at >= 0:
            return source.passage_start + at, source.passage_start + at + len(event.date_evidence)
    return None


def evidence_blocks(event: Event, sources: list[Source]) -> list[EvidenceBlock]:
    blocks = []
    for source in sources:
        text = source.article.raw_text
        mark = _evidence_mark(source, event)
        elsewhere = None
        if mark and not source.passage_start <= mark[0] < mark[1] <= source.passage_end:
            elsewhere = quote(text, *_sentence_around(text, *mark), mark)
        passage = quote(text, source.passage_start, source.passage_end, mark)
        blocks.append(EvidenceBlock(source, passage, elsewhere))
    return blocks


def render_evidence(event: Event, sources: list[Source]) -> SafeString:
    """The evidence blocks as HTML, or a line saying the event has no source passages."""
    return render_to_string(
        "admin/timeline/event/evidence.html", {"blocks": evidence_blocks(event, sources)}
    )
