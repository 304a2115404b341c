"""Editors decide "probably the same event" in one click, under the admin's strict CSP."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import EDITOR_PASSWORD
from tests.factories import make_actor, make_event
from tests.test_browser_hostile import Watched
from timeline.models import Decision, Event, Suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def suggestion(db):
    aliyev, putin = make_actor("Ilham Aliyev"), make_actor("Vladimir Putin")
    first = make_event(
        kind="meeting", participants=[aliyev, putin], date=dt.date(2024, 5, 10), title="One"
    )
    second = make_event(
        kind="meeting", participants=[aliyev, putin], date=dt.date(2024, 5, 11), title="Two"
    )
    return Suggestion.objects.create(
        event=first, other=second, reason="same kind and people, 1 day apart"
    )


def _sign_in(page, live_server, editor):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


@pytest.mark.parametrize("decision", ["Merge", "Keep apart"])
def test_a_suggestion_is_decided_in_one_click(page, live_server, editor, suggestion, decision):
    watched = Watched(page)
    page.set_viewport_size({"width": 1400, "height": 900})
    _sign_in(page, live_server, editor)
    # The event's own page says what it probably is, and leads to the decision.
    page.goto(live_server.url + reverse("admin:timeline_event_change", args=[suggestion.event_id]))
    page.locator(".probably-same a", has_text="merge or keep apart").click()
    pair = page.locator(f"#suggestion-{suggestion.pk} .suggestion-event")
    expect(pair).to_have_count(2)
    boxes = [pair.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]  # side by side
    assert watched.csp_problems() == []

    page.get_by_role("button", name=decision).click()
    expect(page.locator("#suggestions-empty")).to_be_visible()
    if decision == "Merge":
        assert Event.objects.count() == 1 and Event.objects.get().source_count == 2
    else:
        assert Event.objects.count() == 2
        assert Suggestion.objects.get().decision == Decision.APART
