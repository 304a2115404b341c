"""The site while its database restarts or is down: a clear 503, then back by itself.

Requests go through Django's real WSGI handler (as under gunicorn), so the per-request
connection management runs: health checks at the start of a request, closing a broken
connection at its end. The database failures are real ones: the server ends our session
(what a restart does to every open connection), and new connections find no server. The
shared cluster itself is never stopped: other test runs use it.
"""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)

UNAVAILABLE = "The timeline's database is unavailable; try again in a minute"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str


def request(handler: WSGIHandler, path: str, *, headers: dict[str, str] | None = None) -> Answer:
    """One GET through the WSGI handler, the way a WSGI server makes it."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(response_headers)

    response = handler(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()  # request_finished: Django closes a broken connection here
    return Answer(started["status"], started["headers"], body.decode())


def backend_pid() -> int:
    connection.ensure_connection()
    return connection.connection.info.backend_pid


def end_session(pid: int) -> None:
    """End one server session from outside, as a restart of the database server does."""
    with (
        psycopg.connect(**connection.get_connection_params(), autocommit=True) as admin,
        admin.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        assert cursor.fetchone()[0], "the session was not ended"


@contextlib.contextmanager
def database_down(nowhere):
    """Open connections are cut and new ones find no server, until the block ends."""
    params = connection.settings_dict
    saved = params["HOST"]
    end_session(backend_pid())
    params["HOST"] = str(nowhere)  # an empty folder: no server socket in it
    try:
        yield
    finally:
        params["HOST"] = saved


def test_a_restarted_database_is_reconnected_on_the_next_request():
    event = make_event(summary="Talks in Baku")
    handler = WSGIHandler()
    assert request(handler, "/").status == 200
    pid = backend_pid()
    assert request(handler, event.get_absolute_url()).status == 200
    assert backend_pid() == pid  # a persistent connection (CONN_MAX_AGE)...

    end_session(pid)
    # ...found dead by the health check at the start of the next request, and replaced.
    answer = request(handler, event.get_absolute_url())
    assert answer.status == 200, answer.text[:300]
    assert "Talks in Baku" in answer.text
    assert backend_pid() != pid


def test_while_the_database_is_down_pages_say_so_with_a_503(tmp_path, admin_user, caplog):
    event = make_event(summary="Talks in Baku")
    article = event.sources.get().article
    signed_in = Client()
    signed_in.force_login(admin_user)
    session = f"sessionid={signed_in.cookies['sessionid'].value}"
    handler = WSGIHandler()
    assert request(handler, "/").status == 200

    pages = [
        ("/", {}),
        ("/?year=2021", {"HX-Request": "true"}),
        (event.get_absolute_url(), {}),
        (article.get_absolute_url(), {}),
        ("/actors/vladimir-putin/", {}),
        (reverse("admin:timeline_event_changelist"), {"Cookie": session}),
    ]
    with caplog.at_level(logging.ERROR, logger="timeline.ops.middleware"), database_down(tmp_path):
        for path, headers in pages:
            answer = request(handler, path, headers=headers)
            assert answer.status == 503, (path, answer.text[:300])
            assert UNAVAILABLE in answer.text, path
            assert answer.headers["Retry-After"] == "60"
            assert "no-cache" in answer.headers["Cache-Control"]
            assert "Traceback" not in answer.text and "psycopg" not in answer.text
            assert "Content-Security-Policy" in answer.headers
    # A real connection failure from psycopg, logged in one line per request.
    failures = [r.getMessage() for r in caplog.records if "database unavailable" in r.getMessage()]
    assert len(failures) == len(pages)
    assert all("connection" in message for message in failures), failures

    # The database is back: so is the site, with nothing restarted.
    answer = request(handler, event.get_absolute_url())
    assert answer.status == 200 and "Talks in Baku" in answer.text
    assert request(handler, "/", headers={"HX-Request": "true"}).status == 200
    admin = request(
        handler, reverse("admin:timeline_event_changelist"), headers={"Cookie": session}
    )
    assert admin.status == 200


def test_other_errors_are_not_disguised_as_an_unavailable_database(monkeypatch):
    make_event()
    handler = WSGIHandler()

    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr("timeline.views.render", broken)
    answer = request(handler, "/")
    assert answer.status == 500
    assert UNAVAILABLE not in answer.text
