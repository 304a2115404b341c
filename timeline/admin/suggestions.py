"""Probable duplicates the import found, for editors to merge or keep apart in one click."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from timeline import services
from timeline.models import Decision, Event, Source, Suggestion

SHOWN = 50  # pairs a page shows: the oldest first, the queue shrinks as editors decide


class SuggestionViewMixin:
    """Adds /admin/timeline/event/suggestions/: each pair side by side, with its sources'
    passages and dates, and a button to merge them or to keep them apart."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.suggestions_view)
        return [
            path("suggestions/", view, name="timeline_event_suggestions"),
            *super().get_urls(),
        ]

    def suggestions_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            suggestion = get_object_or_404(
                Suggestion, pk=request.POST.get("suggestion"), decision=Decision.PENDING
            )
            kept = services.decide_suggestion(
                suggestion=suggestion, merge=request.POST.get("decision") == "merge"
            )
            if kept is None:
                self.message_user(request, "Kept apart: the import will not suggest them again.")
            else:
                self.message_user(request, f"Merged into “{kept.heading}”.", messages.SUCCESS)
            return redirect("admin:timeline_event_suggestions")
        sources = Prefetch(
            "sources", queryset=Source.objects.select_related("article").order_by("id")
        )
        pending = Suggestion.objects.filter(decision=Decision.PENDING)
        rows = list(pending.order_by("created_at", "id")[:SHOWN])
        events = Event.objects.prefetch_related(sources).in_bulk(
            {pk for row in rows for pk in (row.event_id, row.other_id)}
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Probably the same event",
            "opts": self.model._meta,
            "pairs": [(row, [events[row.event_id], events[row.other_id]]) for row in rows],
            "pending": pending.count(),
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/timeline/event/suggestions.html", context)
