"""Extraction's event kinds are the timeline's: an event extraction finds can always be stored."""

import json
import re

import pytest
from django.db import IntegrityError, transaction

import articles.extraction.kinds
import timeline.models
from articles.extraction import extract
from articles.extraction.kinds import EventKind


def test_extraction_kinds_are_the_model_kinds():
    assert {k.value for k in articles.extraction.kinds.EventKind} == set(
        timeline.models.EventKind.values
    )


def test_the_model_keeps_its_labels():
    assert dict(timeline.models.EventKind.choices) == {
        "visit": "visit",
        "meeting": "talks or meeting",
        "call": "phone call",
        "agreement": "agreement or signing",
        "statement": "statement",
        "incident": "incident",
        "economic": "economic",
        "other": "other",
    }


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_kind():
    timeline.models.Event.objects.create(summary="A visit", kind=EventKind.VISIT)
    with pytest.raises(IntegrityError, match="event_kind_known"), transaction.atomic():
        timeline.models.Event.objects.create(summary="A parade", kind="parade")


def test_extracted_kinds_are_enum_members_that_print_as_their_value():
    text = "Putin and Aliyev meet\n\nBaku, 12 May 2022. Putin met Aliyev in Baku on Thursday."
    main = next(e for e in extract(text).events if e.main)
    assert isinstance(main.kind, EventKind)
    assert main.kind == "meeting"
    assert json.dumps(extract(text).to_json("a.txt")["events"][0]["kind"]) == '"meeting"'


def test_kind_patterns_are_written_in_lower_case():
    # They are searched in the lower-cased sentence: a capital letter in one would never match.
    for _kind, pattern in articles.extraction.kinds._KIND_RES:
        literal = re.sub(r"\\.", "", pattern.pattern)  # escapes such as \b, \w are no letters
        assert literal == literal.lower(), pattern.pattern


def test_a_sentence_in_capitals_has_its_kind():
    kind = articles.extraction.kinds.event_kind
    assert kind("THE PRESIDENTS MET IN BAKU") == EventKind.MEETING
    # "İ" lower-cases to two characters: the sentence is searched as written, ignoring case.
    assert kind("İlham Aliyev MET Putin") == EventKind.MEETING
    # Ignoring case, a dotless ı is an i either way ("görüş" spelt with i and ı).
    assert kind("Prezidentlər DANIŞIQLAR apardılar") == EventKind.MEETING
    assert kind("Prezidentler danisiqlar apardi") == EventKind.OTHER
