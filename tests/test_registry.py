"""What the import tells extraction about the timeline's named documents: one event per
label, the same one extraction would keep from the whole list, however many events the name
labels."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction.reading import make_context
from articles.extraction.types import DateClaim, KnownEvent
from tests.factories import make_event
from timeline.importing import known_events
from timeline.models import Event

pytestmark = pytest.mark.django_db


def _every_event() -> list[KnownEvent]:
    """All labelled events in the order extraction ranks them (what was read before)."""
    return [
        KnownEvent(
            e.label,
            DateClaim(e.date.precision, e.date.year, e.date.month, e.date.day),
            source=f"event {e.pk} on the timeline",
        )
        for e in Event.objects.exclude(label="")
        .exclude(date_start=None)
        .exclude(needs_review=True)
        .order_by("precision_rank", "id")
    ]


def test_one_event_per_label_gives_extraction_the_same_dates_as_every_event():
    border, shelf = "treaty on the state border", "agreement for the Caspian shelf"
    for label, date, precision in [
        (border, dt.date(2010, 1, 1), "year"),
        (border, dt.date(2010, 9, 3), "day"),
        (border, dt.date(2010, 9, 3), "day"),
        (shelf, dt.date(2001, 1, 9), "day"),
        (shelf, dt.date(2001, 1, 1), "month"),
        ("agreement\nfor the Caspian shelf", dt.date(2002, 1, 1), "year"),
    ]:
        make_event(label=label, date=date, precision=precision)
    make_event(label=border, date=dt.date(2011, 1, 1), needs_review=True)  # uncertain: unused
    make_event(label="", date=dt.date(2022, 2, 22))  # no name
    found = known_events()
    assert len(found) == 3  # one per label as written
    mine = make_context(None, found, None).known_events
    before = make_context(None, _every_event(), None).known_events
    assert [(k.label, k.date, k.source) for k in mine] == [
        (k.label, k.date, k.source) for k in before
    ]
    for name in (border, shelf, "Treaty on the State Border"):
        assert mine.match(name) == before.match(name)
