"""Small filters for the public pages' templates."""

from django import template

register = template.Library()


@register.filter
def with_role(participations, role: str) -> list:
    """Prefetched participations with this role (filtering in Python costs no query)."""
    return [p for p in participations if p.role == role]
