"""The listing of events an editor might merge (`manage.py candidate_pairs`)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_actor, make_event
from timeline.duplicates import candidate_pairs
from timeline.importing.identity import Verdict
from timeline.models import Decision, Suggestion

pytestmark = pytest.mark.django_db


def test_pairs_by_kind_overlapping_dates_and_people():
    aliyev, putin, lavrov = make_actor("A Aliyev"), make_actor("V Putin"), make_actor("S Lavrov")
    day = make_event(kind="meeting", participants=[aliyev, putin], date=dt.date(2024, 5, 10))
    year = make_event(
        kind="meeting", participants=[putin], date=dt.date(2024, 1, 1), precision="year"
    )
    make_event(kind="call", participants=[aliyev, putin], date=dt.date(2024, 5, 10))  # a call
    make_event(kind="meeting", participants=[lavrov], date=dt.date(2024, 5, 10))  # nobody shared
    make_event(kind="meeting", participants=[aliyev], date=dt.date(2023, 5, 10))  # a year before
    pairs = candidate_pairs()
    assert [(p.first.pk, p.second.pk, p.verdict) for p in pairs] == [
        (day.pk, year.pk, Verdict.PROBABLE)
    ]
    out = StringIO()
    call_command("candidate_pairs", stdout=out)
    assert out.getvalue().splitlines()[-1] == "1 candidate pairs: 1 probable"

    Suggestion.objects.create(event=day, other=year, decision=Decision.APART)
    assert candidate_pairs() == []  # an editor kept them apart
