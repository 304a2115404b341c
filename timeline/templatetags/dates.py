"""``{% date_time value %}``: a date at its precision as HTML, the same on every page."""

from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from articles.extraction.datevalue import DateValue

register = template.Library()


@register.simple_tag
@lru_cache(maxsize=4096)  # a chronology page shows 50 dates; the same ones again and again
def date_time(value: DateValue, css_class: str = "event-date") -> SafeString:
    """``<time datetime="2021-11">November 2021</time>``; an unknown date has no datetime."""
    iso = value.iso()
    if iso is None:
        return format_html('<time class="{}">{}</time>', css_class, value.label)
    return format_html('<time class="{}" datetime="{}">{}</time>', css_class, iso, value.label)
