"""The event, actor and article pages."""

import json
import re

import pytest

from articles.models import Article
from tests.factories import make_article, make_event
from tests.page_helpers import HTMX, event_ids, make_cast, text_of
from timeline.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """Two presidents, a foreign minister, and events between them."""
    return make_cast()


# Event, actor and article pages -------------------------------------------------------------


def test_event_page_shows_the_date_its_evidence_and_the_sources(client, cast):
    article = make_article(text="Last year, we signed the Declaration on Allied Interaction.")
    declaration = cast["declaration"]
    Source.objects.create(
        event=declaration, article=article, extraction_key="d", passage_start=0, passage_end=58
    )
    declaration.date_evidence = "last year"
    declaration.save()
    html = text_of(client.get(f"/events/{declaration.pk}/"))
    assert "Sometime" not in html and "known to the year" in html
    assert "from 1 January 2022 to 31 December 2022" in html
    assert "&#x27;last year&#x27; relative to the article&#x27;s date" in html
    assert '<q class="evidence">last year</q>' in html
    assert "needs review" in html
    assert "Last year, we signed the Declaration on Allied Interaction" in html
    assert f'href="/articles/{article.pk}/#event-{declaration.pk}"' in html
    took_part, mentioned = html.split("<dt>Mentioned</dt>")
    assert "Vladimir Putin" in took_part and "Sergey Lavrov" in mentioned


def test_actor_page_is_the_chronology_with_the_actor_fixed(client, cast):
    lavrov = cast["lavrov"]
    lavrov.office = "Minister of Foreign Affairs of Russia"
    lavrov.aliases = ["Lavrov", "S. Lavrov"]
    lavrov.save()
    html = text_of(client.get(f"/actors/{lavrov.slug}/"))
    assert '<h1 class="page-title">Sergey Lavrov</h1>' in html
    assert "Minister of Foreign Affairs of Russia" in html and "Lavrov, S. Lavrov" in html
    assert set(event_ids(html)) == {cast["visit"].pk, cast["declaration"].pk}
    assert f'action="/actors/{lavrov.slug}/"' in html
    narrowed = client.get(f"/actors/{lavrov.slug}/?actor={cast['putin'].slug}", **HTMX)
    assert event_ids(text_of(narrowed)) == [cast["declaration"].pk]
    assert narrowed["HX-Push-Url"] == f"/actors/{lavrov.slug}/?actor={cast['putin'].slug}"
    exported = json.loads(client.get(f"/actors/{lavrov.slug}/?format=json").content)
    assert {e["id"] for e in exported["events"]} == {cast["visit"].pk, cast["declaration"].pk}


def test_unknown_ids_are_404(client):
    assert client.get("/events/987654/").status_code == 404
    assert client.get("/articles/987654/").status_code == 404
    assert client.get("/actors/no-such-person/").status_code == 404
    assert "Not found" in text_of(client.get("/events/987654/"))


def test_article_page_marks_each_passage_with_the_event_id(seeded, client):
    article = Article.objects.filter(sources__isnull=False).distinct().first()
    html = text_of(client.get(f"/articles/{article.pk}/"))
    for source in article.sources.all():
        assert f'<mark class="passage p-{source.event_id}" id="event-{source.event_id}">' in html
        assert f'href="/events/{source.event_id}/"' in html
    if article.body_start:
        assert "Not part of the article (site navigation, other stories)" in html
    assert ":target" in html


def test_article_text_is_verbatim_and_escaped(client):
    text = (
        "Menu | Home | <script>alert(1)</script>\n\n"
        "Baku, 3 May.  Leaders  met & talked.\n\tIndented line.\n\n"
        "Other stories: <b>not bold</b>"
    )
    body_start = text.index("Baku")
    body_end = text.index("Other stories")
    article = make_article(text=text)
    Article.objects.filter(pk=article.pk).update(body_start=body_start, body_end=body_end)
    event = make_event(article=article, passage=(body_start, body_start + 12))
    html = text_of(client.get(f"/articles/{article.pk}/"))
    assert "<script>alert(1)</script>" not in html and "<b>not bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Leaders  met &amp; talked.\n\tIndented line." in html
    assert f'<mark class="passage p-{event.pk}" id="event-{event.pk}">' in html
    before = html[html.index("Not part of the article") : html.index('class="region body"')]
    assert "Menu | Home" in before


def test_overlapping_and_nested_passages_each_get_their_own_mark(client):
    text = "aaaa bbbb cccc dddd eeee"
    article = make_article(text=text)
    outer = make_event(article=article, passage=(0, 19))
    inner = make_event(article=article, passage=(5, 9))
    overlapping = make_event(article=article, passage=(15, 24))
    same_start = make_event(article=article, passage=(0, 4))
    html = text_of(client.get(f"/articles/{article.pk}/"))
    for event in (outer, inner, overlapping, same_start):
        assert html.count(f'id="event-{event.pk}"') == 1
    body = html[html.index('class="region body"') :]
    body = body[: body.index("</div>")]
    plain = re.sub(r'<a class="passage-tag"[^>]*>[^<]*</a>', "", body)
    assert re.sub(r"<[^>]+>", "", plain.split(">", 1)[1]) == text
    assert body.count("<mark") == body.count("</mark>")


def test_event_and_actor_links_have_consistent_urls(cast):
    event = cast["sochi"]
    source = event.sources.select_related("article").get()
    assert source.get_absolute_url() == f"/articles/{source.article_id}/#event-{event.pk}"
    assert event.get_absolute_url() == f"/events/{event.pk}/"


def test_actor_page_event_page_and_filter_show_the_office_held_at_each_date(client):
    import datetime as dt

    from tests.factories import make_actor

    karimov = make_actor(
        "Samir Karimov",
        offices=[
            {"title": "Deputy Prime Minister", "from": "2015", "to": "2019-06-30"},
            {"title": "Prime Minister", "from": "2019-07-01"},
        ],
    )
    early = make_event(summary="Talks in Baku", date=dt.date(2017, 3, 1), participants=[karimov])
    late = make_event(summary="A visit to Moscow", date=dt.date(2021, 5, 4), participants=[karimov])
    page = client.get(karimov.get_absolute_url()).content.decode()
    assert re.search(r"Samir Karimov</a> <span class=\"office\">\(Deputy Prime Minister\)", page)
    assert re.search(r"Samir Karimov</a> <span class=\"office\">\(Prime Minister\)", page)
    filtered = client.get("/", {"actor": karimov.slug}).content.decode()
    assert "(Deputy Prime Minister)" in filtered and "(Prime Minister)" in filtered
    assert "(Deputy Prime Minister)" in client.get(early.get_absolute_url()).content.decode()
    assert "(Prime Minister)" in client.get(late.get_absolute_url()).content.decode()
