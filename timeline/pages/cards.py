"""Events as the chronology lists them: cards under year and month headings.

A chronology page lists 50 events; every label and link they show is worked out here, once
per event (`EventCard`), so that the template only prints values: asking the model, the
prefetch managers and `reverse` from the template costs several times more.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.language import ENGLISH, detect_language
from articles.extraction.offices import office_held, office_terms
from timeline import selectors
from timeline.models import Event, EventKind, Role
from timeline.pages.dating import plain
from timeline.selectors import MATCH_END, MATCH_START

SOURCE_TITLE_LENGTH = 90

# What a card shows of an event; `headline` too when searching (`with_search_rank()`).
LISTED_COLUMNS = (
    "id",
    "title",
    "summary",
    "kind",
    "place",
    "date_precision",
    "date_start",
    "needs_review",
    "date_derivation",
    "planned",
    "source_count",
)


class Link(NamedTuple):
    url: str
    text: str
    note: str = ""  # for an actor, the office held at the event's date


@dataclass(slots=True)
class EventCard:
    """An event as the chronology lists it: its labels and links, ready to print."""

    pk: int
    url: str
    title: str  # the headline, or the sentence for an event without one
    match: str  # when searching: the sentence, its matches highlighted (safe HTML)
    date: DateValue
    kind: str
    place: str
    needs_review: bool
    derivation: str
    took_part: list[Link]
    mentioned: list[Link]
    sources: list[Link]
    source_count: int = 0
    planned: bool = False
    english_label: str = ""  # for a summary in Russian or Azerbaijani (`english_label`)


def english_label(summary: str, kind: str, participants: Iterable[str], place: str) -> str:
    """A short English label for an event summarised in another language, from what the
    timeline knows of it in English: "Talks or meeting: Ilham Aliyev, Vladimir Putin — Sochi".
    "" when the summary is English already."""
    if detect_language(summary) == ENGLISH:
        return ""
    label = _KIND_LABELS.get(kind, kind) if kind and kind != EventKind.OTHER else "Event"
    label = label[:1].upper() + label[1:]
    names = ", ".join(participants)
    if names:
        label += f": {names}"
    return f"{label} — {place}" if place else label


def event_cards(rows: Sequence[dict]) -> list[EventCard]:
    """Cards for events read as `LISTED_COLUMNS`, with their people and sources (two queries).

    Plain rows rather than models with prefetched relations: for a page of 50 events that
    is a few milliseconds less, for the same three queries.
    """
    people, sources = selectors.people_and_sources([row["id"] for row in rows])
    urls = _Urls()
    # Each actor's terms of office read once a page, however many events they are in.
    terms = {
        slug: office_terms(offices)
        for listed in people.values()
        for _, _, slug, offices in listed
        if offices
    }
    return [_card(row, people[row["id"]], sources[row["id"]], urls, terms) for row in rows]


def _card(row: dict, people: list, sources: list, urls: _Urls, terms: dict) -> EventCard:
    pk = row["id"]
    date = DateValue.from_start(row["date_precision"], row["date_start"])
    took_part, mentioned = [], []
    for role, name, slug, _ in people:
        office = (office_held(terms[slug], date) or "") if terms.get(slug) else ""
        link = Link(urls.actor(slug), name, office)
        (took_part if role == Role.PARTICIPANT else mentioned).append(link)
    headline = row.get("headline")
    return EventCard(
        pk=pk,
        url=urls.event(pk),
        title=row["title"] or row["summary"],
        match=highlighted(headline) if headline else "",
        source_count=row["source_count"],
        planned=row["planned"],
        date=date,
        kind=_KIND_LABELS.get(row["kind"], row["kind"]),
        place=row["place"],
        needs_review=row["needs_review"],
        derivation=plain(row["date_derivation"]),
        english_label=english_label(
            row["title"] or row["summary"],
            row["kind"],
            (link.text for link in took_part),
            row["place"],
        ),
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


def highlighted(headline: str) -> SafeString:
    """Escape a search headline, then turn its match markers into <mark>."""
    text = str(escape(headline))
    text = re.sub(f"{MATCH_START}(.*?){MATCH_END}", r"<mark>\1</mark>", text, flags=re.S)
    return mark_safe(text.replace(MATCH_START, "").replace(MATCH_END, ""))  # escaped above


# Headings -----------------------------------------------------------------------------------


@dataclass
class EventGroup:
    """Events under one heading. Empty headings mean the group continues the previous page's."""

    year_heading: str = ""
    year_anchor: str = ""
    heading: str = ""
    anchor: str = ""
    events: list[EventCard] = field(default_factory=list)


def _date_key(date: DateValue) -> tuple:
    if not date.known:
        return ("unknown", 0)
    return (date.year, 0 if date.precision == Precision.YEAR else date.month)


def group_by_date(
    events: Iterable[EventCard | Event], *, previous: EventCard | Event | None = None
) -> list[EventGroup]:
    """Headings for a year ("2022"), its year-only events ("Sometime in 2022"), each month."""
    groups: list[EventGroup] = []
    last = _date_key(previous.date) if previous is not None else None
    for event in events:
        key = _date_key(event.date)
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
