"""Reads for the public pages, composed from the QuerySet methods in timeline/models.py."""

from __future__ import annotations

from dataclasses import dataclass

from articles.models import Article
from timeline.filters import EventFilters
from timeline.models import Actor, Event, EventQuerySet, Source

# SearchHeadline wraps matches in these; they are turned into <mark> after escaping.
MATCH_START, MATCH_END = "\ue000", "\ue001"


@dataclass(frozen=True)
class FilterChoices:
    actors: list[Actor]  # every actor, with `event_count`
    places: list[str]


def filter_choices() -> FilterChoices:
    """What the filter form offers, and what it accepts (two queries)."""
    return FilterChoices(
        actors=list(Actor.objects.with_event_counts().order_by("name")),
        places=Event.objects.places(),
    )


def filtered_events(filters: EventFilters, *, ignore_years: bool = False) -> EventQuerySet:
    """The events these filters select, unordered and without related rows."""
    events = Event.objects.all()
    if filters.all_actors:
        events = events.involving_all(filters.all_actors)
    if not ignore_years and (filters.first_year, filters.last_year) != (None, None):
        events = events.in_years(filters.first_year, filters.last_year)
    if filters.kind:
        events = events.of_kind(filters.kind)
    if filters.place:
        events = events.at_place(filters.place)
    if filters.q:
        events = events.matching(filters.q)
    return events


def listed_events(filters: EventFilters) -> EventQuerySet:
    """The filtered events in the chosen order, ready to show (related rows prefetched)."""
    events = filtered_events(filters)
    if filters.q:
        events = events.with_search_rank(filters.q, start_sel=MATCH_START, stop_sel=MATCH_END)
    if filters.by_relevance:
        events = events.by_relevance()
    else:
        events = events.chronological(newest_first=filters.newest_first)
    return events.with_related()


def sources_in(article: Article) -> list[Source]:
    """The article's sources with their events, in reading order (outer passages first)."""
    return list(
        Source.objects.filter(article=article)
        .select_related("event")
        .order_by("passage_start", "-passage_end", "event_id")
    )
