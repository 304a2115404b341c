"""The chronology as a reader gets it: server-rendered HTML, htmx fragments, query counts.

Event, actor and article pages: test_pages_detail.py; exports: test_exports.py.
"""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_actor, make_article, make_event
from tests.page_helpers import HTMX, event_ids, make_cast, text_of
from timeline import selectors
from timeline.filters import EventFilters
from timeline.models import PRECISION_RANK, Actor, Event, Participation, Source, interval_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """Two presidents, a foreign minister, and events between them."""
    return make_cast()


# The chronology -----------------------------------------------------------------------------


def test_chronology_shows_the_seed_events_with_dates_at_their_precision(seeded, client):
    html = text_of(client.get("/"))
    events = list(Event.objects.all())
    assert events, "the seeds give events"
    for event in events[:50]:
        assert f'id="summary-{event.pk}"' in html
        assert event.date_label in html
    for year in Event.objects.filter(date_precision="year").values_list(
        "date_start__year", flat=True
    ):
        assert f"Sometime in {year}" in html
    if Event.objects.filter(date_precision="unknown").exists():
        assert "Date unknown" in html
    if Event.objects.filter(needs_review=True).exists():
        assert "needs review" in html
    assert "Russia–Azerbaijan relations: a timeline" in html
    assert "Dates are shown at the precision the sources support" in html


def test_year_only_events_head_their_year_and_undated_events_come_last(client, cast):
    html = text_of(client.get("/"))
    order = event_ids(html)
    assert order == [cast[k].pk for k in ("visit", "call", "sochi", "declaration", "undated")]
    assert html.index("Sometime in 2022") < html.index(cast["declaration"].summary)
    assert (
        html.index(">2021</h2>") < html.index(">May 2021</h3>") < html.index(">November 2021</h3>")
    )
    assert html.rindex("Date unknown") > html.index(cast["declaration"].summary)
    assert "1 January 2022" not in html
    assert '<time class="event-date" datetime="2021-05">May 2021</time>' in html


def test_newest_first_keeps_the_year_heading_before_its_days(client, cast):
    html = text_of(client.get("/?order=newest"))
    assert event_ids(html) == [
        cast[k].pk for k in ("declaration", "sochi", "call", "visit", "undated")
    ]


def test_each_event_shows_kind_place_actors_and_its_source_passage_link(client, cast):
    html = text_of(client.get("/"))
    sochi = cast["sochi"]
    source = sochi.sources.get()
    assert f'href="/articles/{source.article_id}/#event-{sochi.pk}"' in html
    assert f'href="/actors/{cast["aliyev"].slug}/"' in html
    assert "talks or meeting" in html and "Sochi" in html
    declaration_card = html[html.index(f'id="summary-{cast["declaration"].pk}"') :]
    declaration_card = declaration_card[: declaration_card.index("</article>")]
    took_part, mentioned = declaration_card.split("Mentioned:")
    assert "Sergey Lavrov" not in took_part and "Sergey Lavrov" in mentioned
    assert "Date uncertain: &#x27;last year&#x27; relative to the article&#x27;s date" in html


def test_filter_by_a_seeded_actor(seeded, client):
    aliyev = Actor.objects.get(name="Ilham Aliyev")
    mine = make_event(
        summary="Aliyev opens a bridge", date=dt.date(2021, 6, 1), participants=[aliyev]
    )
    other = make_event(summary="Someone else entirely", date=dt.date(2021, 6, 2))
    order = event_ids(text_of(client.get(f"/?actor={aliyev.slug}")))
    assert mine.pk in order and other.pk not in order
    assert set(order) == set(
        Event.objects.involving_all([aliyev]).values_list("pk", flat=True)[:50]
    )


def test_filters_combine(client, cast):
    aliyev, putin, lavrov = cast["aliyev"], cast["putin"], cast["lavrov"]

    def shown(query):
        return set(event_ids(text_of(client.get("/" + query))))

    everything_aliyev = {cast[k].pk for k in ("sochi", "call", "visit", "declaration", "undated")}
    assert shown(f"?actor={aliyev.slug}") == everything_aliyev
    assert shown(f"?actor={aliyev.slug}&actor={putin.slug}") == {
        cast[k].pk for k in ("sochi", "call", "declaration")
    }
    assert shown(f"?actor={lavrov.slug}&actor={putin.slug}") == {cast["declaration"].pk}
    assert shown("?year=2021") == {cast["sochi"].pk, cast["call"].pk}
    assert shown("?from=2019&to=2021") == {cast[k].pk for k in ("sochi", "call", "visit")}
    assert shown("?from=2022") == {cast["declaration"].pk}
    assert shown("?kind=meeting") == {cast["sochi"].pk}
    assert shown("?place=Baku") == {cast["visit"].pk}
    assert shown(f"?actor={putin.slug}&year=2021&kind=call") == {cast["call"].pk}


def test_text_search_is_ranked_and_highlights_the_matching_words(client, cast):
    response = client.get("/?q=gas")
    html = text_of(response)
    assert event_ids(html) == [cast["call"].pk]
    assert "discuss <mark>gas</mark> by phone" in html
    # Stemming: "meeting" finds "meet"; best match first by default when searching.
    assert event_ids(text_of(client.get("/?q=meeting"))) == [cast["sochi"].pk]
    ranked = event_ids(text_of(client.get("/?q=Aliyev Putin")))
    assert ranked[0] in {cast["sochi"].pk, cast["call"].pk}


def test_search_highlight_escapes_the_summary(client):
    make_event(summary='<script>alert("gas")</script> gas deal')
    html = text_of(client.get("/?q=gas"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>gas</mark> deal" in html


def test_the_filter_form_is_a_real_form_enhanced_by_htmx(client, cast):
    html = text_of(client.get("/"))
    form = html[html.index('<form class="filters"') : html.index("</form>")]
    assert 'method="get" action="/"' in form
    assert 'hx-get="/"' in form and 'hx-target="#results"' in form
    assert 'hx-push-url="true"' in form
    assert "input changed delay:300ms from:input[type=search]" in form
    assert '<label for="f-q">Search</label>' in form and 'id="f-q"' in form
    assert f'value="{cast["aliyev"].slug}"' in form
    assert 'aria-live="polite"' in html
    assert "/static/django_htmx/htmx-2.min.js" in html
    assert "/static/css/site.css" in html


def test_htmx_request_gets_only_the_results_fragment(client, cast):
    full = client.get(f"/?actor={cast['aliyev'].slug}")
    fragment = client.get(f"/?actor={cast['aliyev'].slug}&year=&kind=&order=oldest", **HTMX)
    assert "<html" in text_of(full) and "<html" not in text_of(fragment)
    assert "<form" not in text_of(fragment)
    assert event_ids(text_of(fragment)) == event_ids(text_of(full))
    for response in (full, fragment):
        assert "HX-Request" in response["Vary"]
    # The pushed URL is the canonical one: only the filters that mean something.
    assert fragment["HX-Push-Url"] == f"/?actor={cast['aliyev'].slug}"


def test_history_restore_and_boosted_requests_get_the_whole_page(client, cast):
    restore = client.get("/?year=2021", HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    boosted = client.get("/?year=2021", HTTP_HX_BOOSTED="true", **HTMX)
    for response in (restore, boosted):
        assert "<html" in text_of(response)
        assert 'value="2021"' in text_of(response)


def test_invalid_parameters_are_ignored_with_a_message(client, cast):
    queries = {
        "?year=abc": "Ignored year=“abc”: Enter a whole number.",
        "?year=-5": "Ignored year=“-5”",
        "?year=99999999999999999999999": "Ignored year=",
        "?actor=nobody-at-all": "Ignored actor=“nobody-at-all”: no such actor.",
        "?kind=xyz": "Ignored kind=“xyz”: not one of the choices.",
        "?place=Atlantis": "Ignored place=“Atlantis”",
        "?order=sideways": "Ignored order=“sideways”",
        "?page=0": "Ignored page=“0”",
        "?page=99": "There is no page 99",
        "?format=pdf": "Ignored format=“pdf”",
        "?year=2021&year=2022": "year was given 2 times: used only the last (“2022”)",
        "?from=2022&to=2019": "swapped them",
        "?q=" + "x" * 10_240: "Ignored q=“xxx",
        "?colour=red": "Ignored unknown parameter “colour”",
        "?q=%00": "Null characters are not allowed.",
        "?order=relevance": "needs a search text",
    }
    for query, message in queries.items():
        response = client.get("/" + query)
        assert response.status_code == 200, query
        assert message in text_of(response), query
        assert len(text_of(response)) < 100_000, "a 10 KB value is not echoed back whole"
    # The valid filters still apply next to an invalid one.
    html = text_of(client.get("/?year=2021&kind=xyz"))
    assert set(event_ids(html)) == {cast["sochi"].pk, cast["call"].pk}
    response = client.get(f"/actors/{cast['aliyev'].slug}/?year=abc&actor=zz")
    assert response.status_code == 200 and "Ignored year=" in text_of(response)


def test_year_chart_links_each_year_to_its_filter(client, cast):
    html = text_of(client.get(f"/?actor={cast['aliyev'].slug}&year=2021"))
    chart = html[html.index('<figure class="year-chart">') : html.index("</figure>")]
    assert "<svg" in chart
    assert f'href="/?actor={cast["aliyev"].slug}&amp;year=2021"' in chart
    assert 'aria-label="2021: 2 events"' in chart and "<title>2021: 2 events</title>" in chart
    assert 'aria-label="2019: 1 event"' in chart
    assert 'aria-label="2020' not in chart  # empty years have a gap, not a link
    assert 'class="bar selected" aria-label="2021: 2 events"' in chart
    assert "(1 undated not shown)" in chart


def test_pages_of_fifty_with_a_more_link(client):
    for day in range(120):
        make_event(summary=f"Day {day}", date=dt.date(2020, 1, 1) + dt.timedelta(days=day))
    html = text_of(client.get("/"))
    assert len(event_ids(html)) == 50
    assert "120 events" in html and "showing 1–50" in html
    more = re.search(r'<div class="more">\s*<a href="([^"]+)" hx-get="([^"]+)"', html)
    assert more and more.group(1) == more.group(2) == "/?page=2"
    assert 'hx-swap="outerHTML"' in html

    appended = text_of(client.get("/?page=2", **HTMX))
    assert "<html" not in appended and len(event_ids(appended)) == 50
    assert 'id="page-2"' in appended and 'href="/?page=3"' in appended
    # Page 2 starts inside February 2020, which page 1 already headed.
    assert ">2020</h2>" not in appended and ">February 2020</h3>" not in appended
    assert ">March 2020</h3>" in appended

    last = text_of(client.get("/?page=3"))
    assert "<html" in last and len(event_ids(last)) == 20
    assert 'class="more"' not in last and "back to the first page" in last
    assert set(event_ids(html)) | set(event_ids(appended)) | set(event_ids(last)) == set(
        Event.objects.values_list("pk", flat=True)
    )


@pytest.mark.parametrize("order", ["oldest", "newest", "relevance"])
def test_each_page_continues_where_the_previous_one_stopped(client, order):
    """Deep pages skip rows from the nearer end: the pages still add up to the whole list."""
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=d) for d in range(0, 400, 40)]
    rows = []
    for i in range(260):
        precision = ("day", "month", "year", "day", "unknown")[i % 5]
        start, end = interval_for(precision, days[i % len(days)])
        rows.append(
            Event(
                summary="talks " * (1 + i % 3) + f"number {i}",
                date_precision=precision,
                date_start=start,
                date_end=end,
                precision_rank=PRECISION_RANK[precision],
            )
        )
    Event.objects.bulk_create(rows)
    query = "?q=talks&order=relevance" if order == "relevance" else f"?order={order}"
    filters = EventFilters(q="talks" if order == "relevance" else "", order=order)
    expected = list(selectors.listed_events(filters).values_list("pk", flat=True))

    pages = [text_of(client.get(f"/{query}&page={n}")) for n in range(1, 7)]
    assert [len(event_ids(html)) for html in pages] == [50, 50, 50, 50, 50, 10]
    assert [pk for html in pages for pk in event_ids(html)] == expected
    if order != "relevance":
        headings = [
            h for html in pages for h in re.findall(r'<h2 class="year-heading"[^>]*>', html)
        ]
        assert len(headings) == len(set(headings)), "a year is headed once, on its first page"


def test_the_actor_filter_offers_the_busiest_actors_and_a_box_for_the_others(client):
    actors = [make_actor(f"Actor {n:02d}") for n in range(25)]
    events = [make_event(summary=f"Meeting {n}") for n in range(25)]
    # Actor 00 is in all 25 events, Actor 01 in 24, ..., Actor 24 in one.
    Participation.objects.bulk_create(
        Participation(event=event, actor=actor)
        for n, actor in enumerate(actors)
        for event in events[: 25 - n]
    )

    def checkboxes(html):
        return re.findall(r'<input type="checkbox" name="actor" value="([^"]+)"( checked)?>', html)

    html = text_of(client.get("/"))
    assert checkboxes(html) == [(a.slug, "") for a in actors[:20]], "the 20 busiest first"
    assert '<label class="other-actor" for="f-actor">Another actor' in html
    assert '<input type="text" id="f-actor" name="actor" list="f-actor-names"' in html
    for actor in actors:
        assert f'<option value="{actor.name}"></option>' in html

    rare = actors[23]
    for chosen in (rare.slug, rare.name, rare.name.lower()):  # a slug, or a name as typed
        html = text_of(client.get("/", {"actor": [actors[0].slug, chosen]}))
        assert checkboxes(html)[-1] == (rare.slug, " checked"), "a chosen actor stays shown"
        assert (actors[0].slug, " checked") in checkboxes(html)
        assert len(event_ids(html)) == 2 and "involving Actor 00 and Actor 23" in html
        assert f'href="/?actor={actors[0].slug}&amp;actor={rare.slug}&amp;format=csv"' in html

    actor_page = text_of(client.get(f"/actors/{actors[0].slug}/"))
    assert [slug for slug, _ in checkboxes(actor_page)] == [a.slug for a in actors[1:21]]


# Query counts -------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_events(n, actors, article=None):
    for i in range(n):
        make_event(
            summary=f"Event {i}",
            date=dt.date(2000 + i % 20, 1 + i % 12, 1 + i % 28),
            precision=("day", "month", "year")[i % 3],
            participants=actors[:2],
            mentioned=actors[2:],
            article=article,
            passage=(i * 3, i * 3 + 10) if article else None,
        )


def test_query_counts_do_not_grow_with_the_number_of_events(client):
    actors = [make_actor(f"Actor {i}") for i in range(3)]
    article = make_article(text="x" * 500)
    add_events(5, actors, article)
    slug, event = actors[0].slug, Event.objects.first()
    urls = [
        "/",
        f"/?actor={slug}&q=event",
        "/?order=newest&year=2002",
        f"/actors/{slug}/",
        f"/articles/{article.pk}/",
        f"/events/{event.pk}/",
        "/?format=csv",
        "/?format=json",
        "/?format=ics",
        "/?format=timelinejs",
    ]
    few = {url: count_queries(client, url) for url in urls}
    add_events(35, actors, article)
    for i in range(3):  # more sources and participants for the same event
        Source.objects.create(
            event=event,
            article=make_article(),
            extraction_key=f"more{i}",
            passage_start=0,
            passage_end=5,
        )
    many = {url: count_queries(client, url) for url in urls}
    assert many == few
    assert few["/"] <= 8 and few[f"/actors/{slug}/"] <= 9
    assert few[f"/articles/{article.pk}/"] <= 3 and few[f"/events/{event.pk}/"] <= 3


def test_htmx_fragments_are_bounded_too(client, django_assert_max_num_queries):
    add_events(60, [make_actor("Somebody")])
    with django_assert_max_num_queries(8):
        client.get("/?year=2005", **HTMX)
    with django_assert_max_num_queries(7):
        client.get("/?page=2", **HTMX)
