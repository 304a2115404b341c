"""Mentioned events: each shape of dated mention, on texts written for these tests, with one
that must become an event and one that must not. The article is dated Thursday 14 March 2019;
its lead sentence is the main event, so the sentence under test is the mention."""

import datetime as dt

import pytest

from articles.extraction import extract

TODAY = dt.date(2026, 11, 23)
HEADER = "Envoys of two countries confer again\n14 March 2019\n\n"
LEAD = "The foreign ministers of the two countries held talks in the capital on Thursday. "


def mentioned(body: str, *, lead: str = LEAD) -> list[tuple[str, bool]]:
    result = extract(HEADER + lead + body, today=TODAY)
    return [(e.date.iso(), e.date.needs_review) for e in result.events if not e.main]


def dates(body: str, **kwargs) -> list[str]:
    return [iso for iso, _ in mentioned(body, **kwargs)]


@pytest.mark.parametrize(
    "body, expected",
    [
        # Any past tense, not only a list of verbs; a clause that announces is not an event.
        ("Earlier this year, the envoy won praise at a forum abroad.", ["2019"]),
        ("Later this year, the envoy will attend a forum abroad.", []),
        ("In 2016 the company dropped the railway project.", ["2016"]),
        ("In 2021 the company is expected to finish the railway project.", []),
        ("The note issued on 4 March by the ministry angered the public.", ["2019-03-04"]),
        ("The note to be issued on 20 March will set out the terms.", []),
        ("The envoy, who came to the city in June, will return in May.", ["2018-06"]),
        # A year as a modifier of a happening.
        ("The court annulled a 2009 accord on transit fees.", ["2009"]),
        ("He wrote a 2009 book about the conflict.", []),
        ("The town’s 2000 residents left their homes.", []),
        # "last month", "N years ago".
        ("Last month, the defence minister announced an inquiry.", ["2019-02"]),
        ("Next month, the defence minister will announce the findings.", []),
        ("Two years ago the sides signed a trade deal.", ["2017"]),
        # The second year of "in X and Y".
        ("The commission gathered in 1997 and 1998 in the city.", ["1997", "1998"]),
        ("The commission gathered between 1997 and 1998 several times.", []),
        # A span is not a happening.
        ("From 2011 to 2014 the army bought tanks abroad.", []),
        # A day range: its first day, never the bare month.
        ("On May 4-5, 1994 the parliaments gathered in another capital.", ["1994-05-04"]),
        # Russian and Azerbaijani.
        ("Завод построили в 1985 году в горах.", ["1985"]),
        ("В 2025 году завод будет построен в горах.", []),
        ("10 лет назад он ушёл из правительства.", ["2009"]),
        ("Договоренность была достигнута в начале декабря.", ["2018-12"]),
        ("Вчера министры провели переговоры в Москве.", ["2019-03-13"]),
        ("Завтра министры проведут переговоры в Москве.", []),
        ("Баку направил Москве ноту 3 марта.", ["2019-03-03"]),
        ("Saziş dünən Bakıda imzalanıb.", ["2019-03-13"]),
        ("Saziş sabah Bakıda imzalanacaq.", []),
    ],
)
def test_mentioned_event_dates(body, expected):
    assert dates(body) == expected


def test_a_rounded_span_back_asks_for_review():
    assert mentioned("Two years ago the sides signed a trade deal.") == [("2017", True)]


def test_the_previous_day_in_the_main_sentence_is_an_event_of_its_own():
    lead = (
        "The president apologised on Thursday in a call with his counterpart for the "
        "attack on a convoy the previous day, the agency said. "
    )
    assert dates("The two also discussed trade.", lead=lead) == ["2019-03-13"]
    plain = "The president apologised on Thursday in a call with his counterpart. "
    assert dates("The two also discussed trade.", lead=plain) == []


def test_a_later_year_in_a_past_sentence_is_not_an_event():
    # "in 2020" after the article's date: a plan reported in the past tense.
    assert dates("The sides agreed in talks to hold elections in 2020.") == []
