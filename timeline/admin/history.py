"""History for events and actors, and reverting to an earlier version.

History is django-simple-history rather than django-reversion: it keeps one history table
per model (Event, Actor, Participation), each row a full copy of the record with who changed
it and when, so the admin can show field-by-field diffs and revert one record, without
serializing whole object graphs into versions the way reversion does.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class EditorHistoryAdmin(SimpleHistoryAdmin):
    # simple-history's own list, with its paginator styled from admin.css, not a style
    # attribute (the admin's Content-Security-Policy allows no inline styles).
    object_history_list_template = "admin/timeline/object_history_list.html"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may view history post a revert; a revert is a change.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
