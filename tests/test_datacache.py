"""The archive-wide values the chronology caches are never stale: every write is seen at once.

These tests commit their writes (transactional tests), as an import or an editor's save does,
so the pages really do read from the cache between writes.
"""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.factories import make_actor, make_article, make_event
from timeline import datacache
from timeline.filters import FILTERS
from timeline.models import Actor, Event, Participation, Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page(client, url="/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def checkbox_count(html: str, actor: Actor) -> int | None:
    """The number of events the actor filter's checkbox gives for this actor, if it has one."""
    found = re.search(
        rf'<input type="checkbox" name="actor" value="{actor.slug}"[^>]*>\s*'
        rf'{re.escape(actor.name)} <span class="hint">(\d+)<',
        html,
    )
    return int(found.group(1)) if found else None


def places(html: str) -> list[str]:
    select = html[html.index('<select id="f-place"') :]
    return re.findall(
        r"<option(?: selected)?>([^<]+)</option>", select[: select.index("</select>")]
    )


def archive_queries(client, url="/") -> list[str]:
    """The queries of a request that read the whole archive (what the cache spares)."""
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    return [
        q["sql"]
        for q in queries
        if "DISTINCT" in q["sql"] or "COUNT(" in q["sql"] or "EXTRACT(YEAR" in q["sql"]
    ]


def test_the_second_request_reads_the_archive_wide_values_from_the_cache(client):
    putin = make_actor("Vladimir Putin")
    make_event(summary="Putin in Sochi", place="Sochi", participants=[putin])
    assert len(archive_queries(client)) == 3  # actors' counts, places, events per year
    assert archive_queries(client) == []
    assert len(archive_queries(client, f"/?actor={putin.slug}")) == 1  # the actor's years
    assert archive_queries(client, f"/?actor={putin.slug}&year=2021") == []


def test_new_events_actors_and_places_show_on_the_very_next_request(client):
    putin = make_actor("Vladimir Putin")
    make_event(
        summary="Putin in Sochi", date=dt.date(2021, 3, 1), place="Sochi", participants=[putin]
    )
    html = page(client)
    assert checkbox_count(html, putin) == 1 and places(html) == ["Sochi"]
    assert 'aria-label="2021: 1 event"' in html
    assert 'aria-label="2021: 1 event"' in page(client, f"/?actor={putin.slug}")

    aliyev = make_actor("Ilham Aliyev")
    html = page(client)
    assert checkbox_count(html, aliyev) is None, "no events yet: not offered"
    make_event(
        summary="Aliyev and Putin in Baku",
        date=dt.date(2022, 4, 1),
        place="Baku",
        participants=[aliyev, putin],
    )
    html = page(client)
    assert checkbox_count(html, putin) == 2 and checkbox_count(html, aliyev) == 1
    assert places(html) == ["Baku", "Sochi"]
    assert '<option value="Ilham Aliyev"></option>' in html
    assert 'aria-label="2022: 1 event"' in html and "2 events" in html
    by_putin = page(client, f"/?actor={putin.slug}")
    assert 'aria-label="2022: 1 event"' in by_putin and "<strong>2 events</strong>" in by_putin
    assert "<strong>1 event</strong>" in page(client, f"/?actor={putin.slug}&year=2022")


def test_renames_moves_and_deletions_show_at_once(client):
    putin = make_actor("Vladimir Putin")
    event = make_event(summary="Putin in Sochi", place="Sochi", participants=[putin])
    page(client)
    putin.name = "Vladimir V. Putin"
    putin.save()
    event.place = "Moscow"
    event.save()
    html = page(client)
    assert checkbox_count(html, putin) == 1 and places(html) == ["Moscow"]
    event.delete()
    html = page(client)
    assert checkbox_count(html, putin) is None and places(html) == []
    assert "<strong>0 events</strong>" in html


def test_writes_that_bypass_the_models_are_seen_too(client):
    """Bulk imports, queryset updates and raw SQL send no signals; the database still knows."""
    putin, aliyev = make_actor("Vladimir Putin"), make_actor("Ilham Aliyev")
    event = make_event(summary="Talks", place="Sochi", participants=[putin])
    page(client)
    Participation.objects.bulk_create([Participation(event=event, actor=aliyev)])
    assert checkbox_count(page(client), aliyev) == 1
    day = dt.date(2019, 5, 11)
    Event.objects.filter(pk=event.pk).update(place="Kazan", date_start=day, date_end=day)
    html = page(client)
    assert places(html) == ["Kazan"] and 'aria-label="2019: 1 event"' in html
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM timeline_participation WHERE actor_id = %s", [aliyev.pk])
    assert checkbox_count(page(client), aliyev) is None


def test_a_rolled_back_write_leaves_the_cache_as_it_was(client):
    putin = make_actor("Vladimir Putin")
    make_event(summary="Talks", participants=[putin])
    page(client)
    with pytest.raises(RuntimeError), transaction.atomic():
        make_event(summary="More talks", participants=[putin])
        assert checkbox_count(page(client), putin) == 2, "its own transaction sees its write"
        raise RuntimeError("rolled back")
    assert checkbox_count(page(client), putin) == 1


def test_the_version_changes_with_each_committed_write_only():
    first = datacache.current()
    assert first.key is not None and datacache.current() == first
    make_actor("Somebody")
    second = datacache.current()
    assert second != first and datacache.current() == second
    with transaction.atomic():
        make_actor("Somebody else")
        assert datacache.current().key is None, "a transaction that wrote caches nothing"
    assert datacache.current() not in (first, second)


@pytest.mark.django_db
def test_a_test_transaction_sees_its_own_data_without_the_cache(client):
    """Ordinary (rolled back) tests write inside the request's transaction: never cached."""
    putin = make_actor("Vladimir Putin")
    make_event(summary="Talks", participants=[putin])
    assert checkbox_count(page(client), putin) == 1
    make_event(summary="More talks", participants=[putin], mentioned=[])
    Participation.objects.filter(actor=putin).update(role=Role.MENTIONED)
    assert checkbox_count(page(client), putin) == 2


@pytest.mark.django_db(transaction=True)
def test_a_renamed_article_shows_at_once_on_a_cached_page(client):
    from tests.factories import make_event

    event = make_event(summary="Talks in Baku")
    article = event.sources.get().article
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200  # served from the cache
    article.title = "A corrected headline"
    article.save()
    assert "A corrected headline" in client.get("/").content.decode()


def test_each_filter_charts_its_own_counts_from_the_cache(client):
    """Every declared filter's view gets its own events per year, though the first one asked
    for is cached: the chart's cache key is made from every filter it applies."""
    putin, aliyev = make_actor("Vladimir Putin"), make_actor("Ilham Aliyev")
    make_event(
        summary="Gas talks",
        date=dt.date(2019, 5, 1),
        kind="meeting",
        place="Baku",
        participants=[putin],
        article=make_article(language="ru"),
    )
    make_event(
        summary="Oil call",
        date=dt.date(2021, 5, 1),
        kind="call",
        place="Sochi",
        participants=[aliyev],
        article=make_article(language="az"),
    )
    views = {  # (a query selecting the 2019 event, one selecting the 2021 event)
        "actors": (f"actor={putin.slug}", f"actor={aliyev.slug}"),
        "q": ("q=gas", "q=oil"),
        "years": ("year=2019", "year=2021"),
        "kind": ("kind=meeting", "kind=call"),
        "place": ("place=Baku", "place=Sochi"),
        "lang": ("lang=ru", "lang=az"),
    }
    assert set(views) == {f.name for f in FILTERS}, "give every declared filter two views"
    for f in FILTERS:
        for query, year, other in zip(views[f.name], (2019, 2021), (2021, 2019), strict=True):
            html = page(client, f"/?{query}")
            assert f'aria-label="{year}: 1 event"' in html, query
            shown_too = not f.in_chart  # the chart counts every year, whichever is chosen
            assert (f'aria-label="{other}: 1 event"' in html) == shown_too, query
            assert "<strong>1 event</strong>" in html, query


def test_full_pages_and_fragments_of_one_url_are_kept_apart(client):
    """A cached page is served again only to requests with the same htmx headers (`Vary`)."""
    make_event(summary="Talks in Baku", date=dt.date(2021, 3, 1))
    url = "/?year=2021"
    kinds = {
        "fragment": {"HTTP_HX_REQUEST": "true"},
        "page": {},
        "boosted": {"HTTP_HX_REQUEST": "true", "HTTP_HX_BOOSTED": "true"},
        "restored": {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"},
    }
    for second_time in (False, True):  # the second time, every one of them from the cache
        for kind, headers in kinds.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, **headers)
            assert ("<html" in response.content.decode()) == (kind != "fragment"), kind
            assert "Talks in Baku" in response.content.decode()
            assert response["Vary"] == "HX-Request, HX-Boosted, HX-History-Restore-Request"
            cached = len(queries) == 1  # the data version's check only
            assert cached == second_time, kind
