"""Which extracted events are happenings to list, which only talk about one, which are
announced."""

from articles.extraction.eventhood import listable, planned, reported, talks_about_events
from articles.extraction.kinds import EventKind
from articles.extraction.types import UNKNOWN_DATE, DateClaim, ExtractedEvent

MAY_10 = DateClaim("day", 2024, 5, 10)


def _event(
    summary: str,
    *,
    kind=EventKind.MEETING,
    main=False,
    label="",
    people=(),
    place=None,
    date=MAY_10,
) -> ExtractedEvent:
    return ExtractedEvent(
        key="k",
        main=main,
        summary=summary,
        date=date,
        evidence_start=0,
        evidence_end=1,
        kind=kind,
        place=place,
        participants=list(people),
        label=label,
    )


def test_a_report_with_people_is_listed_and_talk_is_not():
    assert listable(_event("Aliyev and Putin held talks in Sochi.", people=["Ilham Aliyev"]))
    assert not listable(_event("We hope the talks will bear fruit in May.", people=["A B"]))
    assert not listable(_event("Relations have been at a high level.", kind=EventKind.OTHER))
    assert not listable(
        _event(
            "Putin stressed that trade grew.", kind=EventKind.ECONOMIC, people=["Vladimir Putin"]
        )
    )


def test_the_main_event_is_always_listed_and_an_undated_mention_never():
    assert listable(_event("Talks", main=True, date=UNKNOWN_DATE))
    assert not listable(_event("Talks in Baku", people=["A B"], date=UNKNOWN_DATE))


def test_a_named_document_is_a_happening_even_when_quoted():
    quoted = _event(
        "“The declaration on allied interaction we signed has helped,” he said.",
        kind=EventKind.AGREEMENT,
        label="declaration on allied interaction",
    )
    assert listable(quoted)
    assert not reported(quoted)  # but those it names did not sign it for all we know
    bare = _event("The treaty matters.", kind=EventKind.AGREEMENT, label="treaty")
    assert not listable(bare)


def test_an_anniversary_does_not_make_people_signatories():
    mention = _event(
        "The minister's visit marks the anniversary of the declaration on friendship, signed "
        "in 2022.",
        kind=EventKind.AGREEMENT,
        label="declaration on friendship",
        people=["Sergey Lavrov"],
    )
    assert listable(mention) and not reported(mention)


def test_clashes_are_listed_without_anyone_named():
    assert listable(_event("Clashes broke out on the border.", kind=EventKind.INCIDENT))


def test_talk_is_recognised_in_three_languages():
    assert talks_about_events("«Мы надеемся на развитие», — сказал он.")
    assert talks_about_events("Biz əminik ki, əlaqələr inkişaf edəcək.")
    assert not talks_about_events("The ministers met in Baku on Monday.")


def test_an_announced_event_is_planned_and_a_report_is_not():
    published = DateClaim("day", 2024, 6, 2)
    later = _event("The talks are due in Baku.", date=DateClaim("day", 2024, 6, 10))
    assert planned(later, published)
    assert planned(_event("Lavrov will visit Baku next week.", kind=EventKind.VISIT), published)
    assert not planned(
        _event(
            "Lavrov visited Baku on Monday.",
            kind=EventKind.VISIT,
            date=DateClaim("day", 2024, 5, 27),
        ),
        published,
    )
    assert not planned(
        _event(
            "Aliyev said trade will grow.",
            kind=EventKind.MEETING,
            date=DateClaim("day", 2024, 6, 1),
        ),
        published,
    )
