"""An event's tally of its sources' claims: grown by each import, dropped by the database when
its sources change any other way, and always the same as counting every source again."""

import pytest

from articles.files import decode_article
from timeline.importing.consensus import refresh_events
from timeline.importing.imports import import_files
from timeline.models import ClaimTally, Event, Source

pytestmark = pytest.mark.django_db

REPORTS = [
    "Leaders meet\n\nSOCHI, 10 May 2024 (Agency) - Vladimir Putin and Ilham Aliyev held talks "
    "in Sochi on 10 May 2024.\n",
    "Talks in Sochi\n\nSOCHI, 11 May 2024 (Agency) - Vladimir Putin and Ilham Aliyev met on "
    "10 May 2024, the Kremlin said.\n",
    "Presidents met\n\nBAKU, 12 May 2024 (Agency) - Ilham Aliyev and Vladimir Putin held talks "
    "in Sochi in May 2024, officials said.\n",
    "Sochi meeting\n\nBAKU, 13 May 2024 (Agency) - Ilham Aliyev held talks with Vladimir Putin "
    "in Sochi on 10 May 2024.\n",
]
SHOWN = [
    "title",
    "kind",
    "place",
    "date_precision",
    "date_start",
    "date_derivation",
    "needs_review",
    "source_count",
]


def _import(*texts: str) -> None:
    files = [decode_article(f"{abs(hash(t))}.txt", t.encode()) for t in texts]
    assert import_files(files).failed == 0


def _shown(event: Event) -> dict:
    event.refresh_from_db()
    return {name: getattr(event, name) for name in SHOWN}


def test_an_event_told_in_batch_after_batch_is_what_all_its_sources_say():
    for text in REPORTS:  # one batch each: every later one grows the kept tally
        _import(text)
    event = Event.objects.get()
    tally = ClaimTally.objects.get(event=event)
    assert sum(n for *_, n in tally.claims) == Source.objects.filter(event=event).count() == 4
    assert tally.articles == event.source_count == 4
    grown = _shown(event)
    ClaimTally.objects.all().delete()
    refresh_events([event.pk])  # counted again from every source
    assert _shown(event) == grown
    assert ClaimTally.objects.get(event=event).claims == tally.claims


def test_a_source_changed_outside_the_store_drops_the_tally():
    _import(*REPORTS[:2])
    event = Event.objects.get()
    assert ClaimTally.objects.filter(event=event).exists()
    Source.objects.filter(event=event).update(place="Moscow")
    assert not ClaimTally.objects.filter(event=event).exists()
    refresh_events([event.pk])
    assert ClaimTally.objects.filter(event=event).exists()
    Source.objects.filter(event=event).first().delete()
    assert not ClaimTally.objects.filter(event=event).exists()
    refresh_events([event.pk])
    source = Source.objects.get(event=event)
    source.pk, source.extraction_key = None, "copy"
    source.is_main = False
    source.save()  # inserted by hand: the tally cannot know
    assert not ClaimTally.objects.filter(event=event).exists()
