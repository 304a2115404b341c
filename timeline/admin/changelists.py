"""Change lists that leave the long text columns in the database."""

from __future__ import annotations

from django.contrib.admin.views.main import ChangeList


class LeanChangeList(ChangeList):
    """A changelist whose queryset defers the columns no list shows."""

    deferred: tuple[str, ...] = ()

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*self.deferred)


class EventChangeList(LeanChangeList):
    deferred = ("passages", "search_vector", "date_evidence")


class ActorChangeList(LeanChangeList):
    deferred = ("offices",)


class ArticleChangeList(LeanChangeList):
    deferred = ("raw_text",)
