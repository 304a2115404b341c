"""One entry per real-world event: the identity rule, and imports that follow it."""

import datetime as dt

import pytest

from articles.models import Article
from timeline.importing import import_paths, reextract_articles
from timeline.importing.identity import Telling, Verdict, judge
from timeline.importing.matching import matching_events
from timeline.models import Decision, Event, Source, Suggestion

D = dt.date


MAY_10 = D(2024, 5, 10)


def _telling(kind="meeting", start=MAY_10, end=None, people=(1, 2), label="", place=""):
    return Telling(kind, start, end or start, frozenset(people), label, place)


# The rule -----------------------------------------------------------------------------------


def test_a_month_mention_with_the_same_people_and_place_is_the_day_event():
    day = _telling(place="Baku")
    month = _telling(start=D(2024, 5, 1), end=D(2024, 5, 31), people=(2,), place="Baku")
    assert judge(month, day)[0] is Verdict.SAME


def test_a_year_mention_without_a_place_is_only_probably_the_day_event():
    year = _telling(start=D(2024, 1, 1), end=D(2024, 12, 31))
    assert judge(year, _telling())[0] is Verdict.PROBABLE


def test_the_same_document_is_one_event_whoever_is_named():
    signing = _telling(kind="agreement", label="Declaration on Allied Interaction", people=(1,))
    quote = _telling(
        kind="other",
        start=D(2024, 5, 1),
        end=D(2024, 5, 31),
        people=(),
        label="declaration on allied interaction signed",
    )
    assert judge(quote, signing)[0] is Verdict.SAME
    undated = Telling("agreement", None, None, frozenset(), "Declaration on Allied Interaction")
    assert judge(undated, signing)[0] is Verdict.SAME


@pytest.mark.parametrize(
    ("mention", "why"),
    [
        (_telling(start=D(2024, 5, 20)), "dates apart"),
        (_telling(place="Moscow"), "places differ"),
        (_telling(people=(3,)), "nobody in common"),
        (_telling(kind="call"), "different kinds"),
    ],
)
def test_different_happenings_stay_apart(mention, why):
    assert judge(mention, _telling(place="Baku" if why == "places differ" else "")) == (
        Verdict.DIFFERENT,
        why,
    )


def test_nobody_named_at_the_same_kind_day_and_place_is_one_happening():
    told = _telling(people=(), place="Sochi")
    assert judge(_telling(people=(), place="Sochi"), told) == (
        Verdict.SAME,
        "same kind, day and place, nobody named",
    )
    # Someone named on one side only: perhaps another meeting that day; editors decide.
    assert judge(_telling(people=(1,), place="Sochi"), told)[0] is Verdict.PROBABLE
    assert judge(_telling(people=(), place="Sochi", kind="visit"), told)[0] is Verdict.DIFFERENT


def test_two_documents_of_one_day_are_two_events():
    a = _telling(kind="agreement", label="Treaty on Friendship and Cooperation")
    b = _telling(kind="agreement", label="Memorandum on Gas Supplies")
    assert judge(a, b)[0] is Verdict.DIFFERENT


def test_a_day_apart_is_worth_an_editors_look():
    assert judge(_telling(start=D(2024, 5, 11)), _telling()) == (
        Verdict.PROBABLE,
        "same kind and people, 1 day apart",
    )


# Imports ------------------------------------------------------------------------------------

SIGNING = (
    "Declaration signed\n\nMOSCOW, 22 February 2022 (Agency) - Vladimir Putin and Ilham "
    "Aliyev signed the Declaration on Allied Interaction in Moscow.\n"
)
RECALLED = (
    "Ministers meet\n\nBAKU, 3 March 2023 (Agency) - The foreign ministers met in Baku.\n\n"
    "The Declaration on Allied Interaction, signed in February 2022, guides the ties between "
    "the two countries.\n"
)
TALKS_DAY = (
    "Ministers met\n\nBAKU, 5 April 2024 (Agency) - Sergey Lavrov and Jeyhun Bayramov held "
    "talks in Baku on 4 April 2024.\n"
)
TALKS_MONTH = (
    "Talks in Baku\n\nMOSCOW, 9 April 2024 (Agency) - The ministry recalled that Sergey Lavrov "
    "and Jeyhun Bayramov held talks in Baku in April 2024.\n"
)
SOCHI_10 = (
    "Leaders talk\n\nSOCHI, 10 May 2024 (Agency) - Vladimir Putin and Ilham Aliyev held talks "
    "in Sochi.\n"
)
SOCHI_11 = (
    "Leaders met\n\nBAKU, 20 May 2024 (Agency) - Vladimir Putin and Ilham Aliyev held talks in "
    "Sochi on 11 May 2024, officials said on Monday.\n"
)
CORRIDOR_MEETING = (
    "Talks in Sochi\n\nSOCHI, 11 May 2024 (Agency) - A meeting on transport corridors was held "
    "in Sochi on 10 May 2024, the organisers said.\n"
)
CORRIDOR_DELEGATIONS = (
    "Corridor talks\n\nBAKU, 12 May 2024 (Agency) - Delegations met in Sochi on 10 May 2024 to "
    "discuss transport corridors, officials said.\n"
)
ANNOUNCED = (
    "Lavrov to visit Baku\n\nBAKU, 2 June 2024 (Agency) - Russian Foreign Minister Sergey "
    "Lavrov will visit Baku on 10 June 2024, the ministry said.\n"
)
ARRIVED = (
    "Lavrov visits Baku\n\nBAKU, 10 June 2024 (Agency) - Russian Foreign Minister Sergey "
    "Lavrov arrived in Baku on a visit on Monday.\n"
)


def _import(tmp_path, **texts) -> None:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        report = import_paths([str(tmp_path / f"{name}.txt")])
        assert report.failed == 0, report.errors


def _import_two(tmp_path, first: str, second: str, *, together: bool) -> None:
    """Two articles in one batch (the second finds the event the first made) or one by one."""
    if together:
        (tmp_path / "a.txt").write_text(first)
        (tmp_path / "b.txt").write_text(second)
        import_paths([str(tmp_path)])
    else:
        _import(tmp_path, a=first, b=second)


@pytest.mark.django_db
@pytest.mark.parametrize("together", [False, True])
def test_a_document_recalled_later_is_a_source_of_its_signing(tmp_path, together):
    _import_two(tmp_path, SIGNING, RECALLED, together=together)
    signing = Event.objects.get(kind="agreement")
    assert signing.source_count == 2 and signing.sources.count() == 2
    assert (signing.date_precision, signing.date_start) == ("day", D(2022, 2, 22))
    assert signing.title == "Aliyev and Putin sign the Declaration on Allied Interaction — Moscow"
    assert not signing.needs_review


@pytest.mark.django_db
def test_a_month_mention_joins_the_day_event_and_the_day_stays(tmp_path):
    _import(tmp_path, month=TALKS_MONTH, day=TALKS_DAY)  # the vaguer one first
    talks = Event.objects.get()
    assert talks.source_count == 2
    assert (talks.date_precision, talks.date_start) == ("day", D(2024, 4, 4))
    assert talks.title == "Bayramov and Lavrov hold talks — Baku"
    assert "the sources agree" in talks.date_derivation


@pytest.mark.django_db
@pytest.mark.parametrize("together", [False, True])
def test_a_meeting_told_twice_with_nobody_named_is_one_event(tmp_path, together):
    _import_two(tmp_path, CORRIDOR_MEETING, CORRIDOR_DELEGATIONS, together=together)
    meeting = Event.objects.get()
    assert (meeting.kind, meeting.place, meeting.date_start) == ("meeting", "Sochi", MAY_10)
    assert meeting.source_count == 2 and not meeting.participations.exists()
    assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_a_meeting_with_people_the_same_day_and_place_is_only_suggested(tmp_path):
    _import(tmp_path, nobody=CORRIDOR_MEETING, leaders=SOCHI_10)
    assert Event.objects.count() == 2
    assert Suggestion.objects.get().reason == "same kind, day and place"


@pytest.mark.django_db
def test_an_announcement_is_the_planned_event_until_a_report_arrives(tmp_path):
    _import(tmp_path, announced=ANNOUNCED)
    visit = Event.objects.get()
    assert visit.planned and visit.title == "Lavrov to visit Baku"
    _import(tmp_path, arrived=ARRIVED)
    visit.refresh_from_db()
    assert Event.objects.count() == 1 and visit.source_count == 2
    assert not visit.planned and visit.title == "Lavrov visits Baku"


@pytest.mark.django_db
def test_a_probable_match_is_suggested_and_kept_apart_across_reimports(tmp_path):
    _import(tmp_path, ten=SOCHI_10, eleven=SOCHI_11)
    assert Event.objects.count() == 2  # never merged silently
    suggestion = Suggestion.objects.get()
    assert suggestion.decision == Decision.PENDING and "1 day apart" in suggestion.reason
    Suggestion.objects.filter(pk=suggestion.pk).update(decision=Decision.APART)
    urls = sorted(e.get_absolute_url() for e in Event.objects.all())
    reextract_articles(Article.objects.all())
    import_paths([str(tmp_path)], reextract=True)
    assert sorted(e.get_absolute_url() for e in Event.objects.all()) == urls
    assert list(Suggestion.objects.values_list("decision", flat=True)) == [Decision.APART]


@pytest.mark.django_db
def test_reextraction_keeps_every_event_and_its_url(seeded):
    before = sorted((e.pk, e.title, e.source_count) for e in Event.objects.all())
    reextract_articles(Article.objects.all())
    assert sorted((e.pk, e.title, e.source_count) for e in Event.objects.all()) == before


@pytest.mark.django_db
def test_the_seeds_tell_the_declaration_once_with_three_sources(seeded):
    declaration = Event.objects.get(label__icontains="allied")
    assert declaration.source_count == 3
    assert declaration.sources.values("article").distinct().count() == 3
    assert "Declaration on Allied Interaction" in declaration.title


@pytest.mark.django_db
def test_the_seeds_list_events_not_sentences(seeded):
    for event in Event.objects.all():
        assert event.title and len(event.title.split()) <= 15
        assert not any(mark in event.title for mark in '"“”«»')
        assert event.source_count >= 1
    # The spokesman announcing the meeting is a source of it, not an event of his own.
    assert not Event.objects.filter(
        participations__actor__name="Dmitry Peskov", participations__role="participant"
    ).exists()


@pytest.mark.django_db
def test_an_older_duplicate_is_suggested_on_reextraction_not_merged(tmp_path):
    _import(tmp_path, a=SIGNING, b=RECALLED)
    signing = Event.objects.get(kind="agreement")
    # As an import before event identity left it: the recalled signing an event of its own.
    older = Event.objects.create(summary="The Declaration on Allied Interaction, signed ...")
    signing.sources.filter(article__file_name="b.txt").update(event=older)
    reextract_articles(Article.objects.all())
    assert Event.objects.filter(pk__in=[signing.pk, older.pk]).count() == 2  # both URLs work
    suggestion = Suggestion.objects.get()
    assert {suggestion.event_id, suggestion.other_id} == {signing.pk, older.pk}


@pytest.mark.django_db
def test_a_passage_that_only_talks_about_an_event_stops_being_one(seeded):
    meeting = Event.objects.get(place="Sochi")
    talk = meeting.sources.exclude(is_main=True).first()
    # As an import before event identity left it: the spokesman's sentence an event of its own.
    older = Event.objects.create(summary=talk.passage[:500])
    Source.objects.filter(pk=talk.pk).update(event=older)
    reextract_articles(Article.objects.all())
    assert not Event.objects.filter(pk=older.pk).exists()
    assert meeting.sources.filter(extraction_key=talk.extraction_key).exists()


@pytest.mark.django_db
def test_an_undated_mention_finds_its_document_by_name(tmp_path):
    _import(tmp_path, a=SIGNING)
    signing = Event.objects.get()
    undated = Telling("agreement", None, None, frozenset(), "declaration on allied interaction")
    other = Telling("agreement", None, None, frozenset(), "treaty on the caspian sea")
    found = matching_events({"named": undated, "other": other})
    assert found["named"].event == signing and "other" not in found


ANNOUNCED_UNDATED = (
    "Lavrov to visit Baku\n\nBAKU, 2 June 2024 (Agency) - Russian Foreign Minister Sergey "
    "Lavrov will visit Baku, the ministry said on Sunday.\n"
)
ARRIVED_LATER = (
    "Lavrov visits Baku\n\nBAKU, 6 June 2024 (Agency) - Russian Foreign Minister Sergey "
    "Lavrov arrived in Baku on a visit on Thursday.\n"
)


@pytest.mark.django_db
@pytest.mark.parametrize("together", [False, True])
def test_an_announcement_dated_by_its_article_is_probably_the_later_visit(tmp_path, together):
    _import_two(tmp_path, ANNOUNCED_UNDATED, ARRIVED_LATER, together=together)
    announced, reported = Event.objects.order_by("date_start")
    assert announced.planned and not reported.planned
    suggestion = Suggestion.objects.get()
    assert {suggestion.event_id, suggestion.other_id} == {announced.pk, reported.pk}
    assert suggestion.reason == "announced, then reported"


def test_an_announcement_and_a_report_weeks_apart_are_two_events():
    planned = Telling("visit", D(2024, 6, 2), D(2024, 6, 2), frozenset({1}), planned=True)
    later = Telling("visit", D(2024, 7, 20), D(2024, 7, 20), frozenset({1}))
    assert judge(later, planned)[0] is Verdict.DIFFERENT
