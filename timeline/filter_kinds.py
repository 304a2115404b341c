"""The kinds of filter the chronology has, and the values they hold.

A `Filter` knows everything about one way of narrowing the events: the URL parameters it
reads, the form fields that validate them, how it writes itself back to the query string,
how it reads in words, how it narrows a queryset and what a cache key carries of it.
`OneValue` is the plain kind (one parameter, one value); the actors and the years have their
own. timeline/filters.py declares the chronology's filters with these.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from django import forms

from timeline.models import EventQuerySet

if TYPE_CHECKING:
    from timeline.filters import EventFilterForm

MIN_YEAR, MAX_YEAR = 1000, 2999
MAX_ACTORS = 10
# Django's default message repeats the value, which may be 10 KB long; the notice shows it once.
NOT_A_CHOICE = {"invalid_choice": "not one of the choices."}


class ActorChoice(NamedTuple):
    """An actor as the filters offer it: enough to match, link and count, and cheap to cache."""

    pk: int
    name: str
    slug: str
    event_count: int = 0


@dataclass(frozen=True)
class FilterChoices:
    actors: list[ActorChoice]  # every actor with `event_count`, the busiest first
    places: list[str]


# What one filter is ------------------------------------------------------------------------


class Filter:
    """One way to narrow the chronology. Subclasses say how; `FILTERS` lists the instances."""

    name: str  # the `EventFilters` attribute and the keyword of `EventFilters.query()`
    params: tuple[str, ...]  # the URL parameters it reads
    empty: Any = ""  # its value when not given
    in_chart = True  # the year chart counts events under it (the years are the chart's axis)
    free_text = False  # anyone's text: not worth a cache entry; described last

    def fields(self, choices: FilterChoices) -> dict[str, forms.Field]:
        """Each URL parameter with the form field that validates it."""
        raise NotImplementedError

    def read(self, cleaned: dict, form: EventFilterForm) -> Any:
        """The value from the form's valid data (may add notices to `form.notices`)."""
        raise NotImplementedError

    def write(self, value) -> list[tuple[str, str]]:
        """The canonical URL parameters of the value."""
        raise NotImplementedError

    def words(self, value) -> str:
        """The value in words, for the result summary ("" when it narrows nothing)."""
        raise NotImplementedError

    def narrow(self, events: EventQuerySet, value) -> EventQuerySet:
        raise NotImplementedError

    def key(self, value) -> Hashable:
        """What cache keys carry of the value: equal keys, the same events."""
        return tuple(self.write(value))

    def is_set(self, value) -> bool:
        return value != self.empty


@dataclass(frozen=True)
class OneValue(Filter):
    """A filter given by one URL parameter, named as the filter, with one value."""

    name: str
    field: Callable[[FilterChoices], forms.Field]
    narrow_by: Callable[[EventQuerySet, str], EventQuerySet]
    describe: Callable[[str], str]
    free_text: bool = False

    @property
    def params(self) -> tuple[str, ...]:
        return (self.name,)

    def fields(self, choices):
        return {self.name: self.field(choices)}

    def read(self, cleaned, form):
        return cleaned.get(self.name) or ""

    def write(self, value):
        return [(self.name, value)] if value else []

    def words(self, value):
        return self.describe(value) if value else ""

    def narrow(self, events, value):
        return self.narrow_by(events, value) if value else events

    def key(self, value):
        return value


@dataclass(frozen=True)
class Actors:
    """The chosen actors; `fixed` is the actor of an actor's page (from the URL path)."""

    chosen: tuple[ActorChoice, ...] = ()
    fixed: Any = None  # an Actor or ActorChoice

    @property
    def all(self) -> tuple:
        return (self.fixed, *self.chosen) if self.fixed else self.chosen

    def __iter__(self) -> Iterator[ActorChoice]:
        return iter(self.chosen)

    def __contains__(self, actor) -> bool:
        return actor in self.chosen

    def __len__(self) -> int:
        return len(self.chosen)


class ActorsFilter(Filter):
    """?actor=<slug>, repeatable: events involving all of them (and the page's own actor)."""

    name = "actors"
    params = ("actor",)
    empty = Actors()

    def fields(self, choices):
        return {"actor": forms.Field(required=False, widget=forms.MultipleHiddenInput)}

    def read(self, cleaned, form):
        chosen: list[ActorChoice] = []
        fixed = form.fixed_actor.pk if form.fixed_actor else None
        for value in cleaned.get("actor") or ():
            if not value.strip():
                continue
            actor = form.actor_named(value)
            if actor is not None and (actor.pk == fixed or actor in chosen):
                continue
            if actor is None:
                form.notices.append(f"Ignored actor=“{shorten(value)}”: no such actor.")
            elif len(chosen) >= MAX_ACTORS:
                form.notices.append(
                    f"Ignored actor=“{shorten(value)}”: at most {MAX_ACTORS} actors at once."
                )
            else:
                chosen.append(actor)
        return Actors(tuple(chosen), form.fixed_actor)

    def write(self, value):
        return [("actor", a.slug) for a in value.chosen]

    def words(self, value):
        return "involving " + " and ".join(a.name for a in value.chosen) if value.chosen else ""

    def narrow(self, events, value):
        return events.involving_all(value.all) if value.all else events

    def key(self, value):
        return tuple(sorted(a.pk for a in value.all))

    def is_set(self, value):
        return bool(value.chosen)


@dataclass(frozen=True)
class Years:
    """?year=, ?from= and ?to=: one range of years (a year alone is a range of one)."""

    year: int | None = None
    start: int | None = None  # ?from=
    end: int | None = None  # ?to=

    @property
    def first(self) -> int | None:
        bounds = [y for y in (self.year, self.start) if y is not None]
        return max(bounds) if bounds else None

    @property
    def last(self) -> int | None:
        bounds = [y for y in (self.year, self.end) if y is not None]
        return min(bounds) if bounds else None


class YearsFilter(Filter):
    name = "years"
    params = ("year", "from", "to")
    empty = Years()
    in_chart = False

    def fields(self, choices):
        labels = {"year": "Year", "from": "From year", "to": "To year"}
        return {
            param: forms.IntegerField(
                label=label, required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
            )
            for param, label in labels.items()
        }

    def read(self, cleaned, form):
        start, end = cleaned.get("from"), cleaned.get("to")
        if start is not None and end is not None and start > end:
            start, end = end, start
            form.notices.append(f"“From” {end} is after “to” {start}: swapped them.")
        return Years(cleaned.get("year"), start, end)

    def write(self, value):
        pairs = (("year", value.year), ("from", value.start), ("to", value.end))
        return [(param, str(year)) for param, year in pairs if year is not None]

    def words(self, value):
        first, last = value.first, value.last
        if first is not None and first == last:
            return f"in {first}"
        if first is not None and last is not None:
            return f"from {first} to {last}"
        if first is not None:
            return f"from {first} on"
        if last is not None:
            return f"up to {last}"
        return ""

    def narrow(self, events, value):
        first, last = value.first, value.last
        return events if (first, last) == (None, None) else events.in_years(first, last)


def shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
