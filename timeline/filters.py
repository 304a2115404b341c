"""The chronology's filters: read from the query string, never trusted, never fatal.

A bad value is dropped with a notice saying what was ignored and why; the rest of
the filters still apply. The result is an `EventFilters`, which also writes the
canonical query string back (only valid values, in a stable order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.utils.text import slugify

from timeline.models import Actor, EventKind

MIN_YEAR, MAX_YEAR = 1000, 2999
MAX_PAGE = 10_000
MAX_ACTORS = 10
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
# Django's default message repeats the value, which may be 10 KB long; the notice shows it once.
NOT_A_CHOICE = {"invalid_choice": "not one of the choices."}
SINGLE_VALUED = ("q", "year", "from", "to", "kind", "place", "order", "page", "format")
KNOWN_PARAMS = {"actor", *SINGLE_VALUED}


class ActorChoice(NamedTuple):
    """An actor as the filters offer it: enough to match, link and count, and cheap to cache."""

    pk: int
    name: str
    slug: str
    event_count: int = 0


@dataclass(frozen=True)
class EventFilters:
    """Valid filters only. `fixed_actor` comes from the URL path (the actor page)."""

    fixed_actor: Actor | None = None
    actors: tuple[ActorChoice, ...] = ()
    q: str = ""
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str = ""
    place: str = ""
    order: str = "oldest"
    page: int = 1
    format: str = ""
    notices: tuple[str, ...] = ()

    @property
    def all_actors(self) -> tuple[Actor | ActorChoice, ...]:
        return (self.fixed_actor, *self.actors) if self.fixed_actor else self.actors

    @property
    def first_year(self) -> int | None:
        bounds = [y for y in (self.year, self.year_from) if y is not None]
        return max(bounds) if bounds else None

    @property
    def last_year(self) -> int | None:
        bounds = [y for y in (self.year, self.year_to) if y is not None]
        return min(bounds) if bounds else None

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
        return bool(
            self.actors
            or self.q
            or self.kind
            or self.place
            or self.first_year is not None
            or self.last_year is not None
        )

    def params(self) -> list[tuple[str, str]]:
        """The canonical query: what a shared link needs to show this view again."""
        params = [("actor", a.slug) for a in self.actors]
        params += [
            (name, str(value))
            for name, value in (
                ("q", self.q),
                ("year", self.year),
                ("from", self.year_from),
                ("to", self.year_to),
                ("kind", self.kind),
                ("place", self.place),
            )
            if value not in ("", None)
        ]
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
        """The filters in words, for the result summary."""
        parts = []
        if self.actors:
            parts.append("involving " + " and ".join(a.name for a in self.actors))
        first, last = self.first_year, self.last_year
        if first is not None and first == last:
            parts.append(f"in {first}")
        elif first is not None and last is not None:
            parts.append(f"from {first} to {last}")
        elif first is not None:
            parts.append(f"from {first} on")
        elif last is not None:
            parts.append(f"up to {last}")
        if self.kind:
            parts.append(f"of kind “{EventKind(self.kind).label}”")
        if self.place:
            parts.append(f"at {self.place}")
        if self.q:
            parts.append(f"matching “{self.q}”")
        return " ".join(parts)


class EventFilterForm(forms.Form):
    """Validates the chronology's query string; `filters()` gives the valid part."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    year = forms.IntegerField(label="Year", required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Any kind"), *EventKind.choices],
        error_messages=NOT_A_CHOICE,
    )
    place = forms.ChoiceField(label="Place", required=False, error_messages=NOT_A_CHOICE)
    order = forms.ChoiceField(
        label="Order", required=False, choices=ORDERS, error_messages=NOT_A_CHOICE
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    format = forms.ChoiceField(required=False, choices=FORMATS, error_messages=NOT_A_CHOICE)

    def __init__(
        self,
        data,
        *,
        actors: Sequence[ActorChoice],
        places: Sequence[str],
        fixed_actor: Actor | None = None,
    ):
        super().__init__(data)
        # "from" and "to" are Python keywords, so these two cannot be class attributes.
        self.fields["from"] = forms.IntegerField(
            label="From year", required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
        )
        self.fields["to"] = forms.IntegerField(
            label="To year", required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
        )
        self.fields["place"].choices = [("", "Anywhere"), *((p, p) for p in places)]
        self.actors_by_slug = {a.slug: a for a in actors}
        # The "another actor" box suggests names: a typed name is as good as the slug.
        self.actors_by_name = {a.name.casefold(): a for a in actors}
        self.fixed_actor = fixed_actor
        self.notices: list[str] = []

    def clean(self):
        cleaned = super().clean()
        self._check_repeats_and_unknown_params()
        cleaned["actors"] = self._known_actors(self.data.getlist("actor"))
        first, last = cleaned.get("from"), cleaned.get("to")
        if first is not None and last is not None and first > last:
            cleaned["from"], cleaned["to"] = last, first
            self.notices.append(f"“From” {first} is after “to” {last}: swapped them.")
        if cleaned.get("order") == "relevance" and not cleaned.get("q"):
            cleaned["order"] = "oldest"
            self.notices.append("“Best match first” needs a search text: showing oldest first.")
        return cleaned

    def filters(self) -> EventFilters:
        self.is_valid()  # an invalid field is simply absent from cleaned_data
        cleaned = self.cleaned_data
        for name, errors in self.errors.items():
            if name in self.fields:
                shown = _shorten(self.data.get(name, ""))
                self.notices.append(f"Ignored {name}=“{shown}”: {' '.join(errors)}")
        notices = self.notices
        if len(notices) > MAX_NOTICES:
            notices = [*notices[:MAX_NOTICES], f"…and {len(notices) - MAX_NOTICES} more."]
        q = cleaned.get("q") or ""
        return EventFilters(
            fixed_actor=self.fixed_actor,
            actors=tuple(cleaned.get("actors", ())),
            q=q,
            year=cleaned.get("year"),
            year_from=cleaned.get("from"),
            year_to=cleaned.get("to"),
            kind=cleaned.get("kind") or "",
            place=cleaned.get("place") or "",
            order=cleaned.get("order") or ("relevance" if q else "oldest"),
            page=cleaned.get("page") or 1,
            format=cleaned.get("format") or "",
            notices=tuple(notices),
        )

    def _known_actors(self, values: list[str]) -> list[ActorChoice]:
        chosen: list[ActorChoice] = []
        fixed = self.fixed_actor.pk if self.fixed_actor else None
        for value in values:
            if not value.strip():
                continue
            actor = self._actor(value)
            if actor is not None and (actor.pk == fixed or actor in chosen):
                continue
            if actor is None:
                self.notices.append(f"Ignored actor=“{_shorten(value)}”: no such actor.")
            elif len(chosen) >= MAX_ACTORS:
                self.notices.append(
                    f"Ignored actor=“{_shorten(value)}”: at most {MAX_ACTORS} actors at once."
                )
            else:
                chosen.append(actor)
        return chosen

    def _actor(self, value: str) -> ActorChoice | None:
        """The actor a value names: by slug, or by name as typed in the "another actor" box."""
        return (
            self.actors_by_slug.get(value)
            or self.actors_by_name.get(value.strip().casefold())
            or self.actors_by_slug.get(slugify(value))
        )

    def _check_repeats_and_unknown_params(self) -> None:
        for name in SINGLE_VALUED:
            values = [v for v in self.data.getlist(name) if v != ""]
            if len(set(values)) > 1:
                self.notices.append(
                    f"{name} was given {len(values)} times: used only the last "
                    f"(“{_shorten(values[-1])}”)."
                )
        for name in self.data:
            if name not in KNOWN_PARAMS:
                self.notices.append(f"Ignored unknown parameter “{_shorten(name)}”.")


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
