"""An article's raw text cut into pieces at its passages; article_detail.html marks them up.

Passages (and the words that date their events) may overlap or nest, and so may the date
expressions extraction listed (``Article.dates``), which passages contain. The text is cut at
every edge into segments, each carrying one layer per span that covers it, outermost first;
only the first piece of an event's first passage carries its anchor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.extraction.timex import describe, html_datetime
from articles.models import Article
from timeline.models import Source


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    event_id: int
    summary: str
    kind: str  # "passage", "date" (the words that date the event) or "timex" (any date)
    value: str = ""  # a date expression's TIMEX3 value
    title: str = ""  # what hovering over a date expression shows


@dataclass
class Layer:
    span: Span
    anchor: bool  # carries id="event-N": the first piece of the event's first passage

    @property
    def passage(self) -> bool:
        return self.span.kind == "passage"

    @property
    def timex(self) -> bool:
        return self.span.kind == "timex"

    @property
    def time(self) -> bool:
        """A date expression whose value a <time datetime> can carry (a day, month, year or
        week); the others (seasons, decades, "now", what is unresolved) are a <span>."""
        return self.timex and html_datetime(self.span.value)


@dataclass
class Segment:
    start: int
    text: str
    layers: list[Layer]

    @property
    def closing(self) -> list[Layer]:
        """The layers in the order their elements close."""
        return self.layers[::-1]


@dataclass
class Region:
    """The text before the body (site furniture), the body, or the text after it."""

    kind: str
    segments: list[Segment]

    @property
    def has_passages(self) -> bool:
        return any(layer.passage for s in self.segments for layer in s.layers)

    @property
    def is_blank(self) -> bool:
        return not "".join(s.text for s in self.segments).strip()


def spans_for(sources: Iterable[Source], text_length: int) -> list[Span]:
    """Passages and date evidence of the sources, clamped to the text."""
    spans = []

    def clamp(i: int) -> int:
        return max(0, min(i, text_length))

    for source in sources:
        summary = source.event.heading
        start, end = clamp(source.passage_start), clamp(source.passage_end)
        spans.append(Span(start, max(start, end), source.event_id, summary, "passage"))
        if source.date_evidence_start is not None and source.date_evidence_end is not None:
            d_start, d_end = clamp(source.date_evidence_start), clamp(source.date_evidence_end)
            if d_end > d_start:
                spans.append(Span(d_start, d_end, source.event_id, summary, "date"))
    return spans


def spans_for_dates(dates: object, text_length: int) -> list[Span]:
    """The date expressions stored with an article, those that fit its text."""
    spans = []
    for item in dates if isinstance(dates, list) else []:
        if not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            continue
        if end > text_length:
            continue
        value = item.get("value")
        value = value if isinstance(value, str) else ""
        title = describe(value or None, str(item.get("resolution") or "unresolved"))
        spans.append(Span(start, end, 0, "", "timex", value=value, title=title))
    return spans


def split_text(text: str, spans: Sequence[Span], cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut the text at every span edge so no segment is partly inside a span.

    Overlapping and nested spans become stacks of layers on each segment, outermost first;
    an empty span becomes an empty segment, so its anchor still exists.
    """
    n = len(text)
    points = sorted(
        {
            0,
            n,
            *(max(0, min(c, n)) for c in cuts),
            *(s.start for s in spans),
            *(s.end for s in spans),
        }
    )
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.kind != "passage", s.event_id))
    anchored: set[int] = set()

    def layer(span: Span, at: int) -> Layer:
        anchor = span.kind == "passage" and span.start == at and span.event_id not in anchored
        if anchor:
            anchored.add(span.event_id)
        return Layer(span, anchor)

    segments = []
    for i, a in enumerate(points):
        for span in ordered:
            if span.start == span.end == a:
                segments.append(Segment(a, "", [layer(span, a)]))
        if i + 1 < len(points):
            b = points[i + 1]
            covering = [layer(s, a) for s in ordered if s.start <= a and b <= s.end]
            segments.append(Segment(a, text[a:b], covering))
    return segments


def article_regions(article: Article, sources: Iterable[Source]) -> list[Region]:
    """The raw text in three regions (before the body, body, after), passages marked."""
    text = article.raw_text
    start = max(0, min(article.body_start, len(text)))
    end = max(start, min(article.body_end, len(text)))
    spans = spans_for(sources, len(text)) + spans_for_dates(article.dates, len(text))
    segments = split_text(text, spans, cuts=(start, end))
    regions = [Region("before", []), Region("body", []), Region("after", [])]
    for segment in segments:
        if segment.start < start:
            regions[0].segments.append(segment)
        elif segment.start < end or (segment.start == end and not segment.text):
            regions[1].segments.append(segment)
        else:
            regions[2].segments.append(segment)
    # Whitespace around the body is not worth a "not part of the article" box.
    return [
        r for r in regions if r.kind == "body" or r.has_passages or (r.segments and not r.is_blank)
    ]
