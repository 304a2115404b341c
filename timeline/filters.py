"""The chronology's filters, each declared once; read from the query string, never trusted, never
fatal.

`FILTERS` lists them (their kinds are in timeline/filter_kinds.py). Everything else is derived
from that list: the fields of `EventFilters`, the form that reads the query string
(`EventFilterForm`), the canonical query string written back, the words of the result summary,
the queryset (`EventFilters.narrow`) and the cache keys of what is computed from filtered
events (`EventFilters.cache_key`). Adding a filter is adding one entry to `FILTERS`.

A bad value is dropped with a notice saying what was ignored and why; the other filters still
apply.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import field, make_dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.text import slugify

from articles.models import LANGUAGE_CHOICES, LANGUAGE_NAMES
from timeline.filter_kinds import (
    NOT_A_CHOICE,
    ActorChoice,
    ActorsFilter,
    Filter,
    FilterChoices,
    OneValue,
    YearsFilter,
    shorten,
)
from timeline.models import EventKind, EventQuerySet

MAX_PAGE = 10_000
MAX_NOTICES = 8

ORDERS = [
    ("oldest", "Oldest first"),
    ("newest", "Newest first"),
    ("relevance", "Best match first"),
]
FORMATS = [
    ("csv", "CSV"),
    ("json", "JSON"),
    ("ics", "iCalendar"),
    ("timelinejs", "TimelineJS"),
]

# The filters -------------------------------------------------------------------------------

FILTERS: tuple[Filter, ...] = (
    ActorsFilter(),
    OneValue(
        "q",
        field=lambda choices: forms.CharField(label="Search", required=False, max_length=200),
        narrow_by=EventQuerySet.matching,
        describe="matching “{}”".format,
        free_text=True,
    ),
    YearsFilter(),
    OneValue(
        "kind",
        field=lambda choices: forms.ChoiceField(
            label="Kind",
            required=False,
            choices=[("", "Any kind"), *EventKind.choices],
            error_messages=NOT_A_CHOICE,
        ),
        narrow_by=EventQuerySet.of_kind,
        describe=lambda kind: f"of kind “{EventKind(kind).label}”",
    ),
    OneValue(
        "place",
        field=lambda choices: forms.ChoiceField(
            label="Place",
            required=False,
            choices=[("", "Anywhere"), *((p, p) for p in choices.places)],
            error_messages=NOT_A_CHOICE,
        ),
        narrow_by=EventQuerySet.at_place,
        describe="at {}".format,
    ),
    OneValue(
        "lang",
        field=lambda choices: forms.ChoiceField(
            label="Language",
            required=False,
            choices=[("", "Any language"), *LANGUAGE_CHOICES],
            error_messages=NOT_A_CHOICE,
        ),
        narrow_by=EventQuerySet.in_language,
        describe=lambda lang: f"reported in {LANGUAGE_NAMES[lang]}",
    ),
)

# How the events are shown rather than which: order, page and export format.
OPTIONS = ("order", "page", "format")
KNOWN_PARAMS = {param for f in FILTERS for param in f.params} | set(OPTIONS)


class _EventFiltersMethods:
    """What `EventFilters` does; its fields are made from `FILTERS` below."""

    @property
    def first_year(self) -> int | None:
        return self.years.first

    @property
    def last_year(self) -> int | None:
        return self.years.last

    @property
    def newest_first(self) -> bool:
        return self.order == "newest"

    @property
    def by_relevance(self) -> bool:
        return self.order == "relevance"

    @property
    def default_order(self) -> str:
        return "relevance" if self.q else "oldest"

    @property
    def is_filtered(self) -> bool:
        return any(f.is_set(getattr(self, f.name)) for f in FILTERS)

    def params(self) -> list[tuple[str, str]]:
        """The canonical query: what a shared link needs to show this view again."""
        params = [param for f in FILTERS for param in f.write(getattr(self, f.name))]
        if self.order != self.default_order:
            params.append(("order", self.order))
        if self.page > 1:
            params.append(("page", str(self.page)))
        if self.format:
            params.append(("format", self.format))
        return params

    def query(self, **changes) -> str:
        """The canonical query string, with some filters changed (`replace` semantics)."""
        return urlencode(replace(self, **changes).params())

    def describe(self) -> str:
        """The filters in words, for the result summary (free text last)."""
        described = sorted(FILTERS, key=lambda f: f.free_text)
        return " ".join(w for f in described if (w := f.words(getattr(self, f.name))))

    def narrow(self, events: EventQuerySet, *, chart: bool = False) -> EventQuerySet:
        """The events these filters select; for the year `chart`, every filter but the years."""
        for f in _applied(chart):
            events = f.narrow(events, getattr(self, f.name))
        return events

    def cache_key(self, *, chart: bool = False) -> Hashable | None:
        """A key for what is computed from `narrow(events, chart=chart)`, made from the same
        filters; None when free text is among them (searches are not cached)."""
        values = [(f, getattr(self, f.name)) for f in _applied(chart)]
        if any(f.free_text and f.is_set(value) for f, value in values):
            return None
        return tuple((f.name, f.key(value)) for f, value in values)


def _applied(chart: bool) -> Iterator[Filter]:
    return (f for f in FILTERS if f.in_chart or not chart)


EventFilters = make_dataclass(
    "EventFilters",
    [
        *((f.name, Any, field(default=f.empty)) for f in FILTERS),
        ("order", str, field(default="oldest")),
        ("page", int, field(default=1)),
        ("format", str, field(default="")),
        ("notices", tuple, field(default=())),
    ],
    bases=(_EventFiltersMethods,),
    frozen=True,
)
EventFilters.__module__ = __name__
EventFilters.__doc__ = "Valid filters only, one field per entry of `FILTERS`, and the options."


class EventFilterForm(forms.Form):
    """Validates the chronology's query string; `filters()` gives the valid part.

    Its fields are those of `FILTERS`, then the options."""

    order = forms.ChoiceField(
        label="Order", required=False, choices=ORDERS, error_messages=NOT_A_CHOICE
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    format = forms.ChoiceField(required=False, choices=FORMATS, error_messages=NOT_A_CHOICE)

    def __init__(
        self, data, *, actors: Sequence[ActorChoice], places: Sequence[str], fixed_actor=None
    ):
        super().__init__(data)
        choices = FilterChoices(actors=list(actors), places=list(places))
        self.fields = {k: v for f in FILTERS for k, v in f.fields(choices).items()} | self.fields
        self.actors_by_slug = {a.slug: a for a in actors}
        # The "another actor" box suggests names: a typed name is as good as the slug.
        self.actors_by_name = {a.name.casefold(): a for a in actors}
        self.fixed_actor = fixed_actor
        self.notices: list[str] = []
        self.values: dict[str, Any] = {}

    def clean(self):
        cleaned = super().clean()
        self._check_repeats_and_unknown_params()
        self.values = {f.name: f.read(cleaned, self) for f in FILTERS}
        if cleaned.get("order") == "relevance" and not self.values.get("q"):
            cleaned["order"] = "oldest"
            self.notices.append("“Best match first” needs a search text: showing oldest first.")
        return cleaned

    def filters(self) -> EventFilters:
        self.is_valid()  # an invalid field is simply absent from cleaned_data
        cleaned = self.cleaned_data
        for name, errors in self.errors.items():
            if name in self.fields:
                shown = shorten(self.data.get(name, ""))
                self.notices.append(f"Ignored {name}=“{shown}”: {' '.join(errors)}")
        notices = self.notices
        if len(notices) > MAX_NOTICES:
            notices = [*notices[:MAX_NOTICES], f"…and {len(notices) - MAX_NOTICES} more."]
        filters = EventFilters(**self.values)
        return replace(
            filters,
            order=cleaned.get("order") or filters.default_order,
            page=cleaned.get("page") or 1,
            format=cleaned.get("format") or "",
            notices=tuple(notices),
        )

    def actor_named(self, value: str) -> ActorChoice | None:
        """The actor a value names: by slug, or by name as typed in the "another actor" box."""
        return (
            self.actors_by_slug.get(value)
            or self.actors_by_name.get(value.strip().casefold())
            or self.actors_by_slug.get(slugify(value))
        )

    def _check_repeats_and_unknown_params(self) -> None:
        for name, form_field in self.fields.items():
            if isinstance(form_field.widget, forms.MultipleHiddenInput):
                continue
            values = [v for v in self.data.getlist(name) if v != ""]
            if len(set(values)) > 1:
                self.notices.append(
                    f"{name} was given {len(values)} times: used only the last "
                    f"(“{shorten(values[-1])}”)."
                )
        for name in self.data:
            if name not in self.fields:
                self.notices.append(f"Ignored unknown parameter “{shorten(name)}”.")
