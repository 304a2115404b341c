"""The main event's date: which sentence reports it and which of its dates is its own.

Every text here is written for these tests: a headline, a date line, then a lead.
"""

import datetime as dt
import re

import pytest

from articles.extraction import extract
from articles.extraction.dates import find_mentions
from articles.extraction.mentions import MentionKind

TODAY = dt.date(2026, 11, 23)


def article(text):
    return extract(text, today=TODAY)


def main_of(text):
    return next(e for e in article(text).events if e.main)


def dated(text):
    main = main_of(text)
    return main.date.iso(), main.date.precision, main.date.needs_review


# -- The event's own date beats the publication date ---------------------------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        # A report published weeks after the event it reports.
        (
            "Delegation in Baku\n\n20 May 2019\n\nOn May 3, the delegation of the Russian "
            "parliament arrived in Baku for talks on transport, its chairman said.\n",
            "2019-05-03",
        ),
        # "yesterday" with the calendar date beside it: the date in brackets.
        (
            "Minister travels\n\n15 March 2019\n\nThe foreign minister left for Moscow "
            "yesterday (14 March) to prepare the visit of the president.\n",
            "2019-03-14",
        ),
        # A dateline at the head of the lead, and a day of the lead's own.
        (
            "Gas talks\n\nBAKU, 12 March 2021 (Agency) - The energy ministers of the two "
            "countries held talks on Monday on gas transit, the ministry said.\n",
            "2021-03-08",
        ),
        # Wire style without "on".
        (
            "Leaders meet\n\nAugust 11, 2014\n\nThe Russian president held a meeting Sunday "
            "with the two leaders in the resort city.\n",
            "2014-08-10",
        ),
        (
            "Border\n\nJune 6, 2015\n\nThe deputy minister said Friday that the border crossing "
            "would reopen after repairs.\n",
            "2015-06-05",
        ),
    ],
)
def test_the_events_own_date_beats_the_publication_date(text, iso):
    main = main_of(text)
    assert main.date.iso() == iso, main.date.derivation
    assert main.date.precision == "day"


def test_a_meeting_told_before_an_announced_one_keeps_its_own_day():
    # 6 April 2022 is a Wednesday: "on Tuesday" comes first, and nothing announces it.
    main = main_of(
        "Talks\n\n6 April 2022\n\nThe two ministers met on Tuesday in Baku and will meet "
        "again in Moscow on Friday.\n"
    )
    assert (main.date.evidence, main.date.iso()) == ("on Tuesday", "2022-04-05")
    main = main_of(
        "Talks\n\n6 April 2022\n\nOn Friday, the two ministers will meet in Moscow to "
        "prepare the summit.\n"
    )
    assert main.date.iso() == "2022-04-08"


def test_the_dateline_in_the_lead_is_the_date_when_the_lead_has_no_other():
    main = main_of(
        "Gas talks\n\nBAKU, 12 March 2021 (Agency) - The energy ministers of the two "
        "countries held talks on gas transit, the ministry said.\n"
    )
    assert main.date.iso() == "2021-03-12"
    assert "no date of its own" in main.date.derivation


@pytest.mark.parametrize(
    "text",
    [
        "Prayers are held every Friday in the old mosque.",
        "The Friday prayers were cancelled.",
        "Good Friday fell late that year.",
        "They meet on a Sunday in spring.",
        "The exhibition is open to Friday.",
        "It was quieter than Sunday.",
    ],
)
def test_a_weekday_that_is_no_date(text):
    assert [m for m in find_mentions(text, today=TODAY) if m.kind == MentionKind.WEEKDAY] == []


@pytest.mark.parametrize(
    "text, iso",
    [
        # 3 April 2022 is a Sunday.
        (
            "Visit\n\n3 April 2022\n\nThe foreign minister will meet his counterpart in "
            "Moscow on Friday, the ministry said.\n",
            "2022-04-08",
        ),
        (
            "Visit\n\n3 April 2022\n\nThe prime minister is due to arrive in Baku on 5 May for "
            "talks on trade.\n",
            "2022-05-05",
        ),
        (
            "Visit\n\n3 April 2022\n\nThe delegation plans to visit the port on Monday, its "
            "head told reporters.\n",
            "2022-04-04",
        ),
        (
            "Visit\n\n6 April 2022\n\nThe two ministers meet in Baku next Tuesday to prepare "
            "the summit.\n",
            "2022-04-12",
        ),
        # The announcement's own day ("said on Monday") is not the planned meeting's.
        (
            "Talks\n\n6 April 2022\n\nThe ministry said on Monday that the two ministers will "
            "meet in Baku on Friday.\n",
            "2022-04-08",
        ),
    ],
)
def test_an_announced_meeting_is_dated_when_it_is_planned(text, iso):
    main = main_of(text)
    assert main.date.iso() == iso, main.date.derivation
    assert "planned" in main.date.derivation


# -- Background dates are not the event's ------------------------------------------------


def test_a_background_year_in_the_lead_is_not_the_events_date():
    main = main_of(
        "Visit\n\n7 May 2019\n\nThe president arrived in Baku on Tuesday, the first such "
        "visit since the 1994 ceasefire.\n"
    )
    assert main.date.iso() == "2019-05-07"
    main = main_of(
        "Talks\n\n6 May 2019\n\nThe two countries, which established diplomatic relations in "
        "1992, held talks on energy in Moscow.\n"
    )
    assert main.date.iso() == "2019-05-06"
    main = main_of(
        "Talks\n\n6 May 2019\n\nDiplomatic relations established in 1992 were the subject of "
        "talks in Moscow.\n"
    )
    assert main.date.iso() == "2019-05-06"


def test_a_background_year_without_an_article_date_leaves_the_date_open():
    main = main_of(
        "Talks\n\nThe two countries, which established diplomatic relations in 1992, held "
        "talks on energy in Moscow.\n"
    )
    assert main.date.iso() is None


def test_a_year_the_lead_reports_stays_the_events_date():
    main = main_of(
        "History\n\nRussia and Azerbaijan established diplomatic relations in 1992, after the "
        "collapse of the union.\n"
    )
    assert main.date.iso() == "1992"


def test_an_old_date_gives_way_to_a_lead_sentence_with_a_day_of_its_own():
    text = (
        "Compensation\n\n31 December 2024\n\nBaku has called for the prompt payment of "
        "compensation. The sides agreed on it at the meeting of the presidents in Sochi on "
        "9 October 2024. The matter was raised at talks in Moscow on Tuesday between "
        "Ambassador Polad Bulbuloglu and Deputy Foreign Minister Mikhail Galuzin.\n"
    )
    main = main_of(text)
    assert main.date.iso() == "2024-12-31", main.date.derivation  # a Tuesday
    assert "Tuesday" in main.date.evidence
    assert "Mikhail Galuzin" in main.participants


def test_last_year_gives_way_to_the_reports_own_day():
    main = main_of(
        "Tanks\n\nThe army began receiving the new tanks last year under contracts signed "
        "earlier. The news agency on Friday quoted the exporter's deputy head as saying more "
        "would follow.\n"
    )
    assert main.date.evidence == "on Friday"


def test_a_retrospective_keeps_its_old_date():
    main = main_of(
        "Ceasefire anniversary\n\n13 May 2007\n\nOn May 12, 1994 a ceasefire came into force "
        "in the conflict zone. It was signed by the defence ministers.\n"
    )
    assert main.date.iso() == "1994-05-12"


def test_today_in_a_sentence_that_reports_nothing_does_not_move_the_event():
    main = main_of(
        "Ceasefire anniversary\n\n13 May 2007\n\nOn May 12, 1994 a ceasefire came into force "
        "in the conflict zone. Today the line of contact is calm.\n"
    )
    assert main.date.iso() == "1994-05-12"


@pytest.mark.parametrize(
    "text, iso",
    [
        (
            "Встреча\n\n12 марта 2021\n\nВ январе 2021 года стороны подписали дорожную карту. "
            "Вчера министры провели переговоры в Москве.\n",
            "2021-03-11",
        ),
        (
            "Görüş\n\n12 mart 2021\n\nYol xəritəsi 2021-ci ilin 20 yanvar tarixində imzalanıb. "
            "Nazirlər dünən Moskvada görüşüblər.\n",
            "2021-03-11",
        ),
        (
            "Konsert\n\n12 mart 2021\n\nYol xəritəsi 2021-ci ilin 20 yanvar tarixində imzalanıb. "
            "Bu gün Bakıda konsert keçiriləcək.\n",
            "2021-03-12",
        ),
        # 12 March 2021 is a Friday.
        (
            "Встреча\n\n12 марта 2021\n\nВо вторник министры провели переговоры в Москве. "
            "Они обсудили торговлю.\n",
            "2021-03-09",
        ),
    ],
)
def test_russian_and_azerbaijani_relative_days(text, iso):
    main = main_of(text)
    assert main.date.iso() == iso, main.date.derivation


def test_russian_and_azerbaijani_meeting_words_choose_the_main_sentence():
    text = (
        "Визит\n\n12 марта 2021\n\nТорговля между странами выросла на десять процентов. "
        "Министры встретились в Москве 10 марта.\n"
    )
    assert main_of(text).date.iso() == "2021-03-10"
    text = (
        "Səfər\n\n12 mart 2021\n\nİki ölkə arasında ticarət artıb. Nazirlər 10 mart tarixində "
        "Moskvada görüşüblər.\n"
    )
    assert main_of(text).date.iso() == "2021-03-10"


# -- Day ranges and days just after the article's date ------------------------------------


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("The forum is on May 3-4 in Baku.", 3, 4),
        ("The forum met on 3–4 May 2019 in Baku.", 3, 4),
        ("The talks of 10th-11th August ended well.", 10, 11),
    ],
)
def test_a_range_of_days_names_its_first_day(text, first, last):
    mention = find_mentions(text, today=TODAY)[0]
    assert (mention.day, mention.last_day) == (first, last)


@pytest.mark.parametrize("text", ["Prices rose by May 5-7% a year.", "It fell on 5-3 May."])
def test_what_is_no_range_of_days(text):
    assert all(m.last_day is None for m in find_mentions(text, today=TODAY))


def test_an_event_over_a_range_of_days_starts_on_the_first():
    main = main_of(
        "Forum\n\n20 May 2019\n\nThe business forum in Baku on 3–4 May 2019 gathered "
        "three hundred companies.\n"
    )
    assert main.date.iso() == "2019-05-03"
    assert "3–4 May 2019" in main.date.derivation


@pytest.mark.parametrize(
    "lead",
    [
        "The summit takes place on August 11-12 in the port city.",
        "The summit opens in the port city on 12 August.",
    ],
)
def test_a_day_just_after_the_article_date_stays_in_its_year(lead):
    iso, precision, _ = dated(f"Summit\n\n09 August, 2018, 18:00\n\n{lead}\n")
    assert iso.startswith("2018-08-1") and precision == "day"


def test_a_day_just_after_the_article_date_told_as_past_is_not_moved_forward():
    iso, _, _ = dated(
        "Summit\n\n09 August, 2018\n\nThe leaders met in the port city on 12 August and "
        "signed a convention.\n"
    )
    assert iso != "2018-08-12"


# -- A vague lead narrowed by the next sentences -----------------------------------------


def test_a_month_lead_takes_the_day_the_next_sentences_give_within_it():
    assert dated(
        "Arrests\n\nIn March 2021, police in the capital detained six foreign nationals. "
        "They were charged with fraud. On 5 March a court remanded them in custody.\n"
    ) == ("2021-03-05", "day", True)


def test_a_date_outside_the_leads_month_does_not_narrow_it():
    assert dated(
        "Arrests\n\nIn March 2021, police in the capital detained six foreign nationals. "
        "On 5 April a court remanded them in custody for two months.\n"
    ) == ("2021-03", "month", False)


def test_recently_then_a_month_of_the_articles_year():
    iso, precision, review = dated(
        "Pipeline deal ends\n\nFriday, 28 June 2013\n\nThe two countries have recently ended "
        "a transit deal. In May, the government cancelled the contract for the pipeline.\n"
    )
    assert (iso, precision, review) == ("2013-05", "month", True)


def test_recently_is_not_narrowed_to_a_date_months_before():
    assert dated(
        "Talks\n\n12 March 2021\n\nThe ministers met recently in Moscow. On 1 January the "
        "treaty entered into force.\n"
    ) == ("2021", "year", True)


# -- Leads that give no date -------------------------------------------------------------


def test_has_happened_under_a_day_dateline_gives_the_month():
    main = main_of(
        "Culture days\n\n25 June 2024 16:28 (UTC+04:00)\n\nThe Days of Culture have kicked "
        "off at the palace in Baku, the agency reports.\n"
    )
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == (
        "2024-06",
        "month",
        True,
    )
    assert "or the day before" in main.date.derivation


def test_has_happened_on_the_first_of_a_month_gives_only_the_year():
    assert dated(
        "Culture days\n\n1 July 2024\n\nThe Days of Culture have opened in Baku, the agency "
        "reports. They last a week.\n"
    ) == ("2024", "year", True)


def test_has_happened_today_keeps_the_day():
    assert dated(
        "Culture days\n\n25 June 2024\n\nThe Days of Culture have opened in Baku today, the "
        "agency reports.\n"
    )[0] == ("2024-06-25")


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency says the president made the appeal but did not say when.",
        "The agency says the president made the appeal but does n-o-t say when.",
        "The two met at an undisclosed date in the capital.",
    ],
)
def test_a_report_that_does_not_say_when_gives_only_the_year(sentence):
    text = (
        "Appeal\n\nMoscow, April 4, 1997 (Agency) - Azerbaijan has urged Russia to recover "
        f"arms handed over illegally. {sentence}\n"
    )
    assert dated(text) == ("1997", "year", True)


# -- Honest derivations ------------------------------------------------------------------

_TEXTS = [
    "Delegation\n\n20 May 2019\n\nOn May 3, the delegation arrived in Baku.\n",
    "Culture\n\n25 June 2024\n\nThe festival has opened in Baku.\n",
    "Appeal\n\nMoscow, April 4, 1997 (Agency) - X has urged Y. He did not say when.\n",
    "Arrests\n\nIn March 2021, police detained six. On 5 March a court remanded them.\n",
    "Summit\n\n09 August, 2018\n\nThe summit takes place on August 11-12 in Aktau.\n",
    "Talks\n\n6 May 2019\n\nThe ministers held talks in Moscow.\n",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_every_derivation_is_in_plain_words(text):
    result = article(text)
    for derivation in [result.published.derivation] + [e.date.derivation for e in result.events]:
        assert derivation
        assert not re.search(r"\.(?:json|txt|py)\b|/|\b[a-z]+_[a-z_]+\b", derivation), derivation


def test_without_a_meeting_told_the_sentence_the_headline_names_is_the_main_one():
    text = (
        "Atlas Pages\n\nNaval Squadron Departure\n\n"
        "The squadron's stay in the port became disputed when its sailors were said to have "
        "taken part in a riot in March 1991. Demands for its recall grew over the summer. "
        "The last ships of the naval squadron began their departure in June 1992, ahead of "
        "the schedule.\n"
    )
    main = next(e for e in extract(text, today=dt.date(2026, 1, 1)).events if e.main)
    assert (main.date.year, main.date.month) == (1992, 6)


def test_a_lead_that_says_years_ago_never_leaves_the_article_s_day_certain():
    text = (
        "Talks\n\nMOSCOW, March 14, 2019 (Agency) - The two ministers first met five years ago "
        "in Kazan, when the pipeline was still a plan.\n"
    )
    main = next(e for e in extract(text, today=dt.date(2026, 1, 1)).events if e.main)
    assert main.date.needs_review


def test_an_undated_past_event_under_a_page_date_may_be_of_the_day_before():
    header = "Ministers meet in Kazan\n\n14 March 2019 10:05\n\n"
    past = extract(header + "The foreign ministers met in Kazan and discussed transport.\n").events
    main = next(e for e in past if e.main)
    assert (main.date.value.label, main.date.needs_review) == ("14 March 2019", True)
    assert "day before" in main.date.derivation
    # A wire report's own "CITY, date -" is filed the day it happened.
    wire = (
        "Ministers meet\n\nKAZAN, March 14, 2019 (Agency) - The foreign ministers met in Kazan.\n"
    )
    main = next(e for e in extract(wire).events if e.main)
    assert (main.date.value.label, main.date.needs_review) == ("14 March 2019", False)


def test_a_lead_that_says_only_has_happened_takes_today_from_the_next_sentence():
    text = (
        "Statements after talks, Kazan, August 26, 2020\n\nLadies and gentlemen,\n\n"
        "We have held useful talks with the minister. Today we discussed transport.\n"
    )
    main = next(e for e in extract(text, today=dt.date(2026, 1, 1)).events if e.main)
    assert (main.date.value.label, main.date.needs_review) == ("26 August 2020", True)
    # "Tomorrow they will ..." dates something else: only the month holds both days.
    text = text.replace("Today we discussed transport.", "Tomorrow they will discuss transport.")
    main = next(e for e in extract(text, today=dt.date(2026, 1, 1)).events if e.main)
    assert main.date.value.label == "August 2020"
