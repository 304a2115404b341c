import datetime as dt

import pytest
from django.template import Context, Template

from articles.extraction.datevalue import UNKNOWN, DateValue


@pytest.mark.parametrize(
    ("value", "html"),
    [
        (
            DateValue.from_start("day", dt.date(2021, 11, 26)),
            '<time class="event-date" datetime="2021-11-26">26 November 2021</time>',
        ),
        (
            DateValue.from_start("month", dt.date(2021, 5, 1)),
            '<time class="event-date" datetime="2021-05">May 2021</time>',
        ),
        (
            DateValue.from_start("year", dt.date(2022, 1, 1)),
            '<time class="event-date" datetime="2022">2022</time>',
        ),
        (UNKNOWN, '<time class="event-date">date unknown</time>'),
    ],
)
def test_one_tag_renders_a_date_at_its_precision(value, html):
    rendered = Template("{% load dates %}{% date_time value %}").render(Context({"value": value}))
    assert rendered == html
