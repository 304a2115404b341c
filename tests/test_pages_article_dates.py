"""The article page underlines every date expression extraction listed, with its value on
hover, inside and across the passages it marks; the import stores the list."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import expect

from articles.extraction import extract
from articles.models import Article
from tests.factories import make_article, make_event
from tests.page_helpers import text_of

TEXT = "Leaders met on 3 May 2021 in Baku & talked, and spoke again last summer."


def timex(text: str, words: str, value, resolution: str) -> dict:
    start = text.index(words)
    return {
        "start": start,
        "end": start + len(words),
        "text": words,
        "value": value,
        "resolution": resolution,
        "mod": None,
    }


def dated_article(**fields) -> Article:
    dates = [
        timex(TEXT, "3 May 2021", "2021-05-03", "explicit"),
        timex(TEXT, "last summer", "2020-SU", "relative to the article's date"),
    ]
    return make_article(text=TEXT, dates=dates, **fields)


def body_of(html: str) -> str:
    body = html[html.index('class="region body"') :]
    return body[: body.index("</div>")]


@pytest.mark.django_db
def test_each_date_expression_is_underlined_with_its_value(client):
    article = dated_article()
    html = text_of(client.get(f"/articles/{article.pk}/"))
    assert (
        '<time class="timex" datetime="2021-05-03" title="2021-05-03 (explicit)">3 May 2021</time>'
        in html
    )
    # A season is no HTML date: a <span> with the value on hover.
    assert (
        '<span class="timex" title="2020-SU (relative to the article&#x27;s date)">'
        "last summer</span>" in html
    )
    assert "a date expression; hover over it" in html


@pytest.mark.django_db
def test_dates_inside_passages_and_date_evidence_keep_both_marks(client):
    article = dated_article()
    passage = (TEXT.index("Leaders"), TEXT.index(" and spoke"))
    event = make_event(article=article, passage=passage)
    start = TEXT.index("on 3 May")  # the event's date evidence overlaps the expression
    article.sources.filter(event=event).update(
        date_evidence_start=start, date_evidence_end=start + len("on 3 May")
    )
    html = text_of(client.get(f"/articles/{article.pk}/"))
    body = body_of(html)
    assert f'<mark class="passage p-{event.pk}" id="event-{event.pk}">' in body
    assert body.count("<mark") == body.count("</mark>")
    assert body.count("<time") == body.count("</time>") == 2  # cut at the evidence's end
    assert body.count("<span") == body.count("</span>")
    plain = re.sub(r'<a class="passage-tag"[^>]*>[^<]*</a>', "", body.split(">", 1)[1])
    assert re.sub(r"<[^>]+>", "", plain).replace("&amp;", "&") == TEXT
    assert 'class="date-evidence"' in body and 'datetime="2021-05-03"' in body


@pytest.mark.django_db
def test_stored_values_are_escaped_and_bad_items_ignored(client):
    hostile = timex(TEXT, "Baku", '2021"><script>alert(1)</script>', "<b>explicit</b>")
    dates = [hostile, {"start": 5, "end": 999, "value": "2021"}, "junk", {"start": "x"}]
    article = make_article(text=TEXT, dates=dates)
    html = text_of(client.get(f"/articles/{article.pk}/"))
    assert "<script>alert(1)" not in html and "<b>explicit</b>" not in html
    assert '<span class="timex" title="2021&quot;&gt;&lt;script&gt;' in html
    assert body_of(html).count('class="timex"') == 1


@pytest.mark.django_db
def test_the_underlines_cost_no_query(client):
    plain = make_article(text=TEXT + " ")
    dated = dated_article()
    for article in (plain, dated):
        make_event(article=article, passage=(0, 10))
    counts = []
    for article in (plain, dated):
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/articles/{article.pk}/")
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_import_stores_what_extraction_lists(seeded):
    for article in Article.objects.all():
        listed = extract(article.raw_text).to_json(article.file_name)["dates"]
        assert article.dates == listed
        assert all(article.raw_text[d["start"] : d["end"]] == d["text"] for d in article.dates)
    assert any(d["resolution"] == "explicit" for a in Article.objects.all() for d in a.dates)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hovering_a_date_shows_its_value(live_server, page):
    article = dated_article()
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    date = page.locator("time.timex", has_text="3 May 2021")
    expect(date).to_have_attribute("datetime", "2021-05-03")
    expect(date).to_have_attribute("title", "2021-05-03 (explicit)")
    style = date.evaluate("t => getComputedStyle(t).textDecorationStyle")
    assert style == "dotted"
    season = page.locator("span.timex", has_text="last summer")
    season.hover()
    expect(season).to_have_attribute("title", "2020-SU (relative to the article's date)")
