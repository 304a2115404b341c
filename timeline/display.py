"""Shapes for the pages: pages of events under date headings, the year chart, article text.

Plain Python over rows already fetched: nothing here queries the database except
`page_of`, which reads one page of a queryset with its events' people and sources.

A chronology page lists 50 events; every label and link they show is worked out here, once
per event (`EventCard`), so that the template only prints strings: asking the model, the
prefetch managers and `reverse` from the template costs several times more.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from articles.extraction.datevalue import DateValue
from articles.models import Article
from timeline import selectors
from timeline.filters import ActorChoice, EventFilters
from timeline.models import (
    DatePrecision,
    Event,
    EventKind,
    EventQuerySet,
    Role,
    Source,
)
from timeline.selectors import MATCH_END, MATCH_START

PER_PAGE = 50
SHOWN_ACTORS = 20  # checkboxes for the busiest actors; the others are typed (with suggestions)
SOURCE_TITLE_LENGTH = 90


# Pages of events under year and month headings ------------------------------------------


class Link(NamedTuple):
    url: str
    text: str


@dataclass(slots=True)
class EventCard:
    """An event as the chronology lists it: its labels and links, ready to print."""

    pk: int
    url: str
    summary: str  # safe HTML when a search highlighted it
    date_label: str
    date_precision: str
    date_start: dt.date | None
    datetime: str  # the <time datetime> value at the date's precision; "" when undated
    kind: str
    place: str
    needs_review: bool
    derivation: str
    took_part: list[Link]
    mentioned: list[Link]
    sources: list[Link]


@dataclass
class EventGroup:
    """Events under one heading. Empty headings mean the group continues the previous page's."""

    year_heading: str = ""
    year_anchor: str = ""
    heading: str = ""
    anchor: str = ""
    events: list[EventCard] = field(default_factory=list)


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
    def events(self) -> list[EventCard]:
        return [event for group in self.groups for event in group.events]


def page_of(
    events: EventQuerySet, *, number: int, total: int, grouped: bool, per_page: int = PER_PAGE
) -> EventPage:
    """One page of `events`, grouped under date headings if `grouped`.

    Offset paging, so that any page number is a link. But a page past the first skips its
    offset in the index only (a subquery of ids) before reading the rows of just this page,
    and counts from the nearer end (a page past the middle skips rows in reverse order):
    the last of 2,000 pages costs what the first does, the middle one a few milliseconds.
    """
    num_pages = max(1, math.ceil(total / per_page))
    requested, number = number, min(number, num_pages)
    offset = (number - 1) * per_page
    # The row before the page says whether the page starts inside a year or month already
    # headed on the previous page; it costs one more row, not one more query.
    start, stop = max(offset - 1, 0), offset + per_page
    columns = [*LISTED_COLUMNS, *(["headline"] if "headline" in events.query.annotations else [])]
    if start:
        if start > total - stop:
            ids = events.reverse().values("pk")[max(total - stop, 0) : total - start]
        else:
            ids = events.values("pk")[start:stop]
        rows = list(events.filter(pk__in=ids).values(*columns))
    else:
        rows = list(events.values(*columns)[start:stop])
    cards = event_cards(rows)
    previous = cards.pop(0) if offset and cards else None
    if grouped:
        groups = group_by_date(cards, previous=previous)
    else:
        groups = [EventGroup(events=cards)] if cards else []
    return EventPage(
        number=number,
        num_pages=num_pages,
        total=total,
        first_index=offset + 1 if cards else 0,
        last_index=offset + len(cards),
        groups=groups,
        requested=requested,
    )


# What a card shows of an event; `headline` too when searching (`with_search_rank()`).
LISTED_COLUMNS = (
    "id",
    "summary",
    "kind",
    "place",
    "date_precision",
    "date_start",
    "needs_review",
    "date_derivation",
)


def event_cards(rows: Sequence[dict]) -> list[EventCard]:
    """Cards for events read as `LISTED_COLUMNS`, with their people and sources (two queries).

    Plain rows rather than models with prefetched relations: for a page of 50 events that
    is a few milliseconds less, for the same three queries.
    """
    people, sources = selectors.people_and_sources([row["id"] for row in rows])
    urls = _Urls()
    return [_card(row, people[row["id"]], sources[row["id"]], urls) for row in rows]


def _card(row: dict, people: list, sources: list, urls: _Urls) -> EventCard:
    pk, precision, start = row["id"], row["date_precision"], row["date_start"]
    took_part, mentioned = [], []
    for role, name, slug in people:
        (took_part if role == Role.PARTICIPANT else mentioned).append(Link(urls.actor(slug), name))
    headline = row.get("headline")
    return EventCard(
        pk=pk,
        url=urls.event(pk),
        summary=highlighted(headline) if headline else row["summary"],
        date_label=(date := DateValue.from_start(precision, start)).label,
        date_precision=precision,
        date_start=start,
        datetime=date.iso() or "",
        kind=_KIND_LABELS.get(row["kind"], row["kind"]),
        place=row["place"],
        needs_review=row["needs_review"],
        derivation=row["date_derivation"],
        took_part=took_part,
        mentioned=mentioned,
        sources=[
            Link(f"{urls.article(article_id)}#event-{pk}", _shortened(title, SOURCE_TITLE_LENGTH))
            for article_id, title in sources
        ],
    )


_KIND_LABELS = dict(EventKind.choices)


def _shortened(text: str, limit: int) -> str:
    """The template filter `truncatechars`, without its translation lookups for short text."""
    if len(text) <= limit:  # combining characters only make the counted length shorter
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(limit)


class _Urls:
    """The links of a page of events: each kind reversed once, not once per link (`reverse`
    costs more than the rest of an event's card)."""

    def __init__(self) -> None:
        self.event = _url_maker("event_detail", 4242424242)
        self.article = _url_maker("article_detail", 4242424242)
        self._actor = _url_maker("actor_detail", "slug-4242424242")

    def actor(self, slug: str) -> str:
        # Only what the URL pattern accepts and needs no quoting; anything else as Django does.
        if _PLAIN_SLUG.fullmatch(slug):
            return self._actor(slug)
        return reverse("actor_detail", args=[slug])


_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def _url_maker(name: str, marker: int | str) -> Callable[[int | str], str]:
    head, tail = reverse(name, args=[marker]).split(str(marker))
    return lambda value: f"{head}{value}{tail}"


def _date_key(event: Event | EventCard) -> tuple:
    if event.date_start is None or event.date_precision == DatePrecision.UNKNOWN:
        return ("unknown", 0)
    month = 0 if event.date_precision == DatePrecision.YEAR else event.date_start.month
    return (event.date_start.year, month)


def group_by_date(
    events: Iterable[EventCard | Event], *, previous: EventCard | Event | None = None
) -> list[EventGroup]:
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
            else (f"{calendar.month_name[month]} {year}", f"y{year}-{month:02d}")
        )
    return group


def highlighted(headline: str) -> SafeString:
    """Escape a search headline, then turn its match markers into <mark>."""
    text = str(escape(headline))
    text = re.sub(f"{MATCH_START}(.*?){MATCH_END}", r"<mark>\1</mark>", text, flags=re.S)
    return mark_safe(text.replace(MATCH_START, "").replace(MATCH_END, ""))  # escaped above


# The actor filter --------------------------------------------------------------------------


def actor_checkboxes(
    actors: Sequence[ActorChoice], filters: EventFilters, *, limit: int = SHOWN_ACTORS
) -> list[ActorChoice]:
    """The busiest actors (`actors` come busiest first), then any other chosen ones."""
    fixed = filters.fixed_actor.pk if filters.fixed_actor else None
    shown = [a for a in actors[: limit + 1] if a.event_count and a.pk != fixed][:limit]
    return shown + [a for a in filters.actors if a not in shown]


def actor_suggestions(actors: Iterable[ActorChoice]) -> SafeString:
    """<option>s naming every actor with events, for the "another actor" box's <datalist>.

    One string for hundreds of actors: built once per data version, not per request.
    """
    names = sorted((a.name for a in actors if a.event_count), key=str.casefold)
    return format_html_join("", '<option value="{}"></option>', ((name,) for name in names))


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
    href: str
    selected: bool
    labelled: bool
    label: str = field(init=False)
    count_y: int = field(init=False)  # where the count is written, just above the bar

    def __post_init__(self) -> None:
        self.label = f"{self.year}: {self.count} event{'' if self.count == 1 else 's'}"
        self.count_y = self.y - 3


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
    def label_y(self) -> int:
        return self.height - 4

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


def year_chart(
    counts: Sequence[tuple[int | None, int]], filters: EventFilters, *, path: str = ""
) -> YearChart | None:
    """Bars for every year from the first to the last event (empty years stay visible); each
    links to `path` filtered to its year."""
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
        query = filters.query(year=year, year_from=None, year_to=None, page=1, format="")
        bars.append(
            Bar(
                year=year,
                count=n,
                x=2 + i * pitch,
                y=CHART_TOP + CHART_PLOT - height,
                height=height,
                center=2 + i * pitch + bar_width / 2,
                query=query,
                href=f"{path}?{query}",
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
