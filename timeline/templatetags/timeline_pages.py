"""Small filters for the public pages' templates."""

from django import template
from django.utils.safestring import SafeString

from timeline import display

register = template.Library()


@register.filter
def with_role(participations, role: str) -> list:
    """Prefetched participations with this role (filtering in Python costs no query)."""
    return [p for p in participations if p.role == role]


@register.filter
def highlighted(headline: str) -> SafeString:
    """A search headline, escaped, with the matching words in <mark>."""
    return display.highlighted(headline)
