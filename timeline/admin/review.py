"""The review queue's filters: year, actor, machine disagreement, editors' corrections."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef

from timeline.models import Actor, Event, Participation


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = [
            (str(d.year), str(d.year))
            for d in Event.objects.dates("date_start", "year", order="DESC")
        ]
        return [*years, ("none", "date unknown")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(date_start__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.in_year(int(self.value()))
        return queryset


class ActorFilter(admin.SimpleListFilter):
    """The actors in most events; any actor's id works in the URL (the actors list links it)."""

    title = "actor"
    parameter_name = "actor"
    shown = 30

    def lookups(self, request, model_admin):
        actors = list(
            Actor.objects.with_event_counts()
            .filter(event_count__gt=0)
            .order_by("-event_count", "name")[: self.shown]
        )
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(a.pk) != chosen for a in actors):
            actors += list(Actor.objects.with_event_counts().filter(pk=chosen))
        return [(str(a.pk), f"{a.name} ({a.event_count})") for a in actors]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(
                Exists(
                    Participation.objects.filter(event=OuterRef("pk"), actor_id=int(self.value()))
                )
            )
        return queryset


class _YesNoFilter(admin.SimpleListFilter):
    """Yes: the field differs from ``empty``; no: it equals it."""

    field: str
    empty: object

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(**{self.field: self.empty})
        if self.value() == "no":
            return queryset.filter(**{self.field: self.empty})
        return queryset


class DisagreementFilter(_YesNoFilter):
    title = "machine disagrees"
    parameter_name = "disagrees"
    field, empty = "machine_disagreement", ""


class CorrectedFilter(_YesNoFilter):
    title = "corrected by an editor"
    parameter_name = "corrected"
    field, empty = "locked_fields", []
