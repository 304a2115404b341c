"""The pages' parts: date headings, article text pieces, filters, export cells."""

import datetime as dt

from django.http import QueryDict
from django.template.loader import render_to_string

from timeline.exports import safe_cell
from timeline.filter_kinds import ActorChoice, Actors, Years
from timeline.filters import FILTERS, EventFilterForm, EventFilters
from timeline.models import Event, interval_for
from timeline.pages.article_text import Region, Span, split_text
from timeline.pages.cards import group_by_date, highlighted
from timeline.selectors import MATCH_END, MATCH_START, filtered_events


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


def render_segments(segments) -> str:
    """The article page's partial that marks up a region's text."""
    region = Region("body", segments)
    return render_to_string("timeline/article_detail.html#text", {"region": region})


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


# Two different values of every declared filter: a new filter without them fails the test below.
PUTIN = ActorChoice(1, "Vladimir Putin", "vladimir-putin")
ALIYEV = ActorChoice(2, "Ilham Aliyev", "ilham-aliyev")
SAMPLES = {
    "actors": (Actors((PUTIN,)), Actors((ALIYEV,))),
    "q": ("gas", "oil"),
    "years": (Years(year=2020), Years(start=2019, end=2021)),
    "kind": ("meeting", "call"),
    "place": ("Baku", "Sochi"),
    "lang": ("ru", "az"),
}


def test_the_year_charts_cache_key_varies_with_every_filter_it_applies():
    """The chart's counts are cached under a key made from the same filters that narrow them:
    no filter can be left out of the key (the chart would show another filter's counts)."""
    assert set(SAMPLES) == {f.name for f in FILTERS}, "give every declared filter two samples"
    unfiltered = EventFilters()
    for f in FILTERS:
        views = [unfiltered, *(EventFilters(**{f.name: value}) for value in SAMPLES[f.name])]
        keys = [v.cache_key(chart=True) for v in views]
        charted = {str(filtered_events(v, for_chart=True).query) for v in views}
        if not f.in_chart:  # the chart's axis: it counts the same events, under the same key
            assert len(charted) == 1 and len(set(keys)) == 1, f.name
        elif f.free_text:  # anyone's text: counted afresh, never cached
            assert keys[1] is None and keys[2] is None, f.name
        else:
            assert len(charted) == 3 and len(set(keys)) == 3, f.name
        # The list itself is narrowed by every filter.
        assert len({str(filtered_events(v).query) for v in views}) == 3, f.name
    on_actor_page = EventFilters(actors=Actors(fixed=PUTIN))
    assert on_actor_page.cache_key(chart=True) not in (
        unfiltered.cache_key(chart=True),
        EventFilters(actors=Actors(fixed=ALIYEV)).cache_key(chart=True),
    )


def test_each_filter_writes_itself_back_to_the_query_string():
    form = EventFilterForm(
        QueryDict(
            "actor=ilham-aliyev&actor=Vladimir Putin&place=Baku&kind=call&to=2022&q=gas&year=2021"
        ),
        actors=[PUTIN, ALIYEV],
        places=["Baku"],
    )
    filters = form.filters()
    assert filters.notices == ()
    assert filters.query() == (
        "actor=ilham-aliyev&actor=vladimir-putin&q=gas&year=2021&to=2022&kind=call&place=Baku"
    )
    assert filters.describe() == (
        "involving Ilham Aliyev and Vladimir Putin in 2021 of kind “phone call” at Baku "
        "matching “gas”"
    )
