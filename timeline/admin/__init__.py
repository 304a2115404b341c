"""The editors' product: events, actors, articles and their review, in the Django admin.

``events`` (the review queue and the change form), ``actors`` and ``articles`` register the
admins; ``evidence`` finds the passages the change form quotes, ``review`` holds the queue's
filters, ``merging`` the merge action, ``history`` simple-history's views, ``changelists``
the lean change lists. HTML is in ``templates/admin/``, styles in ``static/css/admin.css``.
"""

from django.contrib import admin

# each registers its admin
from timeline.admin import actors, articles, events, jobs  # noqa: F401

admin.site.site_header = "Russia–Azerbaijan timeline"
admin.site.site_title = "Timeline editors"
admin.site.index_title = "Editing the timeline"
admin.site.enable_nav_sidebar = False  # the review queue needs the width
