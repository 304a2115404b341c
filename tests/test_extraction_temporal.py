"""The temporal tagger: each date expression of an article with its TIMEX3 value, on sentences
written for these tests (the article is dated Thursday 14 March 2019 unless said otherwise)."""

import datetime as dt

import pytest

from articles.extraction import extract
from articles.extraction.timex import html_datetime, season_value, weekend_value
from articles.extraction.types import DAY, DateClaim

TODAY = dt.date(2026, 11, 23)
HEADER = "Ministers of two countries meet again\n14 March 2019\n\n"
LEAD = "The foreign ministers of the two countries held talks in the capital on Thursday. "


def tags(body: str, header: str = HEADER) -> list:
    text = header + LEAD + body
    result = extract(text, today=TODAY)
    start = len(header + LEAD)
    return [d for d in result.dates if d.start >= start]


def tag(body: str, words: str, header: str = HEADER):
    found = [d for d in tags(body, header) if d.text == words]
    assert len(found) == 1, [(d.text, d.value) for d in tags(body, header)]
    return found[0]


# (sentence, the expression as tagged, its value, its mod)
CASES = [
    # a bare weekday after a verb
    ("The minister said Friday that the talks had gone well.", "Friday", "2019-03-08", None),
    ("The two leaders met Sunday with their advisers in the city.", "Sunday", "2019-03-10", None),
    ("The envoy flew home Tuesday.", "Tuesday", "2019-03-12", None),
    # a year as a modifier
    ("The sides had signed a 2015 agreement on transit in the city.", "2015", "2015", None),
    ("His 2003 election was disputed by the opposition parties.", "2003", "2003", None),
    ("The country’s 2008 crisis was long over by then.", "2008", "2008", None),
    ("Both recalled the 2020 Karabakh war in their speeches.", "2020", "2020", None),
    # year ranges
    ("Trade grew steadily in 2011-2012, officials said.", "2011", "2011", None),
    ("Trade grew steadily in 2011-2012, officials said.", "2012", "2012", None),
    ("The 1994-95 talks produced a truce in the region.", "95", "1995", None),
    ("The plan covers the years 2024–2026 and more.", "2026", "2026", None),
    # weeks and weekends
    ("Officials spoke twice this week about the route.", "this week", "2019-W11", None),
    ("Officials spoke last week about the route.", "last week", "2019-W10", None),
    ("Officials will speak again next week about the route.", "next week", "2019-W12", None),
    ("The delegation arrived last weekend in the city.", "last weekend", "2019-W10-WE", None),
    ("The plant was opened two weeks ago by the minister.", "two weeks ago", "2019-W09", None),
    # seasons
    ("The pipeline was damaged last summer by a flood.", "last summer", "2018-SU", None),
    ("The talks will resume next autumn, the ministry said.", "next autumn", "2019-FA", None),
    ("The deal was signed in spring this year.", "spring this year", "2019-SP", None),
    ("The project started in the summer of 2016.", "summer of 2016", "2016-SU", None),
    ("Work began in early summer 2017 near the coast.", "early summer 2017", "2017-SU", "START"),
    ("The ferry stopped running last winter.", "last winter", "2019-WI", None),
    # decades and centuries
    ("The bridge was built in the 1990s by a Soviet firm.", "the 1990s", "199", None),
    ("Both states emerged in the early 1990s as republics.", "the early 1990s", "199", "START"),
    ("The border was drawn in the 20th century by an empire.", "the 20th century", "19", None),
    (
        "The fort dates from the nineteenth century, guides say.",
        "the nineteenth century",
        "18",
        None,
    ),
    # now, today
    ("Trade is now growing fast, the minister added.", "now", "PRESENT_REF", None),
    ("The crossing is currently closed to lorries.", "currently", "PRESENT_REF", None),
    ("Today the ministers opened a new bridge.", "Today", "2019-03-14", None),
    # the tense chooses the direction
    ("The ministers will meet on Friday in the city.", "Friday", "2019-03-15", None),
    ("The summit is due to open on Friday, officials said.", "Friday", "2019-03-15", None),
    ("The minister plans to travel to the city in April.", "April", "2019-04", None),
    ("The minister travelled to the city in April.", "April", "2018-04", None),
    ("He said on Monday that the talks will resume on Friday.", "Monday", "2019-03-11", None),
    ("He said on Monday that the talks will resume on Friday.", "Friday", "2019-03-15", None),
    # modifiers in the span
    ("The two sides spoke in early October about prices.", "early October", "2018-10", "START"),
    ("The accord was signed at the end of 2015 in the city.", "the end of 2015", "2015", "END"),
    ("Prices rose in mid-2016, traders recalled.", "mid-2016", "2016", "MID"),
    ("Prices stayed high through September, traders said.", "September", "2018-09", None),
    # relative spans and counted days
    ("Trade rose five percent last month, the office said.", "last month", "2019-02", None),
    ("The ministers spoke three days ago by telephone.", "three days ago", "2019-03-11", None),
    ("The committee sat two months ago in the city.", "two months ago", "2019-01", None),
    (
        "On 5 March the envoy arrived; the previous day he saw the minister.",
        "the previous day",
        "2019-03-04",
        None,
    ),
    ("The two sides traded in July of this year.", "July of this year", "2019-07", None),
    ("The commission sat in 1997 and 1998 in the city.", "1998", "1998", None),
    ("The commission sat in April and June in the city.", "June", "2018-06", None),
    # day ranges
    ("On May 4-5, 1994 the parliaments met in the city.", "May 4", "1994-05-04", None),
    ("On May 4-5, 1994 the parliaments met in the city.", "5, 1994", "1994-05-05", None),
    # Russian and Azerbaijani
    ("Завод построили в 1985 году в горах.", "1985 году", "1985", None),
    ("Министры провели переговоры вчера в столице.", "вчера", "2019-03-13", None),
    ("Соглашение подписали 10 лет назад в Москве.", "10 лет назад", "2009", None),
    ("Договоренность была достигнута в начале декабря.", "начале декабря", "2018-12", "START"),
    ("Посол приехал в Москву в пятницу утром.", "пятницу", "2019-03-08", None),
    ("Мост построили в конце 2015 года.", "конце 2015 года", "2015", "END"),
    ("Граница сложилась в XX веке.", "XX веке", "19", None),
    (
        "Saziş 2016-cı ilin 22 yanvar tarixində imzalanıb.",
        "2016-cı ilin 22 yanvar tarixində",
        "2016-01-22",
        None,
    ),
    ("Nazirlər dünən Bakıda görüşüblər.", "dünən", "2019-03-13", None),
    # What is recent has happened, though the sentence speaks of what will be done.
    (
        "We will review the results of the recent talks (in Oslo on October 16), he said.",
        "October 16",
        "2018-10-16",
        None,
    ),
    ("Мы обсудим итоги недавней встречи (в Осло 16 октября).", "16 октября", "2018-10-16", None),
]


@pytest.mark.parametrize("sentence, words, value, mod", CASES)
def test_expression_values(sentence, words, value, mod):
    found = tag(sentence, words)
    assert (found.value, found.mod) == (value, mod)


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("A 2015-strong crowd gathered outside the embassy.", "2015"),
        ("Drivers took Route 2015 to reach the border post.", "2015"),
        ("The 2000 residents of the village were moved away.", "2000"),
        ("A 1900 km border runs along the river.", "1900"),
        ("Call the embassy on +994 12 555 2015 for details.", "2015"),
        ("The hotline 555-2015-2016 was busy all day.", "2015"),
        ("He served as an envoy for 5 years in the region.", "5 years"),
        ("The minister is in his 50s and lives in the city.", "50s"),
        ("The office code is 2015-05 and the room is on the left.", "2015"),
        ("Every Friday the ministers exchange letters.", "Friday"),
        ("Pilgrims gathered on Good Friday in the old town.", "Friday"),
        ("The minister gave an interview to the Sunday Times about it.", "Sunday"),
        ("Crowds marked Bloody Sunday with a march.", "Sunday"),
        ("The fall of the empire changed the region.", "fall"),
        ("The spring water is bottled in the mountains.", "spring"),
        ("It was a now-defunct agency that signed the deal.", "now"),
        ("They called the day before the vote a day of silence.", "the day before"),
    ],
)
def test_what_is_not_a_date(sentence, words):
    assert not [d for d in tags(sentence) if words in d.text], tags(sentence)


def test_resolutions_say_how():
    found = {d.text: d for d in tags("The treaty of 2005 was cited last year; talks are now on.")}
    assert found["2005"].resolution == "explicit"
    assert found["last year"].resolution == "relative to the article's date"
    assert (found["last year"].value, found["now"].resolution) == ("2018", "the time of writing")


def test_an_undated_article_leaves_the_year_open():
    text = (
        "Ministers of two countries meet again\n\n" + LEAD + "They spoke on Friday and in October."
    )
    found = {d.text: d for d in extract(text, today=TODAY).dates}
    assert (found["Friday"].value, found["Friday"].resolution) == ("XXXX-WXX-5", "unresolved")
    assert found["October"].value == "XXXX-10"
    assert found["Thursday"].value == "XXXX-WXX-4"  # the lead's own weekday


def test_a_day_close_ahead_in_the_present_tense_keeps_the_year():
    found = tag("The summit takes place on March 20 in the port city.", "March 20")
    assert found.value == "2019-03-20"


def test_the_header_is_tagged_but_not_sidebars():
    text = (
        HEADER
        + LEAD
        + "The ministers agreed on a plan.\n\nLatest news\n12 March 2019 Other story\n"
    )
    result = extract(text, today=TODAY)
    assert [d.text for d in result.dates] == ["14 March 2019", "Thursday"]
    assert result.to_json("a.txt")["dates"][0] == {
        "start": len("Ministers of two countries meet again\n"),
        "end": len("Ministers of two countries meet again\n14 March 2019"),
        "text": "14 March 2019",
        "value": "2019-03-14",
        "resolution": "explicit",
        "mod": None,
    }


def test_offsets_are_in_the_raw_text():
    text = HEADER + LEAD + "Trade grew in 2011-2012 and in the 1990s."
    for d in extract(text, today=TODAY).dates:
        assert text[d.start : d.end] == d.text


def test_timex_helpers():
    ref = DateClaim(DAY, 2019, 3, 14)
    assert season_value("SU", "last", ref, future=False) == "2018-SU"
    assert season_value("WI", "this", ref, future=False) == "2019-WI"
    assert season_value("SU", "in", ref, future=True) == "2019-SU"
    assert weekend_value(dt.date(2019, 3, 11), -1) == "2019-W10-WE"  # a Monday
    assert html_datetime("2019-W10") and html_datetime("2019") and not html_datetime("2019-SU")
    assert not html_datetime("XXXX-10") and not html_datetime(None)


def test_rules_run_only_near_their_triggers_yet_find_the_same(monkeypatch):
    from articles.extraction import temporal

    text = HEADER + LEAD + " ".join(sentence for sentence, *_ in CASES)
    windowed = extract(text, today=TODAY).dates
    monkeypatch.setattr(temporal, "_windows", lambda text, start, end, low, trigger: [(start, end)])
    assert extract(text, today=TODAY).dates == windowed


@pytest.mark.parametrize(
    "sentence",
    [
        "They met on February 28-29 and again on 30-31 February.",
        "The 1999-00 season, the 2099-2100 plan and 31 December 9999.",
        "в начале  декабря, в XXXXXX веке, the 99th century, mid-May, the '20s.",
    ],
)
def test_odd_dates_never_break_extraction(sentence):
    for header in (HEADER, "Title only\n\n", "A title\n29 February 2016\n\n"):
        result = extract(header + LEAD + sentence, today=TODAY)
        for d in result.dates:
            assert isinstance(d.resolution, str)
        for event in result.events:
            event.date.interval()
