"""An event's searchable passages grow by each article that backs it, exactly as rebuilding
them from all its sources would make them, without reading every source again."""

from __future__ import annotations

import pytest

from articles.files import decode_article
from timeline.importing import import_files
from timeline.importing.consensus import refresh_events
from timeline.models import Event

pytestmark = pytest.mark.django_db

TEXT = (
    "BAKU, 11 May 2021\n\nRussian Foreign Minister Sergey Lavrov met Azerbaijani Foreign "
    "Minister Jeyhun Bayramov in Baku on Tuesday for talks{}.\nThey discussed the agenda."
)


def test_passages_added_by_later_articles_are_those_a_rebuild_gives():
    endings = ["", " on transit", " on transit", " on trade and transit"]
    for n, ending in enumerate(endings):  # one import each: the event is on the timeline
        report = import_files(
            [decode_article(f"{n}.txt", (TEXT.format(ending) + n * " ").encode())]
        )
        assert report.created == 1
    event = Event.objects.get(kind="meeting")
    assert event.sources.count() == 4
    grown = event.passages
    assert grown.count("\n") == 2  # three different passages, each once, in order
    assert grown.splitlines()[-1].endswith("on trade and transit.")
    refresh_events([event.pk])  # every source read again
    event.refresh_from_db()
    assert event.passages == grown
    assert Event.objects.filter(search_vector="transit", pk=event.pk).exists()
