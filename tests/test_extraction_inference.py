"""Dating articles that never state their year: only from evidence, and saying how."""

import datetime as dt

from articles.extraction import extract, extract_batch
from articles.extraction.types import DateClaim, KnownActor, KnownEvent

TODAY = dt.date(2026, 11, 23)
ACTORS = [
    KnownActor(
        "Anna Petrova",
        "person",
        offices=(
            {"title": "Prime Minister", "country": "Russia", "from": "2017-03-01", "to": None},
        ),
    ),
    KnownActor(
        "Rashad Guliyev",
        "person",
        offices=(
            {"title": "President", "country": "Azerbaijan", "from": "2005-01-01", "to": None},
        ),
    ),
]


def main_of(result):
    return next(e for e in result.events if e.main)


def test_anniversary_of_a_dated_event_fixes_the_year():
    text = (
        "Envoys meet in Baku\n\nThe envoys held talks in Baku on March 10. The visit marks "
        "the fifth anniversary of the trade accord signed on March 8, 2016.\n"
    )
    main = main_of(extract(text, actors=ACTORS, today=TODAY))
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == (
        "2021-03-10",
        "day",
        True,
    )
    assert "anniversary" in main.date.derivation


def test_known_document_signed_earlier_this_year_fixes_the_year():
    known = [
        KnownEvent(
            "Charter on Strategic Dialogue", DateClaim("day", 2019, 4, 2), source="another article"
        )
    ]
    text = (
        "Ministers meet\n\nThe ministers met in Moscow and praised the Charter on Strategic "
        "Dialogue signed earlier this year, calling it a new start.\n"
    )
    main = main_of(extract(text, actors=ACTORS, known_events=known, today=TODAY))
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == ("2019", "year", True)
    assert "Charter on Strategic Dialogue" in main.date.derivation


def test_batch_dates_an_undated_article_from_another_article():
    dated = (
        "Charter signed\n\nBAKU, 2 April 2019 (Agency) - The two presidents signed the "
        "Charter on Strategic Dialogue on April 2, 2019 in Baku.\n"
    )
    undated = (
        "Ministers meet\n\nThe ministers met in Moscow and praised the charter on strategic "
        "dialogue signed earlier this year, calling it a new start.\n"
    )
    _, second = extract_batch([("a.txt", dated), ("b.txt", undated)], actors=ACTORS, today=TODAY)
    assert main_of(second).date.iso() == "2019"
    # Plain words, no file name: "from another article imported with this one".
    derivation = main_of(second).date.derivation
    assert "another article imported with this one" in derivation and "a.txt" not in derivation


def test_second_pass_redoes_only_what_the_batch_changes():
    """A second extraction is skipped when the documents the batch dates change no year clue;
    when they do, it is the whole extraction with them known."""
    from dataclasses import replace

    from articles.extraction.batch import extract_again
    from articles.extraction.pipeline import extract_one
    from articles.extraction.reading import make_context

    ctx = make_context(ACTORS, [], TODAY)
    charter = KnownEvent(
        "Charter on Strategic Dialogue", DateClaim("day", 2019, 4, 2), source="another article"
    )
    other = KnownEvent("Accord on Fisheries", DateClaim("day", 2018, 5, 6), source="another")
    undated = (
        "Ministers meet\n\nThe ministers met in Moscow and praised the charter on strategic "
        "dialogue signed earlier this year, calling it a new start.\n"
    )
    assert extract_again(undated, ctx, [other]) is None
    wider = replace(ctx, known_events=ctx.known_events.plus([charter]))
    assert extract_again(undated, ctx, [charter]) == extract_one(undated, wider)
    assert extract_again(undated, ctx, [charter]) != extract_one(undated, ctx)


def test_nothing_fixes_the_year_so_it_stays_unknown():
    text = (
        "Leaders talk\n\nThe leaders met in Baku on Tuesday and discussed trade. They said "
        "that 34% of trade grows every year.\n"
    )
    main = main_of(extract(text, actors=ACTORS, today=TODAY))
    assert main.date.precision == "unknown" and main.date.iso() is None
    assert main.date.needs_review


def test_dateline_without_year_is_never_given_todays_year():
    text = (
        "Politics 26 november — 15:42\n\nTalks in Sochi\n\nThe two leaders met in Sochi "
        "and discussed the region.\n"
    )
    main = main_of(extract(text, actors=ACTORS, today=TODAY))
    assert main.date.iso() is None
    assert "26 november" in main.date.evidence


def test_weekday_and_office_terms_fix_the_year_of_a_dateline():
    # 14 March fell on a Thursday in 2019 and 2024; Petrova was Prime Minister only from 2017
    # and the report is from before 2022 by its last explicit date... so both fit: unknown.
    text = (
        "Politics 14 march — 11:00\n\nTalks in Baku\n\nRussian Prime Minister Anna Petrova "
        "met Azerbaijani President Rashad Guliyev in Baku. The talks were announced on "
        "Thursday by the government.\n"
    )
    main = main_of(extract(text, actors=ACTORS, today=TODAY))
    assert main.date.iso() is None
    # With the window narrowed to 2017-2022, only 2019 has a Thursday 14 March.
    narrow = [
        KnownActor(
            "Anna Petrova",
            "person",
            offices=(
                {
                    "title": "Prime Minister",
                    "country": "Russia",
                    "from": "2017-03-01",
                    "to": "2022-01-01",
                },
            ),
        ),
        ACTORS[1],
    ]
    main = main_of(extract(text, actors=narrow, today=TODAY))
    assert (main.date.iso(), main.date.needs_review) == ("2019-03-14", True)
    assert "Thursday" in main.date.derivation


def test_span_since_a_known_event():
    known = [KnownEvent("Accord on Borders", DateClaim("day", 2017, 11, 10), source="x")]
    text = (
        "Talks\n\nThe ministers met in Baku. More than a year and a half has passed since "
        "the Accord on Borders, the minister said.\n"
    )
    main = main_of(extract(text, actors=ACTORS, known_events=known, today=TODAY))
    assert main.date.iso() == "2019"  # May to November 2019
    # "More than two years" from the same day spans two calendar years: no year is claimed.
    vague = text.replace("a year and a half has", "two years have")
    assert (
        main_of(extract(vague, actors=ACTORS, known_events=known, today=TODAY)).date.iso() is None
    )


def test_disagreeing_clues_leave_the_year_unknown():
    text = (
        "Talks\n\nThe ministers met in Baku. The visit marks the tenth anniversary of the "
        "accord signed in May 2010, and the 20th anniversary of the treaty of June 2001.\n"
    )
    main = main_of(extract(text, actors=ACTORS, today=TODAY))
    assert main.date.iso() is None
    assert "disagree" in main.date.derivation


def test_a_document_signed_told_twice_is_one_mentioned_event():
    text = (
        "Talks\n\nBAKU, 25 May 2023 (Agency) - The ministers met in Baku.\n\nThey praised the "
        "Charter on Trade signed in February 2022. At the beginning of last year, we signed "
        "the Charter on Trade, the minister recalled.\n"
    )
    mentioned = [e for e in extract(text, actors=ACTORS, today=TODAY).events if not e.main]
    assert [(e.date.iso(), e.date.precision) for e in mentioned] == [("2022-02", "month")]


def test_a_bare_document_word_names_no_one_document():
    from articles.extraction.known_events import document_label, document_names

    assert document_names("but this paragraph of the Declaration has not been met") == []
    assert document_label("The treaty was signed in Minsk.") == ""
    assert document_names("the Declaration on Allied Interaction was signed") == [
        "Declaration on Allied Interaction"
    ]
    # A name ends where a date or a verb begins; "and" may stand inside it.
    assert document_names("they signed the agreement on May 17 to end it") == []
    assert document_names("the treaty of 1997 was") == []
    assert document_names("the Treaty of Friendship and Cooperation") == [
        "Treaty of Friendship and Cooperation"
    ]


def test_a_bare_declaration_is_not_dated_by_another_article_s_declaration():
    from articles.extraction import extract_batch

    dated = "Declaration\n\nMINSK, 5 May 2010 (Agency) - The two leaders signed a declaration.\n"
    undated = (
        "Interview\n\nThe minister said: almost two years have passed since the end of the "
        "war, but this paragraph of the Declaration has not been implemented yet.\n"
    )
    results = extract_batch([("a.txt", dated), ("b.txt", undated)])
    assert not results[1].published.known
