"""An editor signs in, corrects a date, and the timeline shows it at its new precision."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import ARTIFACTS
from tests.factories import make_event
from timeline.models import Event

PASSWORD = "a-long-editor-passphrase-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_changes_a_date_to_a_year(page, live_server, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("create_editor", "nigar", "--password-from-env", "EDITOR_PASSWORD")
    event = make_event(
        summary="Lavrov and Bayramov hold talks in Baku",
        date=dt.date(2021, 5, 11),
        needs_review=True,
        date_evidence="11 May 2021",
    )

    page.goto(f"{live_server.url}/admin/")
    assert "/admin/login/" in page.url
    page.fill("#id_username", "nigar")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    assert "Editing the timeline" in page.content()

    page.goto(live_server.url + reverse("admin:timeline_event_change", args=[event.pk]))
    assert page.input_value("#id_date") == "11 May 2021"
    page.fill("#id_date", "2022")
    page.uncheck("#id_needs_review")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor-change-form.png"), full_page=True)
    page.click("input[name=_save]")

    page.wait_for_selector(".messagelist .success")
    assert page.url.endswith(reverse("admin:timeline_event_changelist"))
    row = page.locator("#result_list tbody tr", has_text="Lavrov and Bayramov hold talks")
    assert row.locator("td.field-date_label").inner_text() == "2022"
    assert row.locator("td.field-date_precision").inner_text() == "year"

    event = Event.objects.get(pk=event.pk)
    assert (event.date_precision, event.date_start, event.date_end) == (
        "year",
        dt.date(2022, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert {"date_precision", "date_start", "date_end", "needs_review"} <= set(event.locked_fields)
    assert event.history.latest().history_user.username == "nigar"

    # The public event page and the chronology show the event at its new precision: every
    # <time> that dates it says "2022" (machine-readable "2022"), none the old day.
    for url in (f"/events/{event.pk}/", "/"):
        response = page.goto(live_server.url + url)
        assert response.status == 200
        assert event.summary in page.inner_text("body")
        # (Each source's own date on the event page is what its passage says.)
        dates = page.locator("time[datetime]:not(.source-date)")
        assert dates.count() >= 1
        assert {dates.nth(i).get_attribute("datetime") for i in range(dates.count())} == {"2022"}
        assert {dates.nth(i).inner_text() for i in range(dates.count())} == {"2022"}
