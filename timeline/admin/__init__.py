"""The editors' product: events, actors, articles and their review, in the Django admin."""

from timeline.admin import articles, events  # noqa: F401  (each module registers its admins)
