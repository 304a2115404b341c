"""Security: hostile article text is only ever text, the admin needs a login, a CSRF token and
the right permissions, every response carries the security headers, and production settings
pass `check --deploy` while refusing an unsafe configuration."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.conftest import EDITOR_PASSWORD as PASSWORD
from tests.conftest import ROOT
from tests.factories import make_actor, make_article, make_event
from tests.hostile import (
    ACTOR_NAME,
    PLACE,
    RAW_MARKERS,
    SCRIPT,
    TEMPLATE,
    TEMPLATE_LEAKS,
    import_hostile_article,
)
from timeline import services
from timeline.models import Event


@pytest.fixture
def hostile(db, tmp_path):
    return import_hostile_article(tmp_path)


def assert_shown_as_text(html: str, where: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, f"{where}: {marker!r} reached the page as markup"
    for leak in TEMPLATE_LEAKS:
        assert leak not in html, f"{where}: template syntax in the article was evaluated"


# Hostile article text ----------------------------------------------------------------------


@pytest.mark.django_db
def test_hostile_article_text_is_shown_as_text_on_every_public_page(client, hostile):
    for url in hostile.public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_shown_as_text(html, url)
    event_page = client.get(hostile.event.get_absolute_url()).content.decode()
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in event_page
    assert TEMPLATE in event_page  # the template syntax is there, as the words it is
    article_page = client.get(hostile.article.get_absolute_url()).content.decode()
    assert "&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;" in article_page
    assert "{% debug %}" in article_page
    actor_page = client.get(reverse("actor_detail", args=[hostile.actor_slug])).content.decode()
    assert "Mallory &lt;img src=x" in actor_page


@pytest.mark.django_db
def test_hostile_text_stays_text_in_htmx_fragments(client, hostile):
    for url in (reverse("chronology") + "?q=Baku", reverse("chronology") + "?page=2"):
        response = client.get(url, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert_shown_as_text(response.content.decode(), url)


@pytest.mark.django_db
def test_hostile_text_comes_out_of_the_exports_as_the_same_text(client, hostile):
    base = reverse("chronology") + "?format="
    rows = list(csv.DictReader(io.StringIO(client.get(base + "csv").content.decode())))
    row = next(r for r in rows if r["id"] == str(hostile.event.pk))
    assert row["summary"] == hostile.event.summary
    assert ACTOR_NAME in row["participants"]

    response = client.get(base + "json")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed as HTML
    exported = next(e for e in response.json()["events"] if e["id"] == hostile.event.pk)
    assert exported["summary"] == hostile.event.summary
    assert exported["place"] == PLACE

    # TimelineJS renders its text as HTML: there the markup must arrive escaped.
    slides = client.get(base + "timelinejs").json()["events"]
    slide = next(s for s in slides if s["unique_id"] == f"event-{hostile.event.pk}")
    assert "<script" not in json.dumps(slide) and "&lt;script&gt;" in slide["text"]["text"]

    ics = client.get(base + "ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert "attachment" in ics["Content-Disposition"]
    unfolded = ics.content.decode().replace("\r\n ", "")
    # Calendar text is plain text: the words as written, with iCalendar's own escapes.
    assert f"SUMMARY:{hostile.event.title}" in unfolded  # the headline; the sentence follows
    assert r"DESCRIPTION:Putin and Aliyev <script>window.__pwned=1\;alert(1)</script>" in unfolded


@pytest.mark.django_db
def test_hostile_text_is_shown_as_text_in_the_admin(admin_client, hostile):
    for url in hostile.admin_urls():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(response.content.decode(), url)
    change = admin_client.get(reverse("admin:timeline_event_change", args=[hostile.event.pk]))
    html = change.content.decode()
    # The evidence block marks the date words inside the escaped passage.
    assert "<mark>12 May 2022</mark>" in html
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_hostile_text_posted_by_an_editor_is_stored_and_shown_as_text(editor_client, hostile):
    # An editor pastes markup into the summary: it is kept verbatim and shown escaped.
    Event.objects.filter(pk=hostile.event.pk).update(summary=f"Edited {SCRIPT} {TEMPLATE}")
    page = Client().get(hostile.event.get_absolute_url()).content.decode()
    assert_shown_as_text(page, "event page")
    assert "Edited &lt;script&gt;" in page


# The admin: login, CSRF, permissions -------------------------------------------------------


@pytest.mark.django_db
def test_every_admin_page_needs_a_login(client):
    event = make_event()
    article = event.sources.get().article
    for url in (
        reverse("admin:index"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_add"),
        reverse("admin:auth_user_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    response = client.post(
        reverse("admin:timeline_event_change", args=[event.pk]), {"summary": "Changed"}
    )
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).summary == event.summary


@pytest.mark.django_db
def test_an_admin_post_without_the_csrf_token_is_rejected(admin_user):
    event = make_event(summary="Talks in Baku")
    url = reverse("admin:timeline_event_change", args=[event.pk])
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    form = client.get(url)
    assert form.status_code == 200
    data = {"summary": "Forged by another site", "kind": "other", "date": "2021-05-11"}
    response = client.post(url, data)
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()
    assert Event.objects.get(pk=event.pk).summary == "Talks in Baku"

    # The same post with the token the form carries goes through the CSRF check.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())[1]
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code != 403


@pytest.mark.django_db
def test_the_login_form_needs_the_csrf_token_too(admin_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "admin", "password": "password"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_editors_cannot_reach_what_their_group_does_not_allow(editor_client, editor):
    actor = make_actor("Sergey Lavrov")
    event = make_event(participants=[actor])
    article = event.sources.get().article
    group = Group.objects.get(name=services.EDITORS_GROUP)
    forbidden_get = [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[editor.pk]),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_change", args=[group.pk]),
        reverse("admin:articles_article_delete", args=[article.pk]),
        reverse("admin:timeline_event_delete", args=[event.pk]),
        reverse("admin:timeline_event_add"),
        reverse("admin:timeline_actor_delete", args=[actor.pk]),
    ]
    for url in forbidden_get:
        response = editor_client.get(url)
        assert response.status_code == 403, url
        assert "Your account may not do this" in response.content.decode(), url

    # Nor by posting: no promoting oneself, no deleting evidence.
    response = editor_client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {"username": "editor", "is_superuser": "on", "is_staff": "on", "is_active": "on"},
    )
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser
    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert type(article).objects.filter(pk=article.pk).exists()
    editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert Event.objects.filter(pk=event.pk).exists()  # no such action for them

    # The admin's index does not even list what they cannot use.
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/user/" not in index and "/admin/auth/group/" not in index


@pytest.mark.django_db
def test_staff_without_the_editors_group_see_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password=PASSWORD, is_staff=True)
    client.force_login(user)
    event = make_event()
    assert client.get(reverse("admin:timeline_event_changelist")).status_code == 403
    assert client.get(reverse("admin:timeline_event_change", args=[event.pk])).status_code == 403


# Security headers --------------------------------------------------------------------------


def _policy(response) -> dict[str, str]:
    parts = (p.strip().split(None, 1) for p in response["Content-Security-Policy"].split(";"))
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts if p and p[0]}


def assert_security_headers(response, url: str) -> None:
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin"), url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    policy = _policy(response)
    assert policy["default-src"] == "'self'", url
    assert policy["script-src"] == "'self'", url  # no inline script, no eval, anywhere
    assert policy["object-src"] == "'none'", url
    assert policy["base-uri"] == "'self'", url
    assert policy["frame-ancestors"] == "'none'", url
    assert policy["form-action"] == "'self'", url
    assert policy["img-src"] == "'self' data:", url


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client, admin_client):
    event = make_event()
    article = event.sources.get().article
    public = [
        reverse("chronology"),
        reverse("chronology") + "?format=json",
        reverse("chronology") + "?format=csv",
        event.get_absolute_url(),
        article.get_absolute_url(),
        reverse("event_detail", args=[999999]),  # a 404
        reverse("admin:login"),
    ]
    for url in public:
        response = client.get(url)
        assert_security_headers(response, url)
    fragment = client.get(reverse("chronology"), headers={"HX-Request": "true"})
    assert_security_headers(fragment, "htmx fragment")
    for url in (reverse("admin:index"), reverse("admin:timeline_event_change", args=[event.pk])):
        assert_security_headers(admin_client.get(url), url)


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_styles(client):
    event = make_event()
    policy = _policy(client.get(reverse("chronology")))
    assert "'unsafe-inline'" not in policy["style-src"]
    # The article page's one <style> element is allowed by this response's nonce, and only it.
    response = client.get(event.sources.get().article.get_absolute_url())
    nonce = re.search(r"'nonce-([^']+)'", _policy(response)["style-src"])[1]
    assert f'<style nonce="{nonce}">' in response.content.decode()
    again = client.get(event.sources.get().article.get_absolute_url())
    assert nonce not in again["Content-Security-Policy"]  # a new nonce per response


@pytest.mark.django_db
def test_the_admin_allows_only_its_own_stylesheets(client, admin_client):
    event = make_event(date_evidence="11 May 2021", machine_disagreement="extractor says 2020")
    Event.objects.filter(pk=event.pk).update(locked_fields=["date_start"])
    article = event.sources.get().article
    pages = [
        (client, reverse("admin:login")),
        (admin_client, reverse("admin:index")),
        (admin_client, reverse("admin:timeline_event_changelist")),
        (admin_client, reverse("admin:timeline_event_change", args=[event.pk])),
        (admin_client, reverse("admin:timeline_event_history", args=[event.pk])),
        (admin_client, reverse("admin:timeline_actor_changelist")),
        (admin_client, reverse("admin:articles_article_changelist")),
        (admin_client, reverse("admin:articles_article_change", args=[article.pk])),
        (admin_client, reverse("admin:articles_article_add")),
    ]
    for who, url in pages:
        response = who.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        policy = _policy(response)
        assert policy["style-src"] == "'self'", url  # not even a nonce: no <style> anywhere
        assert policy["script-src"] == "'self'", url
        # Nothing the policy would block: no style attribute, no <style> element.
        html = response.content.decode()
        assert not re.search(r"<style\b|\sstyle=", html), url
        assert "/static/css/admin.css" in html, url


@pytest.mark.django_db
def test_with_debug_on_error_pages_keep_their_inline_styles(client, settings):
    settings.DEBUG = True  # a laptop: Django's debug 404 page is all inline styles
    assert "Content-Security-Policy" not in client.get("/events/999999/")
    assert "Content-Security-Policy" in client.get("/")


# Production settings -----------------------------------------------------------------------


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ENV",
            "SECURE_HSTS_SECONDS",
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_PROXY_SSL_HEADER",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests; deploy checks refuse it
        }
    }
    # `check` never connects; any well-formed URL will do.
    clean["DATABASE_URL"] = "postgres://timeline:secret@db.invalid:5432/timeline"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "timeline.example.org",
}


def _last_line(result: subprocess.CompletedProcess) -> str:
    return (result.stderr.strip().splitlines() or [""])[-1]


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_settings_need_nothing_set():
    result = _manage("check")
    assert result.returncode == 0, result.stderr
    # ...and are not production settings: the deploy check says why.
    deploy = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert deploy.returncode != 0
    assert "SECURE_SSL_REDIRECT" in deploy.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set to a long random value in production"),
        (
            {"SECRET_KEY": "dev-only-insecure-key-never-use-in-production"},
            "(it is the development key)",
        ),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must list the site's host names"),
        ({"DEBUG": "1"}, "DEBUG must be off in production"),
        ({"DJANGO_ENV": "prod"}, "DJANGO_ENV='prod' is not understood"),
        ({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS must be a number of seconds"),
    ],
)
def test_unsafe_production_settings_are_refused_with_one_clear_line(env, message):
    result = _manage("check", **{**PRODUCTION, **env})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in _last_line(result)
    assert message in _last_line(result), result.stderr


def test_hsts_and_proxy_header_come_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        **PRODUCTION,
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_PRELOAD="0",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "600",
        "False",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "True",
        "True",
    ]


@pytest.mark.django_db
def test_production_mode_redirects_to_https_and_sends_hsts(settings):
    # The same settings the environment switch turns on, applied to this process.
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = Client().get(reverse("chronology"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    secure = Client().get(reverse("chronology"), secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
def test_an_unknown_host_is_a_400_not_an_error(client):
    make_article()
    response = client.get(reverse("chronology"), headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
