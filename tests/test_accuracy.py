"""The product measures itself: the current extractor against what editors checked."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from articles.extraction.datevalue import UNKNOWN, DateValue
from timeline import corrections
from timeline.accuracy import measure, verdict
from timeline.models import Event

pytestmark = pytest.mark.django_db


def _value(precision, *parts):
    return DateValue(precision, *parts)


@pytest.mark.parametrize(
    ("claim", "truth", "expected"),
    [
        (_value("day", 2021, 11, 26), _value("day", 2021, 11, 26), "exact"),
        (_value("month", 2021, 11), _value("day", 2021, 11, 26), "coarse"),
        (UNKNOWN, _value("year", 2021), "miss"),
        (UNKNOWN, UNKNOWN, "exact"),
        (_value("day", 2021, 11, 25), _value("day", 2021, 11, 26), "wrong"),
        (_value("year", 2020), _value("month", 2021, 5), "wrong"),
        (_value("day", 2021, 5, 3), _value("month", 2021, 5), "unsupported"),
        (_value("year", 2021), UNKNOWN, "unsupported"),
    ],
)
def test_verdicts_are_the_benchmarks(claim, truth, expected):
    assert verdict(claim, truth) == expected


def _main_event_dated_to_a_day() -> Event:
    # One passage: each source of a checked event is scored, a vaguer one as "coarse".
    told_once = Event.objects.annotate(passages_n=Count("sources", distinct=True)).filter(
        passages_n=1
    )
    return told_once.filter(sources__is_main=True, date_precision="day").order_by("id")[0]


def test_nothing_checked_scores_nothing(seeded):
    assert measure().checked == []


def test_a_reviewed_event_the_extractor_still_dates_is_exact(seeded):
    event = _main_event_dated_to_a_day()
    corrections.mark_reviewed(events=[event])
    report = measure()
    assert [(c.event.pk, c.verdict) for c in report.checked] == [(event.pk, "exact")]
    assert report.dated_rate == 1.0 and report.bad_rate == 0.0


def test_an_editors_other_date_makes_the_extractor_wrong(seeded):
    event = _main_event_dated_to_a_day()
    corrections.apply_correction(
        event=event,
        values={
            "date_precision": "day",
            "date_start": dt.date(1999, 1, 2),
            "date_end": dt.date(1999, 1, 2),
        },
    )
    report = measure()
    assert report.counts["wrong"] == 1 and report.bad_rate == 1.0
    event.refresh_from_db()
    assert event.date_start == dt.date(1999, 1, 2), "measuring writes nothing"


def test_the_command_prints_the_totals(seeded, capsys):
    call_command("accuracy")
    assert "nothing to score" in capsys.readouterr().out
    corrections.mark_reviewed(events=[_main_event_dated_to_a_day()])
    call_command("accuracy", verbosity=2)
    out = capsys.readouterr().out
    assert "1 checked sources, 1 exact" in out and ": exact" in out


def test_editors_see_the_accuracy_page(seeded, editor_client):
    event = _main_event_dated_to_a_day()
    corrections.mark_reviewed(events=[event])
    changelist = editor_client.get(reverse("admin:timeline_event_changelist"))
    url = reverse("admin:timeline_event_accuracy")
    assert url in changelist.content.decode()
    page = editor_client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="accuracy-totals"' in html and 'class="verdict-exact"' in html
    assert event.date.iso() in html


def test_the_accuracy_page_needs_a_login(client, seeded):
    response = client.get(reverse("admin:timeline_event_accuracy"))
    assert response.status_code == 302


def test_participants_are_scored_where_an_editor_settled_them(seeded):
    told_once = Event.objects.annotate(passages_n=Count("sources", distinct=True))
    event = told_once.filter(
        passages_n=1, sources__is_main=True, participations__isnull=False
    ).distinct()[0]
    corrections.mark_reviewed(events=[event])
    assert measure().participants is None
    corrections.lock_participants(event=event)
    event.participations.filter(role="participant").first().delete()  # the editor removed one
    precision, recall, _ = measure().participants
    assert recall == 1.0 and precision < 1.0
