"""The extractor's accuracy on what editors checked, as a page of the event admin."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from timeline.accuracy import VERDICTS, measure


class AccuracyViewMixin:
    """Adds /admin/timeline/event/accuracy/: the current extractor scored against every
    event an editor reviewed or corrected (nothing is written)."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.accuracy_view)
        return [path("accuracy/", view, name="timeline_event_accuracy"), *super().get_urls()]

    def accuracy_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = measure()
        counts = report.counts
        context = {
            **self.admin_site.each_context(request),
            "title": "Extractor accuracy on checked events",
            "opts": self.model._meta,
            "report": report,
            "verdicts": [(v, counts[v]) for v in VERDICTS],
            "participants": report.participants,
        }
        return TemplateResponse(request, "admin/timeline/event/accuracy.html", context)
