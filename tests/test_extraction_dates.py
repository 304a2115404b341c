"""Date finding and resolution, each rule on a small text written for it (no Django)."""

import datetime as dt

import pytest

from articles.extraction.date_claims import resolve
from articles.extraction.dates import find_mentions
from articles.extraction.datevalue import EntryError, parse_entry
from articles.extraction.types import DAY, MONTH, UNKNOWN, YEAR, DateClaim

TODAY = dt.date(2026, 11, 23)


def kinds(text):
    return [(m.kind, m.text) for m in find_mentions(text, today=TODAY)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On November 9, 2020, the leaders signed a statement.", ("full", 2020, 11, 9)),
        ("The summit opened on 3 March 2019 in Baku.", ("full", 2019, 3, 9 - 6)),
        ("Talks resumed in February 2022.", ("month_year", 2022, 2, None)),
        ("The visit took place in 2001.", ("year", 2001, None, None)),
        ("Published 2021-05-11 in the morning.", ("full", 2021, 5, 11)),
        ("Dated 25.05.2023 by the agency.", ("full", 2023, 5, 25)),
        ("Dated 12/25/21 by the agency.", ("full", 2021, 12, 25)),
        ("Politics 26 ноября 2021", ("full", 2021, 11, 26)),
        ("Siyasət 5 oktyabr 2022", ("full", 2022, 10, 5)),
        ("Nazirlər 2022-ci il noyabrın 3-də görüşüb.", ("full", 2022, 11, 3)),
        ("Sammit 2019-cu ilin iyunun 21-də keçirilib.", ("full", 2019, 6, 21)),
        ("Nazirlər mayın 14-də Gəncədə görüşüb.", ("day_month", None, 5, 14)),
        ("Saziş 2020-ci ilin 17 oktyabr tarixində imzalanıb.", ("full", 2020, 10, 17)),
        ("Posted 18-06-2021, 11:08 by the desk.", ("full", 2021, 6, 18)),
        ("КАЗАНЬ, 26 сен - Агентство.", ("day_month", None, 9, 26)),
        ("КАЗАНЬ, 3 окт. /Агентство/.", ("day_month", None, 10, 3)),
    ],
)
def test_explicit_dates(text, expected):
    mention = find_mentions(text, today=TODAY)[0]
    assert (mention.kind, mention.year, mention.month, mention.day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We hope we may agree soon, and we will.",  # "we" is not Wednesday, "may" is a verb
        "34% of schoolchildren study in Russian.",
        "1155 views",
        "It took a year and now it is done.",
        "For 9 months of growth, trade rose.",
        "The meeting ended at 15:42.",
        "A crowd of 2001 people gathered.",
    ],
)
def test_words_dateparser_mistakes_are_not_dates(text):
    assert [m for m in find_mentions(text, today=TODAY) if m.kind != "relative_year"] == []


def test_numeric_date_that_reads_both_ways_keeps_only_its_year():
    mention = find_mentions("signed on 05/06/2021 in Baku", today=TODAY)[0]
    claim = resolve(mention, DateClaim(UNKNOWN))
    assert (claim.precision, claim.year, claim.needs_review) == (YEAR, 2021, True)


def test_time_of_day_is_not_a_date():
    assert kinds("Updated 15:42") == []


REF = DateClaim(DAY, 2023, 2, 27, derivation="dateline")


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("The ministers met today.", "2023-02-27", DAY),
        ("The ministers met yesterday.", "2023-02-26", DAY),
        ("The ministers met on Friday.", "2023-02-24", DAY),
        ("The treaty was signed last year.", "2022", YEAR),
        ("Documents were adopted in October.", "2022-10", MONTH),
        ("Documents were adopted in February.", "2023-02", MONTH),
        ("The parties agreed on May.", "2022-05", MONTH),
        ("Talks were held on February 20.", "2023-02-20", DAY),
        ("The talks were held on March 3.", "2022-03-03", DAY),
    ],
)
def test_relative_dates_resolve_against_the_article_date(text, iso, precision):
    mention = find_mentions(text, today=TODAY)[0]
    claim = resolve(mention, REF)
    assert (claim.iso(), claim.precision) == (iso, precision)


def test_future_tense_looks_forward():
    mention = find_mentions("The leaders will meet on March 3.", today=TODAY)[0]
    assert resolve(mention, REF, future=True).iso() == "2023-03-03"


def test_relative_dates_need_a_known_article_date():
    mention = find_mentions("They met in October.", today=TODAY)[0]
    assert resolve(mention, DateClaim(UNKNOWN)) is None


def test_month_of_an_article_dated_only_to_a_year_is_not_guessed():
    mention = find_mentions("They met in October.", today=TODAY)[0]
    assert resolve(mention, DateClaim(YEAR, 2022)) is None


def test_today_in_an_article_dated_to_the_year_stays_at_the_year_and_needs_review():
    mention = find_mentions("The minister arrived today.", today=TODAY)[0]
    claim = resolve(mention, DateClaim(YEAR, 2023))
    assert (claim.iso(), claim.needs_review) == ("2023", True)


@pytest.mark.parametrize(
    "entry, expected",
    [
        ("2021-05-11", ("day", "2021-05-11")),
        ("11 May 2021", ("day", "2021-05-11")),
        ("May 2021", ("month", "2021-05")),
        ("2021-05", ("month", "2021-05")),
        ("2021", ("year", "2021")),
        ("unknown", ("unknown", None)),
        ("26 ноября 2021", ("day", "2021-11-26")),
    ],
)
def test_editor_date_entry_at_any_precision(entry, expected):
    value = parse_entry(entry)
    assert (value.precision, value.iso()) == expected


@pytest.mark.parametrize("entry", ["2021-13-40", "banana", "next week", "May 11"])
def test_editor_date_entry_rejects_what_is_not_a_dated_year(entry):
    with pytest.raises(EntryError):
        parse_entry(entry)


def test_may_the_verb_before_a_number_is_no_date_but_the_azerbaijani_genitive_is():
    assert kinds("Prices may 5 times rise.") == []
    assert [k for k, _ in kinds("Nazirlər mayın 14-də görüşüb.")] == ["day_month"]


def test_dashes_between_numbers_that_are_no_date():
    assert kinds("Call 12-34-5678 for tickets.") == []
    assert kinds("In the 1990-2000 period trade grew.") == []
