"""Merging duplicates (events, actors): an action with a confirmation page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import helpers
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse

from timeline.forms import MergeForm


class MergeActionMixin:
    """An action's confirmation page: the editor sees the selected records and picks the one
    that stays (preselected); nothing is written until they confirm."""

    def confirm_merge(self, request, objects, *, default, describe, merge, noun: str):
        if len(objects) < 2:
            self.message_user(request, f"Select at least two {noun}s to merge.", messages.WARNING)
            return None
        choices = [(o.pk, describe(o)) for o in objects]
        if request.POST.get("confirm") == "yes":
            form = MergeForm(request.POST, choices=choices)
            if form.is_valid():
                keep = next(o for o in objects if o.pk == form.cleaned_data["keep"])
                kept = merge(keep)
                url = reverse(
                    f"admin:{kept._meta.app_label}_{kept._meta.model_name}_change", args=[kept.pk]
                )
                message = render_to_string(
                    "admin/timeline/merged_message.html",
                    {"count": len(objects), "noun": noun, "url": url, "kept": kept},
                )
                self.message_user(request, message)
                return None
        else:
            form = MergeForm(initial={"keep": default.pk}, choices=choices)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(objects)} {noun}s",
            "opts": self.model._meta,
            "form": form,
            "objects": objects,
            "noun": noun,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/merge_confirmation.html", context)
