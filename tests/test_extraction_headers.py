"""The article's own date in the header shapes pages print it in (texts written for these
tests): date lines, titles that end in a date, ranges, agency datelines, update stamps, glued
years, weekdays beside numeric dates, crawler lines, Russian and Azerbaijani datelines."""

import datetime as dt

import pytest

from articles.extraction import extract
from articles.extraction.dateline import header_mentions, looks_like_dateline
from articles.extraction.dates import find_mentions
from articles.extraction.layout import analyse, body_spans
from articles.extraction.mentions import MentionKind
from articles.extraction.text import sentences

TODAY = dt.date(2026, 11, 23)
LEAD = (
    "The foreign ministers of the two countries held talks in the capital and discussed "
    "trade, the ministry said.\n"
)


def published(text):
    date = extract(text, today=TODAY).published
    return date.iso(), date.precision, date.needs_review


def main_of(text):
    return next(e for e in extract(text, today=TODAY).events if e.main)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A title that ends in "City, Month D, YYYY" or "Place, D Month YYYY".
        (
            "Remarks by the minister at a press conference after talks with his colleague, "
            "Tbilisi, March 4, 2012\n\n" + LEAD,
            ("2012-03-04", "day", False),
        ),
        (
            "Statement by the delegation at the closing session, Geneva, 4 March 2012\n\n" + LEAD,
            ("2012-03-04", "day", False),
        ),
        # A long heading ending in " - Month D, YYYY".
        (
            "Opening remarks by the Minister of Foreign Affairs at the talks with the visiting "
            "delegation of the neighbouring country - March 3, 2001\n\n" + LEAD,
            ("2001-03-03", "day", False),
        ),
        # No space between the day and the year.
        ("Talks in the capital\n\nMarch 4,2012 14:05\n\n" + LEAD, ("2012-03-04", "day", False)),
        # Day and month on one line, the year on the next.
        ("Talks in the capital\n\n4 March\n2012\n\n" + LEAD, ("2012-03-04", "day", False)),
        # A dot after the day.
        ("Talks in the capital\n\n4. March 2012. | 10:15\n\n" + LEAD, ("2012-03-04", "day", False)),
        # The year glued to the time, and to a word.
        ("6 April 201622:19\n\nTalks in the capital\n\n" + LEAD, ("2016-04-06", "day", False)),
        ("Talks in the capital\n\nArchive 200911/07/2009\n\n" + LEAD, ("2009", "year", True)),
        # Turkish month names.
        ("Talks in the capital\n\n17 Nisan 2024\n\n" + LEAD, ("2024-04-17", "day", False)),
        ("Talks in the capital\n\n3 Şubat 2023 14:10\n\n" + LEAD, ("2023-02-03", "day", False)),
        # Azerbaijani "-cu il".
        ("Danışıqlar\n\n14 mart 2019-cu il\n\n" + LEAD, ("2019-03-14", "day", False)),
    ],
)
def test_header_lines_give_the_articles_date(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "title, iso",
    [
        ("Regional conference on energy security (March 3 - 5, 1999)", "1999-03-03"),
        ("Forum of the border regions, 27–29 November 2018", "2018-11-27"),
        ("Joint exercises of the two navies, 30 March - 2 April 2019", "2019-03-30"),
        ("Winter session of the commission, December 30 - January 2, 1999", "1998-12-30"),
    ],
)
def test_a_range_in_a_title_gives_its_first_day(title, iso):
    assert published(f"{title}\n\n{LEAD}") == (iso, "day", False)


def test_a_range_without_a_year_keeps_day_and_month_only():
    found = header_mentions("Forum of the regions, 27–29 November", 0, 38)
    assert [(m.kind, m.month, m.day) for m in found] == [(MentionKind.DAY_MONTH, 11, 27)]
    assert header_mentions("Final score 3 - 5", 0, 17) == []


def test_a_day_in_the_middle_of_a_title_is_not_the_articles_date():
    # The title dates the visit it announces, not the page.
    text = (
        "Putin to visit Baku on March 5, 2012 for talks on the Caspian\n\nThe Kremlin said "
        "the president would travel to the Azerbaijani capital next month.\n"
    )
    assert published(text)[0] is None
    assert not looks_like_dateline("Medvedev and Aliyev to meet in Sochi on June 24 - Kremlin")
    assert looks_like_dateline("Published: 4 March 2012 | 10:15")


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("Vienna, 14 March 2003 (AFP) -- ", ("2003-03-14", "day", False)),
        ("Baku/05/17/19/Agency: ", ("2019-05-17", "day", False)),
        ("Baku/16.12.13/Agency : ", ("2013-12-16", "day", False)),
        ("TBILISI, Georgia, May 7, 2014 - ", ("2014-05-07", "day", False)),
    ],
)
def test_agency_datelines_before_the_first_sentence(lead, expected):
    assert published("Talks\n\n" + lead + LEAD) == expected


def test_the_dateline_is_cut_from_the_first_sentence():
    # The weekday of the lead counts from the dateline; the dateline is not its date.
    text = (
        "Envoys received\n\nBaku/16.12.13/Agency : The president on Sunday received the "
        "envoys of the mediating countries, his press service said.\n"
    )
    main = main_of(text)
    assert (main.date.iso(), main.date.precision) == ("2013-12-15", "day")
    reading_text = text[main.evidence_start : main.evidence_end]
    assert reading_text.startswith("The president on Sunday")


def test_a_dateline_that_is_a_sentence_of_its_own_stays_one():
    text = "Talks\n\nBAKU, May 7, 2014. The ministers met in Baku and discussed trade.\n"
    layout = analyse(text)
    assert layout.lead_start == 0
    assert published(text) == ("2014-05-07", "day", False)


@pytest.mark.parametrize(
    "lead, day",
    [
        ("МОСКВА, 14 марта 2019. /ТАСС/. ", "2019-03-14"),
        ("Баку, 5 мая 2021 - АПА. ", "2021-05-05"),
    ],
)
def test_russian_agency_datelines(lead, day):
    text = f"Переговоры\n\n{lead}Министры иностранных дел двух стран провели переговоры.\n"
    assert published(text) == (day, "day", False)


@pytest.mark.parametrize("lead", ["МОСКВА, 14 марта. /ТАСС/. ", "Баку, 5 мая - АПА. "])
def test_a_russian_dateline_without_a_year_is_found_but_dates_nothing(lead):
    text = f"Переговоры\n\n{lead}Министры иностранных дел двух стран провели переговоры.\n"
    date = extract(text, today=TODAY).published
    assert date.iso() is None and date.needs_review
    assert "has no year" in date.derivation


def test_the_publication_line_not_the_update():
    text = "Talks\n\nPublished: 4 March 2012\nLast Modified: 6 March 2012\n\n" + LEAD
    assert published(text) == ("2012-03-04", "day", False)
    one_line = "Talks\n\n10:05 4.3.2012 (updated: 11:20 6.3.2012)\n\n" + LEAD
    assert published(one_line) == ("2012-03-04", "day", False)
    russian = "Переговоры\n\n10:05 04.03.2012 (обновлено: 11:20 06.03.2012)\n\n" + LEAD
    assert published(russian) == ("2012-03-04", "day", False)


def test_an_update_alone_never_dates_the_event():
    main = main_of("Talks\n\nUpdated: 6 March 2012 10:00\n\n" + LEAD)
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == (None, "unknown", True)
    # An archive's copy of an old report carries this year's stamp: not even its year.
    archived = (
        "Putin arrives in Baku\n\nLast Updated: 07/27/2016\n\nThe Russian president arrived "
        "in Baku on Tuesday for his first official visit and talks with President Heydar Aliyev.\n"
    )
    result = extract(archived, today=TODAY)
    assert result.published.precision == "unknown"
    main = next(e for e in result.events if e.main)
    assert (main.date.year, main.date.needs_review) == (None, True)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Thu, 03/05/2015", ("2015-03-05", "day", False)),  # 5 March 2015 was a Thursday
        ("Sunday, 03/05/2015", ("2015-05-03", "day", False)),  # 3 May 2015 was a Sunday
        ("03/05/2015 (Thursday)", ("2015-03-05", "day", False)),
        ("03/05/2015", ("2015", "year", True)),  # nothing settles the order
        ("Mon, 03/05/2015", ("2015", "year", True)),  # neither reading is a Monday
        ("05/05/2015", ("2015-05-05", "day", False)),  # both readings agree
    ],
)
def test_a_weekday_beside_a_numeric_date_settles_its_order(line, expected):
    assert published(f"Talks\n\n{line}\n\n{LEAD}") == expected


def test_a_crawler_line_dates_the_article_and_is_never_a_sentence():
    text = " date 2015-09-15 " + LEAD + "\nThe sides agreed to meet again next year.\n"
    result = extract(text, today=TODAY)
    assert (result.published.iso(), result.published.precision) == ("2015-09-15", "day")
    layout = analyse(text)
    assert all("2015-09-15" not in text[s:e] for s, e in sentences(text, body_spans(text, layout)))
    assert layout.body_start == text.index("The foreign")


def test_a_crawler_line_gives_the_year_a_lead_dateline_lacks():
    text = " date 2017-11-20 BAKU, November 20 (Agency) - " + LEAD
    assert published(text) == ("2017-11-20", "day", False)


def test_the_site_name_on_a_crawler_line_is_not_the_title():
    text = " date 2019-04-02 The Daily Site\nMinisters meet in the capital\n\n" + LEAD
    result = extract(text, today=TODAY)
    assert result.title == "Ministers meet in the capital"
    assert result.published.iso() == "2019-04-02"


def test_the_word_date_inside_the_text_is_no_crawler_line():
    text = "Talks\n\nThe ministers agreed the date 2015-09-15 for the next round of talks.\n"
    assert published(text)[0] is None


def test_a_date_line_inside_the_first_paragraph():
    text = (
        "Ministers meet in the capital to discuss trade and transit routes across the region\n"
        "4 March 2012\n" + LEAD
    )
    result = extract(text, today=TODAY)
    assert (result.published.iso(), result.published.precision) == ("2012-03-04", "day")
    assert result.title.startswith("Ministers meet")
    assert text[result.body_start :].startswith("The foreign ministers")


def test_a_date_wrapped_inside_a_lead_sentence_does_not_split_it():
    text = (
        "Talks\n\nThe ministers met in the capital on\n4 March 2012\nand agreed to expand "
        "trade, the ministry said.\n"
    )
    layout = analyse(text)
    assert text[layout.body_start :].startswith("The ministers met")


@pytest.mark.parametrize(
    "name",
    ["Jeyhun Bayramov", "Jeyhun Bairamov", "Ceyhun Bayramov"],
)
@pytest.mark.parametrize("head", ["Talks\n\n5 March\n\n", "Talks\n\nBAKU, March 5 (Agency) - "])
def test_weekday_and_office_fix_the_year_whatever_the_spelling(name, head):
    text = (
        f"{head}Azerbaijani Foreign Minister {name} on Friday received the envoy of the "
        "neighbouring country, the ministry said.\n"
    )
    date = extract(text, today=TODAY).published
    assert (date.iso(), date.needs_review) == ("2021-03-05", True), date.derivation


@pytest.mark.parametrize("name", ["Heydar Aliyev", "Heidar Aliev"])
def test_weekday_and_office_of_the_former_president_whatever_the_spelling(name):
    text = (
        f"Talks\n\n12 March\n\nAzerbaijani President {name} on Friday received the envoy of "
        "the neighbouring country.\n"
    )
    assert extract(text, today=TODAY).published.iso() == "1999-03-12"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Baku/16.12.13/Agency", MentionKind.FULL),
        ("Archive 200911/07/2009", MentionKind.NUMERIC_AMBIGUOUS),
        ("6 May 201714:05", MentionKind.FULL),
        ("4. June 2011.", MentionKind.FULL),
        ("June 4,2011 10:00", MentionKind.FULL),
    ],
)
def test_grammar_of_glued_and_slashed_dates(text, kind):
    assert [m.kind for m in find_mentions(text, today=TODAY)] == [kind]


@pytest.mark.parametrize("text", ["Archive 200811/07/2009", "code 12345/06/2009", "v2.4/05/2019"])
def test_a_date_glued_to_another_number_is_not_a_date(text):
    assert not [m for m in find_mentions(text, today=TODAY) if m.year == 2009 or m.year == 2019]


def test_a_title_date_contradicted_by_a_later_year_needs_review():
    text = (
        "Remembering the tragedy of the town, February 26, 1992\n\nOn the anniversary, "
        "officials laid wreaths in the capital; a memorial opened there in 2010.\n"
    )
    date = extract(text, today=TODAY).published
    assert (date.iso(), date.needs_review) == ("1992-02-26", True)
    assert "2010" in date.derivation


@pytest.mark.parametrize(
    "lead, day",
    [
        ("Bakı, 14 mart 2019-cu il, APA. ", "2019-03-14"),
        ("МОСКВА, 14 марта 2019 г. /ТАСС/. ", "2019-03-14"),
    ],
)
def test_a_year_word_after_the_dateline(lead, day):
    text = f"Danışıqlar\n\n{lead}Nazirlər Bakıda danışıqlar aparıblar.\n"
    assert published(text) == (day, "day", False)


def test_next_year_named_by_its_number_completes_a_datelines_year():
    text = (
        "Talks\n\nMoscow, 20 December - Agency.\n\nThe ministers met in Moscow. They want to "
        "sum up the outgoing year and plan their work for the beginning of 2019, the "
        "ministry said.\n"
    )
    date = extract(text, today=TODAY).published
    assert (date.iso(), date.needs_review) == ("2018-12-20", True)
    assert "outgoing year" in date.derivation
    russian = (
        "Переговоры\n\nМосква, 20 декабря - Агентство.\n\nМинистры встретились в Москве. "
        "Они хотят подвести итоги уходящего года и наметить планы на начало 2019 года.\n"
    )
    assert extract(russian, today=TODAY).published.iso() == "2018-12-20"


def test_next_year_alone_never_dates_an_article():
    text = (
        "Tanks\n\nDeliveries of the tanks will be completed early next year. The last "
        "batch will arrive in the beginning of 2015, the official said.\n"
    )
    assert extract(text, today=TODAY).published.iso() is None


def test_a_past_start_of_a_year_far_from_next_year_is_no_clue():
    text = (
        "Talks\n\nMoscow, 20 December - Agency.\n\nThe ministers will meet again next year. "
        "They discussed trade. Trade grew. Exports rose. Deliveries began in the beginning of "
        "2015, the ministry said.\n"
    )
    assert extract(text, today=TODAY).published.iso() is None


@pytest.mark.parametrize(
    "lead",
    [
        "The ministers met in Baku on 5 May 2019.\nThey discussed trade and transit, the "
        "ministry said.",
        "TBILISI, Georgia, May 7, 2014 - The ministers met on Tuesday\nand discussed trade "
        "and transit, the ministry said.",
    ],
)
def test_a_short_first_line_of_the_lead_with_a_date_stays_in_the_body(lead):
    text = f"Ministers meet in the capital\n\n{lead}\n"
    layout = analyse(text)
    assert text[layout.body_start :].startswith(lead[:20])


def test_the_date_under_the_title_not_the_sites_clock_above_it():
    text = "Monday, 14 June 2024\n\nMinisters meet in the capital\n\n16 May 2024\n\n" + LEAD
    assert published(text) == ("2024-05-16", "day", False)
    alone = "14 June 2024 10:05\n\nMinisters meet in the capital\n\n" + LEAD
    assert published(alone) == ("2024-06-14", "day", False)


def test_a_crawler_line_with_the_month_only_dates_the_article_to_the_month():
    text = (
        " date 2021-04 + share\n\nMinisters meet in Kazan\n\nThe foreign ministers of the two "
        "countries met in Kazan on April 1 and discussed regional issues.\n"
    )
    result = extract(text, today=dt.date(2026, 1, 1))
    assert (result.title, result.published.value.label) == ("Ministers meet in Kazan", "April 2021")
    main = next(e for e in result.events if e.main)
    assert main.date.value.label == "1 April 2021"


def test_a_crawler_line_that_runs_into_the_lead_names_no_place_of_its_own():
    text = (
        " date 2021-04 The governor of the Tula region met the delegation from Kazan and "
        "discussed trade.\n\nThe talks lasted two hours.\n"
    )
    main = next(e for e in extract(text, today=dt.date(2026, 1, 1)).events if e.main)
    assert main.place is None
