"""Invariants the database itself enforces, and their friendly mirror in clean()."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.extraction.datevalue import DateValue
from articles.models import Article
from tests.factories import make_actor, make_article, make_event
from timeline.models import Event, Participation, Source, interval_for

pytestmark = pytest.mark.django_db


def violates(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_day_precision_needs_a_date():
    violates(lambda: Event.objects.create(summary="x", date_precision="day"))


def test_unknown_precision_has_no_date():
    violates(
        lambda: Event.objects.create(
            summary="x",
            date_precision="unknown",
            date_start=dt.date(2020, 1, 1),
            date_end=dt.date(2020, 1, 1),
        )
    )


def test_interval_cannot_end_before_it_starts():
    violates(
        lambda: Event.objects.create(
            summary="x",
            date_precision="year",
            date_start=dt.date(2020, 1, 2),
            date_end=dt.date(2020, 1, 1),
        )
    )


def test_day_precision_covers_one_day():
    violates(
        lambda: Event.objects.create(
            summary="x",
            date_precision="day",
            date_start=dt.date(2020, 1, 1),
            date_end=dt.date(2020, 1, 3),
        )
    )


def test_clean_explains_the_same_rules():
    event = Event(summary="x", date_precision="day")
    with pytest.raises(ValidationError, match="needs its first and last day"):
        event.clean()
    event = Event(
        summary="x",
        date_precision="month",
        date_start=dt.date(2020, 2, 1),
        date_end=dt.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError, match="ends before it starts"):
        event.clean()


def test_import_key_is_unique():
    article = make_article()
    violates(
        lambda: Article.objects.create(
            file_name="copy.txt", raw_text=article.raw_text, content_hash=article.content_hash
        )
    )


def test_one_main_event_per_article():
    article = make_article()
    make_event(article=article)
    event = make_event()
    violates(
        lambda: Source.objects.create(
            event=event,
            article=article,
            extraction_key="other",
            is_main=True,
            passage_start=0,
            passage_end=1,
        )
    )


def test_intervals_and_labels_at_each_precision():
    assert interval_for("month", dt.date(2024, 2, 10)) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )
    assert interval_for("year", dt.date(2022, 6, 1)) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert DateValue.from_start("day", dt.date(2021, 11, 26)).label == "26 November 2021"
    assert DateValue.from_start("month", dt.date(2021, 5, 1)).label == "May 2021"
    assert DateValue.from_start("year", dt.date(2022, 1, 1)).label == "2022"
    assert DateValue.from_start("unknown", None).label == "date unknown"


def test_chronology_puts_a_year_before_the_days_of_that_year():
    day = make_event(date=dt.date(2022, 1, 1), precision="day")
    year = make_event(date=dt.date(2022, 1, 1), precision="year")
    month = make_event(date=dt.date(2022, 3, 1), precision="month")
    unknown = make_event(date=None, precision="unknown")
    assert list(Event.objects.chronological()) == [year, day, month, unknown]
    assert list(Event.objects.chronological(newest_first=True)) == [year, month, day, unknown]


def test_a_participation_carries_its_events_first_day_whoever_writes_either():
    putin, aliyev = make_actor("Vladimir Putin"), make_actor("Ilham Aliyev")
    talks = make_event(date=dt.date(2021, 5, 11), participants=[putin])

    def days():
        return set(Participation.objects.values_list("event_date", flat=True))

    assert days() == {dt.date(2021, 5, 11)}
    Event.objects.filter(pk=talks.pk).update(
        date_precision="month", date_start=dt.date(2021, 5, 1), date_end=dt.date(2021, 5, 31)
    )
    assert days() == {dt.date(2021, 5, 1)}
    other = make_event(date=None, precision="unknown")
    moved = Participation.objects.get()
    moved.event = other  # an editor moves the participant; the form never sends the day
    moved.save()
    assert days() == {None}
    Participation.objects.create(event=talks, actor=aliyev, event_date=dt.date(1999, 1, 1))
    assert days() == {None, dt.date(2021, 5, 1)}
