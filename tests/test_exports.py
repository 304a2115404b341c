"""The exports of the filtered chronology: CSV, JSON, iCalendar, TimelineJS."""

import csv
import datetime as dt
import io
import json

import pytest

from tests.factories import make_event
from tests.page_helpers import make_cast, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """Two presidents, a foreign minister, and events between them."""
    return make_cast()


# Exports ------------------------------------------------------------------------------------


def test_csv_export_parses_and_is_safe_from_formula_injection(client, cast):
    make_event(summary='=HYPERLINK("http://evil")', date=dt.date(2021, 1, 2))
    make_event(summary="+1 in trade", date=dt.date(2021, 1, 3), place="@home")
    response = client.get("/?year=2021&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text_of(response))))
    assert len(rows) == 4
    summaries = {row["summary"] for row in rows}
    assert '\'=HYPERLINK("http://evil")' in summaries and "'+1 in trade" in summaries
    assert "'@home" in {row["place"] for row in rows}
    call = next(row for row in rows if row["id"] == str(cast["call"].pk))
    assert (call["date"], call["precision"], call["date_start"], call["date_end"]) == (
        "May 2021",
        "month",
        "2021-05-01",
        "2021-05-31",
    )
    assert call["participants"] == "Ilham Aliyev; Vladimir Putin"


def test_json_export(client, cast):
    data = json.loads(client.get(f"/?actor={cast['putin'].slug}&format=json").content)
    assert data["count"] == 3
    declaration = next(e for e in data["events"] if e["id"] == cast["declaration"].pk)
    assert declaration["date"] == {
        "label": "2022",
        "precision": "year",
        "start": "2022-01-01",
        "end": "2022-12-31",
        "derivation": "'last year' relative to the article's date",
        "evidence": "",
        "needs_review": True,
    }
    roles = {p["name"]: p["role"] for p in declaration["participants"]}
    assert roles["Sergey Lavrov"] == "mentioned" and roles["Vladimir Putin"] == "participant"
    assert declaration["sources"][0]["url"].startswith("http://testserver/articles/")


def test_ics_export_gives_all_day_events_spanning_their_precision(client, cast):
    response = client.get("/?format=ics")
    assert response["Content-Type"].startswith("text/calendar")
    ics = text_of(response)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 4  # the undated event has no place in a calendar
    assert "DTSTART;VALUE=DATE:20211126\r\nDTEND;VALUE=DATE:20211127\r\n" in ics
    assert "DTSTART;VALUE=DATE:20210501\r\nDTEND;VALUE=DATE:20210601\r\n" in ics
    assert "DTSTART;VALUE=DATE:20220101\r\nDTEND;VALUE=DATE:20230101\r\n" in ics
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Aliyev and Putin discuss gas by phone (month precision)" in unfolded
    assert "SUMMARY:Declaration on Allied Interaction signed (year precision)" in unfolded
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_ics_lines_fold_without_splitting_characters(client):
    summary = "Азербайджан; " * 20 + "talks"
    make_event(summary=summary, date=dt.date(2021, 3, 4), place="Баку, Azerbaijan")
    body = client.get("/?format=ics").content
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode()  # each folded piece is whole characters
    unfolded = body.decode().replace("\r\n ", "")
    assert "SUMMARY:" + summary.replace(";", "\\;") + "\r\n" in unfolded
    assert "LOCATION:Баку\\, Azerbaijan\r\n" in unfolded


def test_timelinejs_export(client, cast):
    data = json.loads(client.get("/?format=timelinejs").content)
    assert "events" in data and len(data["events"]) == 4
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id[f"event-{cast['call'].pk}"]["start_date"] == {
        "year": 2021,
        "month": 5,
        "display_date": "May 2021",
    }
    assert by_id[f"event-{cast['declaration'].pk}"]["start_date"] == {
        "year": 2022,
        "display_date": "2022",
    }


def test_timelinejs_escapes_html(client):
    make_event(summary="<img src=x onerror=alert(1)>")
    data = json.loads(client.get("/?format=timelinejs").content)
    assert data["events"][0]["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"


def test_export_links_carry_the_current_filters(client, cast):
    html = text_of(client.get(f"/?actor={cast['putin'].slug}&year=2021"))
    for fmt in ("csv", "json", "ics", "timelinejs"):
        assert f'href="/?actor={cast["putin"].slug}&amp;year=2021&amp;format={fmt}"' in html
