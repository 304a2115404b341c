"""Small filters for the public pages' templates."""

from django import template

from articles.extraction.offices import office_held

register = template.Library()


@register.filter
def with_role(participations, role: str) -> list:
    """Prefetched participations with this role (filtering in Python costs no query)."""
    return [p for p in participations if p.role == role]


@register.filter
def office_on(actor, date) -> str:
    """The office the actor held over the whole of the event's date, or ""."""
    return office_held(actor.offices or (), date) or ""
