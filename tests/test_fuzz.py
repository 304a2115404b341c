"""Every public URL against odd query strings, paths and headers: never a 500.

A bad filter value is dropped with a notice saying what was ignored (a 200 page); a path that
names nothing is a 404; a malformed request is a 400. Explicit cases first, then hypothesis.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from timeline.filters import KNOWN_PARAMS
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

IGNORED = "Some of what the address asked for was ignored"

# (query string as it arrives, what the chronology must say). None: any 200 page will do.
ODD_QUERIES: list[tuple[str, str | None]] = [
    ("year=99999999999999999999", IGNORED),
    ("year=-2021", IGNORED),
    ("year=0", IGNORED),
    ("year=1e3", IGNORED),
    ("year=%00", IGNORED),
    ("year=2021&year=2022&year=abc", IGNORED),
    ("from=2999&to=1000", IGNORED),
    ("from=-1&to=99999999999999999999", IGNORED),
    ("q=%00", IGNORED),
    ("q=" + "x" * 10_240, IGNORED),
    ("q=" + "%D0%96" * 5_000, IGNORED),  # 10 KB of Cyrillic
    ("q=%D8%A8%D8%A7%D9%83%D9%88", None),  # Arabic
    ("q=%E2%80%AEusgnilniM%E2%80%AC", None),  # right-to-left override
    ("q=%F0%9F%87%A6%F0%9F%87%BF", None),  # a flag emoji
    ("q=%27%20OR%201%3D1%20--", None),  # ' OR 1=1 --
    ("q=1%3B%20DROP%20TABLE%20timeline_event%3B--", None),
    ("q=%22unterminated", None),
    ("q=%21%21%26%26%7C%3A*%28%29", None),  # tsquery operators
    ("q=-", None),
    ("q=%", None),  # invalid percent-encoding
    ("q=%zz%4", None),
    ("q=%C3%28", None),  # invalid UTF-8
    ("q=%ED%A0%80", None),  # an encoded surrogate
    ("q=%FF%FE", None),
    ("page=-1", IGNORED),
    ("page=0", IGNORED),
    ("page=99999999999999999999", IGNORED),
    ("page=9999", "There is no page 9999"),
    ("page=abc", IGNORED),
    ("page=2&page=3", IGNORED),
    ("format=xml", IGNORED),
    ("format=", None),
    ("order=random", IGNORED),
    ("order=relevance", IGNORED),
    ("kind=%3Cscript%3E", IGNORED),
    ("place=Atlantis", IGNORED),
    ("actor=nobody-at-all", IGNORED),
    ("actor=%00", IGNORED),
    ("actor=" + "a" * 10_240, IGNORED),
    ("actor=../../etc/passwd", IGNORED),
    ("actor=vladimir-putin&actor=vladimir-putin", None),
    ("&".join(f"actor=a{i}" for i in range(40)), IGNORED),
    ("%00=%00", IGNORED),
    ("=", None),
    ("&&&", None),
    ("a[b]=c&__proto__=1", IGNORED),
    ("year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91", None),  # full-width digits: a valid 2021
]

ODD_PATHS: list[tuple[str, int]] = [
    ("/events/0/", 404),
    ("/events/-1/", 404),
    ("/events/99999999999999999999/", 404),
    ("/events/abc/", 404),
    ("/events/1.5/", 404),
    ("/articles/abc/", 404),
    ("/articles/0/", 404),
    ("/articles/99999999999999999999/", 404),
    ("/actors/nobody-at-all/", 404),
    ("/actors/%00/", 404),
    ("/actors/%E2%80%AE/", 404),
    ("/actors/" + "a" * 5_000 + "/", 404),
    ("/actors/../admin/", 404),
    ("/%FF/", 404),
    ("/events/%C3%28/", 404),
    ("/static/../timeline/settings.py", 404),
    ("/events/1", 301),  # APPEND_SLASH
]


@pytest.fixture
def urls(seeded) -> list[str]:
    """One of every public page, on the seed articles."""
    event = Event.objects.order_by("pk").first()
    article = Article.objects.order_by("pk").first()
    actor = Actor.objects.filter(participations__isnull=False).order_by("pk").first()
    return [
        reverse("chronology"),
        actor.get_absolute_url(),
        event.get_absolute_url(),
        article.get_absolute_url(),
    ]


def _get(client, path: str, query: str, *, htmx: bool = False, **headers):
    if htmx:
        headers = {"HX-Request": "true", "HX-Current-URL": f"http://testserver{path}", **headers}
    return client.get(path, QUERY_STRING=query, headers=headers)


def test_odd_query_strings_never_break_a_page(client, urls):
    chronologies = urls[:2]  # the chronology and an actor's page read the filters
    for path in urls:
        for query, expected in ODD_QUERIES:
            for htmx in (False, True):
                response = _get(client, path, query, htmx=htmx)
                where = f"{path}?{query[:60]} (htmx={htmx})"
                assert response.status_code == 200, where
                html = response.content.decode()
                # An htmx "More" request (page > 1) gets only the next events, no notices.
                more = htmx and "results-summary" not in html
                if expected and path in chronologies and not more:
                    assert expected in html, where
                # A 10 KB value is quoted shortened, never echoed back whole.
                assert len(response.content) < 400_000, where


def test_a_notice_quotes_a_long_value_shortened(client, urls):
    html = _get(client, urls[0], "actor=" + "b" * 10_240).content.decode()
    assert "Ignored actor=“" + "b" * 39 + "…”" in html
    assert "b" * 100 not in html


def test_the_exports_ignore_odd_filters_too(client, urls):
    for fmt in ("csv", "json", "ics", "timelinejs"):
        for query in ("year=0", "page=-1", "q=%00", "actor=nobody", "q=%C3%28"):
            response = _get(client, urls[0], f"{query}&format={fmt}")
            assert response.status_code == 200, (fmt, query)


def test_odd_paths_are_404_never_500(client, urls):
    for path, status in ODD_PATHS:
        response = client.get(path)
        assert response.status_code == status, path
        if status == 404:
            assert "There is no such page" in response.content.decode(), path
        htmx = client.get(path, headers={"HX-Request": "true"})
        assert htmx.status_code == status, path


def test_odd_htmx_headers_are_harmless(client, urls):
    odd_headers = [
        {"HX-Request": "false"},
        {"HX-Request": "true", "HX-Current-URL": "not a url"},
        {"HX-Request": "true", "HX-Current-URL": "http://[::1"},
        {"HX-Request": "true", "HX-Target": "<script>", "HX-Trigger": "%00"},
        {"HX-Request": "true", "HX-Boosted": "true", "HX-History-Restore-Request": "true"},
        {"HX-Request": "true", "HX-Trigger-Name": "x" * 10_000},
        {"HX-Request": "true", "HX-Prompt": "\u202e"},
    ]
    for path in urls:
        for headers in odd_headers:
            response = client.get(path, QUERY_STRING="page=2", headers=headers)
            assert response.status_code == 200, (path, headers)


def test_too_many_parameters_is_a_clear_400(client, urls):
    query = "&".join(f"p{i}=1" for i in range(1_500))
    response = _get(client, urls[0], query)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_posting_to_a_public_page_is_refused_not_an_error(urls):
    client = Client(enforce_csrf_checks=True)
    for path in urls:
        response = client.post(path, {"q": "x"})
        assert response.status_code in (403, 405), path


# Generated -------------------------------------------------------------------------------

# Raw query strings as a WSGI server hands them over: any bytes, seen as Latin-1 text.
raw_queries = st.binary(max_size=300).map(lambda b: b.decode("latin-1"))
# Well-formed queries with odd values for the real parameter names.
param_names = st.sampled_from(sorted(KNOWN_PARAMS)) | st.text(max_size=20)
odd_values = st.one_of(
    st.text(max_size=200),
    st.integers().map(str),
    st.sampled_from(["", "-1", "0", "1e309", "NaN", "%00", "\x00", "csv", "relevance"]),
)
encoded_queries = st.lists(st.tuples(param_names, odd_values), max_size=8).map(
    lambda pairs: "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
)

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    # The database is set up once per test; the requests only read it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(query=raw_queries | encoded_queries, page=st.integers(0, 3), htmx=st.booleans())
def test_any_query_string_gets_a_page_or_a_clear_4xx(client, urls, query, page, htmx):
    response = _get(client, urls[page], query, htmx=htmx)
    assert response.status_code in (200, 400), (urls[page], query)


@FUZZ
@given(
    segment=st.text(min_size=1, max_size=60), kind=st.sampled_from(["events", "articles", "actors"])
)
def test_any_path_segment_is_a_page_or_a_404(client, urls, segment, kind):
    response = client.get(f"/{kind}/{quote(segment, safe='')}/")
    assert response.status_code in (200, 404), segment
