"""Which actors the filter form offers: checkboxes for the busiest, suggestions for the rest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.filter_kinds import ActorChoice
from timeline.filters import EventFilters

SHOWN_ACTORS = 20  # checkboxes for the busiest actors; the others are typed (with suggestions)


def actor_checkboxes(
    actors: Sequence[ActorChoice], filters: EventFilters, *, limit: int = SHOWN_ACTORS
) -> list[ActorChoice]:
    """The busiest actors (`actors` come busiest first), then any other chosen ones."""
    fixed = filters.actors.fixed.pk if filters.actors.fixed else None
    shown = [a for a in actors[: limit + 1] if a.event_count and a.pk != fixed][:limit]
    return shown + [a for a in filters.actors if a not in shown]


def suggested_names(actors: Iterable[ActorChoice]) -> list[str]:
    """Every actor with events, by name, for the "another actor" box's <datalist>."""
    return sorted((a.name for a in actors if a.event_count), key=str.casefold)
