"""Actors: the people, countries and organisations in events, their aliases and merges."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.fields.json import KT
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import smart_split, unescape_string_literal

from timeline import services
from timeline.admin.changelists import ActorChangeList
from timeline.admin.history import EditorHistoryAdmin
from timeline.admin.merging import MergeActionMixin
from timeline.models import Actor


@admin.register(Actor)
class ActorAdmin(MergeActionMixin, EditorHistoryAdmin):
    list_display = ("name", "kind", "reviewed", "office", "affiliation", "event_count")
    list_filter = ("kind", "reviewed")
    search_fields = ("name",)  # and aliases: see get_search_results
    search_help_text = "Searches names and aliases."
    ordering = ("reviewed", "name")  # the ones nobody has checked yet first
    fields = ("name", "slug", "kind", "aliases", "office", "offices", "reviewed", "created_at")
    actions = ("mark_reviewed", "merge_actors")

    def get_queryset(self, request):
        # The offices themselves stay deferred in the list: only what the first one names.
        return (
            super()
            .get_queryset(request)
            .with_event_counts()
            .annotate(
                office_country=KT("offices__0__country"),
                office_organisation=KT("offices__0__organisation"),
            )
        )

    def get_changelist(self, request, **kwargs):
        return ActorChangeList

    def get_readonly_fields(self, request, obj=None):
        # The slug is the actor's public address and the importer's key for it.
        return ("slug", "created_at") if obj else ("created_at",)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name",)}

    def get_search_results(self, request, queryset, search_term):
        """Every word must be in the name or in one of the aliases (case-insensitive)."""
        words = [
            unescape_string_literal(w) if w[0] in "\"'" and w[-1] == w[0] else w
            for w in smart_split(search_term)
        ]
        if not words:
            return queryset, False
        queryset = queryset.alias(
            alias_text=Func(
                F("aliases"), Value(" "), function="array_to_string", output_field=TextField()
            )
        )
        for word in words:
            queryset = queryset.filter(Q(name__icontains=word) | Q(alias_text__icontains=word))
        return queryset, False

    @admin.display(description="country · organisation")
    def affiliation(self, actor: Actor) -> str:
        """The country and organisation the (first) office names: a new person's office."""
        found = (getattr(actor, "office_country", ""), getattr(actor, "office_organisation", ""))
        return " · ".join(value for value in found if value)

    @admin.display(description="events", ordering="event_count")
    def event_count(self, actor: Actor) -> SafeString:
        return render_to_string("admin/timeline/actor/event_count.html", {"actor": actor})

    def save_model(self, request, obj, form, change):
        # A renamed actor keeps its old name as an alias, so extraction still recognises it.
        old = form.initial.get("name")
        if change and "name" in form.changed_data and old and old not in obj.aliases:
            obj.aliases = [*obj.aliases, old]
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark selected actors reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = services.mark_actors_reviewed(actors=queryset)
        self.message_user(request, f"Marked {count} actors reviewed.")

    @admin.action(description="Merge selected duplicate actors", permissions=["change"])
    def merge_actors(self, request, queryset):
        actors = list(queryset.order_by("name"))
        return self.confirm_merge(
            request,
            actors,
            default=services.busiest_actor(actors) if actors else None,
            noun="actor",
            describe=lambda a: (
                f"{a.name} ({a.get_kind_display()}, {a.event_count} events"
                f"{', aliases: ' + ', '.join(a.aliases) if a.aliases else ''})"
            ),
            merge=lambda keep: services.merge_actors(into=keep, others=actors),
        )
