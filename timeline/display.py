"""Shapes for the pages: pages of events under date headings, the year chart, article text.

Plain Python over rows already fetched: nothing here queries the database except
`page_of`, which takes one slice of a queryset.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from timeline.filters import EventFilters
from timeline.models import DatePrecision, Event, EventQuerySet, Source
from timeline.selectors import MATCH_END, MATCH_START

PER_PAGE = 50


# Pages of events under year and month headings ------------------------------------------


@dataclass
class EventGroup:
    """Events under one heading. Empty headings mean the group continues the previous page's."""

    year_heading: str = ""
    year_anchor: str = ""
    heading: str = ""
    anchor: str = ""
    events: list[Event] = field(default_factory=list)


@dataclass
class EventPage:
    number: int
    num_pages: int
    total: int
    first_index: int
    last_index: int
    groups: list[EventGroup]
    requested: int  # the page asked for; differs from `number` when it was past the end

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def events(self) -> list[Event]:
        return [event for group in self.groups for event in group.events]


def page_of(
    events: EventQuerySet, *, number: int, total: int, grouped: bool, per_page: int = PER_PAGE
) -> EventPage:
    """One page of `events` (offset paging), grouped under date headings if `grouped`."""
    num_pages = max(1, math.ceil(total / per_page))
    requested, number = number, min(number, num_pages)
    offset = (number - 1) * per_page
    # The row before the page says whether the page starts inside a year or month already
    # headed on the previous page; it costs one more row, not one more query.
    rows = list(events[max(offset - 1, 0) : offset + per_page])
    previous = rows.pop(0) if offset and rows else None
    if grouped:
        groups = group_by_date(rows, previous=previous)
    else:
        groups = [EventGroup(events=rows)] if rows else []
    return EventPage(
        number=number,
        num_pages=num_pages,
        total=total,
        first_index=offset + 1 if rows else 0,
        last_index=offset + len(rows),
        groups=groups,
        requested=requested,
    )


def _date_key(event: Event) -> tuple:
    if event.date_start is None or event.date_precision == DatePrecision.UNKNOWN:
        return ("unknown", 0)
    month = 0 if event.date_precision == DatePrecision.YEAR else event.date_start.month
    return (event.date_start.year, month)


def group_by_date(events: Iterable[Event], *, previous: Event | None = None) -> list[EventGroup]:
    """Headings for a year ("2022"), its year-only events ("Sometime in 2022"), each month."""
    groups: list[EventGroup] = []
    last = _date_key(previous) if previous is not None else None
    for event in events:
        key = _date_key(event)
        if not groups or key != last:
            new_year = last is None or key[0] != last[0]
            groups.append(_group(key, new_year=new_year, new_heading=key != last))
        groups[-1].events.append(event)
        last = key
    return groups


def _group(key: tuple, *, new_year: bool, new_heading: bool) -> EventGroup:
    year, month = key
    group = EventGroup()
    if new_year:
        group.year_heading, group.year_anchor = (
            ("Date unknown", "undated") if year == "unknown" else (str(year), f"y{year}")
        )
    if new_heading and year != "unknown":
        group.heading, group.anchor = (
            (f"Sometime in {year}", f"y{year}-sometime")
            if month == 0
            else (f"{_MONTHS[month - 1]} {year}", f"y{year}-{month:02d}")
        )
    return group


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def highlighted(headline: str) -> SafeString:
    """Escape a search headline, then turn its match markers into <mark>."""
    text = str(escape(headline))
    text = re.sub(f"{MATCH_START}(.*?){MATCH_END}", r"<mark>\1</mark>", text, flags=re.S)
    return mark_safe(text.replace(MATCH_START, "").replace(MATCH_END, ""))  # escaped above


# The per-year bar chart -------------------------------------------------------------------


@dataclass
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    center: float
    query: str
    selected: bool
    labelled: bool

    @property
    def label(self) -> str:
        return f"{self.year}: {self.count} event{'' if self.count == 1 else 's'}"


@dataclass
class YearChart:
    bars: list[Bar]
    width: int
    height: int
    bar_width: int
    baseline: int
    plot_top: int
    plot_height: int
    show_counts: bool
    undated: int
    total: int

    @property
    def first_year(self) -> int:
        return self.bars[0].year

    @property
    def last_year(self) -> int:
        return self.bars[-1].year


CHART_PLOT = 64
CHART_TOP = 14
CHART_BOTTOM = 18
CHART_SPAN = 640


def year_chart(counts: Sequence[tuple[int | None, int]], filters: EventFilters) -> YearChart | None:
    """Bars for every year from the first to the last event (empty years stay visible)."""
    by_year = {year: n for year, n in counts if year is not None}
    if not by_year:
        return None
    years = range(min(by_year), max(by_year) + 1)
    pitch = max(8, min(28, CHART_SPAN // len(years)))
    bar_width = max(6, pitch - 4)
    step = 1 if len(years) <= 15 else 5 if len(years) <= 60 else 10 if len(years) <= 150 else 50
    tallest = max(by_year.values())
    first, last = filters.first_year, filters.last_year
    bars = []
    for i, year in enumerate(years):
        n = by_year.get(year, 0)
        height = round(CHART_PLOT * n / tallest) if n else 0
        bars.append(
            Bar(
                year=year,
                count=n,
                x=2 + i * pitch,
                y=CHART_TOP + CHART_PLOT - height,
                height=height,
                center=2 + i * pitch + bar_width / 2,
                query=filters.query(year=year, year_from=None, year_to=None, page=1, format=""),
                selected=(first is not None or last is not None)
                and (first or year) <= year <= (last or year),
                labelled=year % step == 0 or len(years) == 1,
            )
        )
    return YearChart(
        bars=bars,
        width=4 + len(years) * pitch,
        bar_width=bar_width,
        height=CHART_TOP + CHART_PLOT + CHART_BOTTOM,
        baseline=CHART_TOP + CHART_PLOT,
        plot_top=CHART_TOP,
        plot_height=CHART_PLOT,
        show_counts=pitch >= 18,
        undated=sum(n for year, n in counts if year is None),
        total=sum(n for _, n in counts),
    )


# An article's raw text with its passages marked ----------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    event_id: int
    summary: str
    kind: str  # "passage" or "date" (the words that date the event)


@dataclass
class Layer:
    span: Span
    anchor: bool  # carries id="event-N": the first piece of the event's first passage


@dataclass
class Segment:
    start: int
    text: str
    layers: list[Layer]


@dataclass
class Region:
    """The text before the body (site furniture), the body, or the text after it."""

    kind: str
    segments: list[Segment]

    @property
    def html(self) -> SafeString:
        return render_segments(self.segments)

    @property
    def has_passages(self) -> bool:
        return any(layer.span.kind == "passage" for s in self.segments for layer in s.layers)

    @property
    def is_blank(self) -> bool:
        return not "".join(s.text for s in self.segments).strip()


def spans_for(sources: Iterable[Source], text_length: int) -> list[Span]:
    """Passages and date evidence of the sources, clamped to the text."""
    spans = []

    def clamp(i: int) -> int:
        return max(0, min(i, text_length))

    for source in sources:
        summary = source.event.summary
        start, end = clamp(source.passage_start), clamp(source.passage_end)
        spans.append(Span(start, max(start, end), source.event_id, summary, "passage"))
        if source.date_evidence_start is not None and source.date_evidence_end is not None:
            d_start, d_end = clamp(source.date_evidence_start), clamp(source.date_evidence_end)
            if d_end > d_start:
                spans.append(Span(d_start, d_end, source.event_id, summary, "date"))
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
    segments = split_text(text, spans_for(sources, len(text)), cuts=(start, end))
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


def render_segments(segments: Iterable[Segment]) -> SafeString:
    """Segments as HTML: every piece of text escaped, each layer a <mark> or <span>."""
    parts: list[str] = []
    for segment in segments:
        for layer in segment.layers:
            span = layer.span
            if span.kind == "passage":
                if layer.anchor:
                    parts.append(
                        format_html(
                            '<mark class="passage p-{id}" id="event-{id}">'
                            '<a class="passage-tag" href="{url}" title="{summary}">event {id}</a>',
                            id=span.event_id,
                            url=reverse("event_detail", args=[span.event_id]),
                            summary=span.summary,
                        )
                    )
                else:
                    parts.append(format_html('<mark class="passage p-{}">', span.event_id))
            else:
                parts.append(
                    format_html(
                        '<span class="date-evidence" title="Date evidence for event {}">',
                        span.event_id,
                    )
                )
        parts.append(escape(segment.text))
        parts.extend(
            "</mark>" if layer.span.kind == "passage" else "</span>"
            for layer in reversed(segment.layers)
        )
    return mark_safe("".join(parts))  # every piece above is escaped
