"""Reads for the public pages, composed from the QuerySet methods in timeline/models.py.

What depends on the whole archive rather than on the request (every actor's number of events,
the places, the events per year) is cached under the request's data version
(timeline/datacache.py), so a chronology page reads the whole archive only after it changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from articles.models import Article
from timeline.datacache import DataVersion
from timeline.filter_kinds import ActorChoice, FilterChoices
from timeline.filters import EventFilters
from timeline.models import Actor, Event, EventQuerySet, Participation, Source

# SearchHeadline wraps matches in these; they are turned into <mark> after escaping.
MATCH_START, MATCH_END = "\ue000", "\ue001"

YearCounts = Sequence[tuple[int | None, int]]


def filter_choices(version: DataVersion) -> FilterChoices:
    """What the filter form offers and accepts (two queries, once per data version)."""
    return version.cached("filter-choices", _filter_choices)


def _filter_choices() -> FilterChoices:
    actors = [
        ActorChoice(pk, name, slug, count or 0)
        for pk, name, slug, count in Actor.objects.with_event_counts()
        .order_by("name")
        .values_list("pk", "name", "slug", "event_count")
    ]
    actors.sort(key=lambda a: -a.event_count)  # stable: by name within a count
    return FilterChoices(actors=actors, places=Event.objects.places())


def filtered_events(filters: EventFilters, *, for_chart: bool = False) -> EventQuerySet:
    """The events these filters select (for the year chart: under every filter but the years),
    unordered and without related rows."""
    return filters.narrow(Event.objects.all(), chart=for_chart)


def events_per_year(filters: EventFilters, version: DataVersion) -> YearCounts:
    """(year, events) under every filter but the years, undated events as year None.

    The year chart shows them, and `count_in_years` sums them into the number of events
    shown, so no page counts its events separately. Cached per the filters that narrow them
    (`EventFilters.cache_key`): the chart stays the same while a reader changes years, order
    or page. Searches are quick (GIN index), and their text is anyone's: not cached.
    """
    events = filtered_events(filters, for_chart=True)
    key = filters.cache_key(chart=True)
    if key is None:
        return events.count_by_year()
    return version.cached("events-per-year", events.count_by_year, variant=key)


def count_in_years(counts: YearCounts, filters: EventFilters) -> int:
    """How many of the counted events fall within the filters' years (all of them if none)."""
    first, last = filters.first_year, filters.last_year
    if first is None and last is None:
        return sum(n for _, n in counts)
    return sum(
        n
        for year, n in counts
        if year is not None and (first is None or year >= first) and (last is None or year <= last)
    )


def listed_events(filters: EventFilters) -> EventQuerySet:
    """The filtered events in the chosen order (exports add `with_related()`)."""
    events = filtered_events(filters)
    if filters.q:
        events = events.with_search_rank(filters.q, start_sel=MATCH_START, stop_sel=MATCH_END)
    if filters.by_relevance:
        events = events.by_relevance()
    else:
        events = events.chronological(newest_first=filters.newest_first)
    # The searchable text is the whole of every passage: pages and exports never show it.
    return events.defer("passages", "search_vector")


def people_and_sources(
    event_ids: Sequence[int],
) -> tuple[dict[int, list[tuple[str, str, str]]], dict[int, list[tuple[int, str]]]]:
    """For each event, its actors as (role, name, slug, terms of office), those who took part
    first, by name,
    and its sources as (article id, article title): plain rows, two queries for a page."""
    people: dict[int, list[tuple[str, str, str, list]]] = defaultdict(list)
    for event_id, *person in (
        Participation.objects.filter(event_id__in=event_ids)
        .order_by("role", "actor__name")
        .values_list("event_id", "role", "actor__name", "actor__slug", "actor__offices")
    ):
        people[event_id].append(tuple(person))
    sources: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for event_id, article_id, title, file_name in (
        Source.objects.filter(event_id__in=event_ids)
        .order_by("article_id", "passage_start")
        .values_list("event_id", "article_id", "article__title", "article__file_name")
    ):
        sources[event_id].append((article_id, title or file_name))
    return people, sources


def sources_in(article: Article) -> list[Source]:
    """The article's sources with their events, in reading order (outer passages first)."""
    return list(
        Source.objects.filter(article=article)
        .select_related("event")
        .order_by("passage_start", "-passage_end", "event_id")
    )
