"""Pages of events: Django's paginator, reading only the rows of the page asked for."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

from timeline.models import EventQuerySet
from timeline.pages.cards import LISTED_COLUMNS, EventCard, EventGroup, event_cards, group_by_date

PER_PAGE = 50


class EventPage(Page):
    """A page of event cards (`object_list`), and the same cards under date headings."""

    def __init__(self, cards: list[EventCard], number: int, paginator: EventPaginator, *, groups):
        super().__init__(cards, number, paginator)
        self.groups: list[EventGroup] = groups


class EventPaginator(Paginator):
    """Pages of events whose number is already known (`count`: no COUNT query), each read as
    event cards, grouped under date headings if `grouped`; a page is three queries.

    Offset paging, so that any page number is a link. But a page past the first skips its
    offset in the index only (a subquery of ids) before reading the rows of just this page,
    and counts from the nearer end (a page past the middle skips rows in reverse order):
    the last of 2,000 pages costs what the first does, the middle one a few milliseconds.
    """

    def __init__(
        self, events: EventQuerySet, *, count: int, grouped: bool, per_page: int = PER_PAGE
    ):
        super().__init__(events, per_page)
        self.count = count  # replaces Paginator.count, which would count the rows
        self.grouped = grouped

    def page(self, number) -> EventPage:
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        cards = event_cards(self._rows(offset))
        # The row before the page says whether the page starts inside a year or month
        # already headed on the previous page; it costs one more row, not one more query.
        previous = cards.pop(0) if offset and cards else None
        if self.grouped:
            groups = group_by_date(cards, previous=previous)
        else:
            groups = [EventGroup(events=cards)] if cards else []
        return EventPage(cards, number, self, groups=groups)

    def _rows(self, offset: int) -> list[dict]:
        events, total = self.object_list, self.count
        start, stop = max(offset - 1, 0), offset + self.per_page
        searched = "headline" in events.query.annotations
        columns = [*LISTED_COLUMNS, *(["headline"] if searched else [])]
        if not start:
            return list(events.values(*columns)[start:stop])
        if start > total - stop:
            ids = events.reverse().values("pk")[max(total - stop, 0) : total - start]
        else:
            ids = events.values("pk")[start:stop]
        return list(events.filter(pk__in=ids).values(*columns))
