"""The date explained in plain words to readers; the chronology counts each entry's sources."""

import pytest

from articles.extraction.datevalue import DateValue, Precision
from tests.factories import make_actor, make_article, make_event
from timeline.importing.consensus import refresh_events
from timeline.models import Source
from timeline.pages.dating import explanation, plain

DAY = DateValue(Precision.DAY, 2022, 2, 22)
MONTH = DateValue(Precision.MONTH, 2022, 2)


def test_internal_references_become_words():
    said = "2022 from declaration (22 February 2022, from event 17 on the timeline) in 004_ab.txt"
    assert plain(said) == (
        "2022 from declaration (22 February 2022, from another event on this timeline) in "
        "another article"
    )


def test_one_source_explains_itself_and_several_say_whether_they_agree():
    assert explanation(DAY, "explicit date in text", [(DAY, "explicit date in text")]) == (
        "Explicit date in text."
    )
    text = explanation(DAY, "stored", [(MONTH, "month in text"), (DAY, "explicit date")])
    assert text == (
        "Two sources tell this event: 22 February 2022, within what the others give "
        "(February 2022). The most precise: explicit date."
    )
    assert explanation(DAY, "", [(DAY, "a"), (DAY, "b")]).startswith(
        "Two sources tell this event and all give 22 February 2022."
    )


@pytest.mark.django_db
def test_each_entry_says_how_many_sources_tell_it(client):
    people = [make_actor("Ilham Aliyev"), make_actor("Sergey Lavrov")]
    event = make_event(summary="Talks in Baku", kind="meeting", place="Baku", participants=people)
    for n in range(2):
        article = make_article(title=f"Report {n}")
        Source.objects.create(
            event=event, article=article, extraction_key="k", passage_start=0, passage_end=20
        )
    refresh_events([event.pk])
    html = client.get("/").content.decode()
    assert "3 sources" in html and "Aliyev and Lavrov hold talks — Baku" in html
    page = client.get(event.get_absolute_url()).content.decode()
    assert "3 sources, side by side" in page and page.count('class="passage-link"') == 3
