"""The pages' plain-Python parts: date headings, article text pieces, filters, export cells."""

import datetime as dt

from django.http import QueryDict

from timeline.display import Span, group_by_date, highlighted, render_segments, split_text
from timeline.exports import safe_cell
from timeline.filters import EventFilterForm
from timeline.models import Event, interval_for
from timeline.selectors import MATCH_END, MATCH_START


def event(date, precision="day"):
    start, end = interval_for(precision, date)
    return Event(summary="x", date_precision=precision, date_start=start, date_end=end)


def test_headings_for_years_months_and_year_only_events():
    events = [
        event(dt.date(2022, 1, 1), "year"),
        event(dt.date(2022, 2, 1), "month"),
        event(dt.date(2022, 2, 22)),
        event(dt.date(2023, 5, 25)),
        event(None, "unknown"),
    ]
    groups = group_by_date(events)
    assert [(g.year_heading, g.heading, len(g.events)) for g in groups] == [
        ("2022", "Sometime in 2022", 1),
        ("", "February 2022", 2),
        ("2023", "May 2023", 1),
        ("Date unknown", "", 1),
    ]


def test_a_page_that_continues_a_month_repeats_no_heading():
    previous = event(dt.date(2022, 2, 1))
    groups = group_by_date(
        [event(dt.date(2022, 2, 5)), event(dt.date(2022, 3, 1))], previous=previous
    )
    assert [(g.year_heading, g.heading) for g in groups] == [("", ""), ("", "March 2022")]


def test_pieces_of_text_cover_it_exactly_once_with_one_anchor_per_event():
    text = "0123456789"
    spans = [
        Span(0, 6, 1, "a", "passage"),
        Span(3, 9, 2, "b", "passage"),
        Span(4, 5, 3, "c", "passage"),
        Span(7, 7, 4, "empty", "passage"),
        Span(2, 50, 5, "past the end", "passage"),
    ]
    segments = split_text(
        text, [Span(s.start, min(s.end, 10), s.event_id, s.summary, s.kind) for s in spans]
    )
    assert "".join(s.text for s in segments) == text
    anchors = [layer.span.event_id for s in segments for layer in s.layers if layer.anchor]
    assert sorted(anchors) == [1, 2, 3, 4, 5]
    html = render_segments(segments)
    assert html.count("<mark") == html.count("</mark>")
    assert 'id="event-4"' in html


def test_segments_are_escaped():
    html = render_segments(split_text("<b>&</b>", [Span(0, 3, 1, '"quoted"', "passage")]))
    assert "&lt;b&gt;" in html and "&amp;" in html and "<b>" not in html
    assert 'title="&quot;quoted&quot;"' in html


def test_search_headlines_are_escaped_then_marked():
    headline = f"<i>{MATCH_START}gas{MATCH_END}</i> and {MATCH_START}oil"
    assert highlighted(headline) == "&lt;i&gt;<mark>gas</mark>&lt;/i&gt; and oil"


def test_filters_write_back_only_what_is_valid():
    form = EventFilterForm(
        QueryDict("year=2021&kind=xyz&q=&order=oldest&from=2023&to=2019"), actors=[], places=[]
    )
    filters = form.filters()
    assert filters.query() == "year=2021&from=2019&to=2023"
    assert filters.query(page=3, format="csv") == "year=2021&from=2019&to=2023&page=3&format=csv"
    assert (filters.first_year, filters.last_year) == (2021, 2021)
    assert any("kind" in n for n in filters.notices) and any(
        "swapped" in n for n in filters.notices
    )


def test_csv_cells_that_would_be_formulas_are_quoted():
    assert [safe_cell(v) for v in ("=1+1", "+7", "-2", "@SUM(A1)", "plain", 3, None)] == [
        "'=1+1",
        "'+7",
        "'-2",
        "'@SUM(A1)",
        "plain",
        "3",
        "",
    ]

