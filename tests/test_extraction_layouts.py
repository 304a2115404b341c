"""Datelines and lead dates in the shapes other outlets use (texts written for these tests)."""

import datetime as dt

import pytest

from articles.extraction import extract
from articles.extraction.places import place_of

TODAY = dt.date(2026, 11, 23)


def main_of(text):
    return next(e for e in extract(text, today=TODAY).events if e.main)


@pytest.mark.parametrize(
    "text, iso, precision, review",
    [
        # A date line under the headline, with the place after it.
        (
            "Meeting with the President of Azerbaijan\n\nNovember 26, 2021, Sochi\n\n"
            "Vladimir Putin held a meeting with President of Azerbaijan Ilham Aliyev.\n",
            "2021-11-26",
            "day",
            False,
        ),
        # Numeric date and a time, day first: the page's date, and the meeting told in the past
        # may have been the day before.
        (
            "Aliyev receives Lavrov\n\n12.03.2021 | 14:05\n\nPresident Ilham Aliyev received "
            "Russian Foreign Minister Sergei Lavrov in Baku, the press service reported.\n",
            "2021-03-12",
            "day",
            True,
        ),
        # A byline with the date; the lead says "on Monday".
        (
            "Corridor agreed\n\nJane Writer Jan 12, 2021\n\nRussian and Azerbaijani officials "
            "agreed on a new transport corridor during talks in Moscow on Monday.\n",
            "2021-01-11",
            "day",
            False,
        ),
        # "yesterday" counts from the dateline.
        (
            "Lavrov visits Baku\n\n14 June 2019 - 10:00\n\nSergey Lavrov held talks with Elmar "
            "Mammadyarov in Baku yesterday, the ministry said.\n",
            "2019-06-13",
            "day",
            False,
        ),
        # The lead dates the event to a month: never the dateline's day.
        (
            "Trade grows\n\nPublished: 5 April 2024\n\nTrade grew by 10% last month, officials "
            "said. The two presidents met in Moscow in January and agreed to expand trade.\n",
            "2024-01",
            "month",
            False,
        ),
        # An announced visit is dated when it is planned.
        (
            "Aliyev to visit Moscow\n\n3 April 2022\n\nPresident Ilham Aliyev will pay an "
            "official visit to Moscow on April 21, the administration said.\n",
            "2022-04-21",
            "day",
            False,
        ),
        # Day and month could be either way round: only the year is claimed.
        (
            "Talks in Moscow\n\nPosted 03/12/2019\n\nThe foreign ministers of Russia and "
            "Azerbaijan held talks in Moscow, the ministry said.\n",
            "2019",
            "year",
            True,
        ),
        # A city dateline with an agency.
        (
            "Gas deal\n\nBAKU, 5 October 2021 (Agency) - Azerbaijan and Russia signed a gas "
            "supply agreement on Tuesday, the energy minister said.\n",
            "2021-10-05",
            "day",
            False,
        ),
    ],
)
def test_dateline_shapes(text, iso, precision, review):
    main = main_of(text)
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == (
        iso,
        precision,
        review,
    ), main.date.derivation


@pytest.mark.parametrize(
    "text",
    [
        "Gas deal\n\nBAKU, Oct 5 (Agency) - Azerbaijan and Russia signed a gas deal on Tuesday.\n",
        "Talks\n\nMOSCOW, November 9. /Agency/. The two presidents discussed the region by "
        "phone on Monday, the Kremlin said.\n",
        "Visit\n\nThe minister arrived in Baku on Tuesday for a two-day visit, his first.\n",
    ],
)
def test_no_year_anywhere_means_no_date(text):
    main = main_of(text)
    assert main.date.iso() is None and main.date.needs_review


def test_a_time_of_day_in_the_dateline_is_not_a_date():
    main = main_of("Talks\n\n15:42\n\nThe ministers met in Baku and discussed trade.\n")
    assert main.date.iso() is None


@pytest.mark.parametrize(
    "lead",
    [
        "Baku, 12 March 2021, AZERTAC. President Ilham Aliyev received the envoy in Baku.",
        "Baku. 12 March 2021. Agency/ President Ilham Aliyev received the envoy in Baku.",
        "MOSCOW, March 12, 2021 /Agency/. Sergey Lavrov received the envoy in Moscow.",
    ],
)
def test_agency_datelines_at_the_start_of_the_body(lead):
    result = extract(f"Envoy received\n\n{lead}\n", today=TODAY)
    assert result.published.iso() == "2021-03-12"


def test_a_dateline_contradicted_by_an_anniversary_needs_review():
    text = (
        "Leaders meet\n\n25 May 2023 - 10:00\n\nThe leaders met in Baku on May 25 to mark "
        "the tenth anniversary of the accord signed on June 3, 2010.\n"
    )
    main = main_of(text)
    assert main.date.iso() == "2023-05-25" and main.date.needs_review
    assert "2020" in main.date.derivation


def test_place_from_the_dateline_when_the_lead_names_none():
    text = (
        "Meeting with the President of Azerbaijan\n\nNovember 26, 2021, Sochi\n\n"
        "Vladimir Putin held a meeting with President of Azerbaijan Ilham Aliyev.\n"
    )
    assert main_of(text).place == "Sochi"
    call = text.replace("held a meeting with", "had a telephone conversation with")
    assert main_of(call).place is None  # a phone call happens nowhere in particular


def test_a_sidebar_scraped_above_the_article_does_not_date_it():
    sidebar = "".join(
        f"Other story number {i}\n\n{i + 1} September 2023 - 10:{i:02d}\n\n" for i in range(6)
    )
    undated = (
        f"Latest news\n\n{sidebar}Ministers meet\n\nThe ministers met in Baku and "
        "discussed trade, the ministry said.\n"
    )
    assert main_of(undated).date.iso() is None
    dated = undated.replace("Ministers meet\n\n", "Ministers meet\n\n14 March 2021\n\n")
    assert main_of(dated).date.iso() == "2021-03-14"


def test_interface_tags_leave_the_title():
    result = extract(
        "Leaders meet in Sochi (Video, Photo, Updated)\n\nThe leaders met in Sochi "
        "and discussed trade, the Kremlin said.\n",
        today=TODAY,
    )
    assert result.title == "Leaders meet in Sochi"


def test_a_vague_time_keeps_only_the_year():
    main = main_of(
        "Talks\n\n14 March 2021\n\nThe ministers met in Baku ten days ago, the "
        "ministry said on its website.\n"
    )
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == ("2021", "year", True)
    assert "ten days ago" in main.date.derivation


def test_the_publication_date_not_the_update():
    text = (
        "Talks\n\nUpdated 27 November 2021 09:00\n\nPublished 26 November 2021\n\n"
        "The ministers met in Baku and discussed trade, the ministry said.\n"
    )
    assert main_of(text).date.iso() == "2021-11-26"


def test_a_later_year_in_a_report_of_the_past_does_not_date_the_event():
    main = main_of(
        "Plans\n\n1 March 2021\n\nThe ministers met in Baku and prepared for the "
        "30th anniversary of diplomatic relations next year.\n"
    )
    assert main.date.iso() == "2021-03-01"
    main = main_of(
        "Visit\n\n3 April 2022\n\nPresident Vladimir Putin will visit Baku next "
        "year, the Kremlin said.\n"
    )
    assert main.date.iso() == "2023"


def test_the_place_of_a_title_that_ends_in_a_place_and_a_date():
    text = (
        "Statements after talks with the Foreign Minister, Kazan, August 26, 2020\n\n"
        "Ladies and gentlemen,\n\nWe have held useful talks with the minister.\n"
    )
    assert main_of(text).place == "Kazan"


def test_a_city_that_hosted_the_event_is_its_place():
    text = "Forum\n\nThe forum of the regions opened on Thursday. Kazan hosted it for two days.\n"
    assert place_of("Kazan hosted the forum of the regions.") == "Kazan"
    assert place_of("The Kazan Hotel hosted nobody.") is None
    assert main_of(text).place == "Kazan"


def test_a_visit_still_to_come_is_where_it_will_be_not_where_the_report_was_filed():
    text = (
        "Visit\n\nMOSCOW, 2 June 2024 (Agency) - The Foreign Minister will visit Kazan on "
        "10 June 2024, the ministry said.\n"
    )
    assert main_of(text).place == "Kazan"
    text = text.replace("will visit Kazan", "will pay a visit")
    assert main_of(text).place is None  # the dateline is where the report was filed


def test_a_lead_dateline_under_the_title_without_a_blank_line():
    # The page gives its lines one after another: the title (twice), then the agency's dateline
    # opening the lead. The dateline is the page's date; the lead's own day is the event's.
    text = (
        "Ministers talk about transit routes\n"
        "Ministers talk about transit routes\n"
        "Baku/03/14/24/Agency: On March 13, the foreign ministers of Russia and Azerbaijan, "
        "Sergey Lavrov and Jeyhun Bayramov, had a telephone conversation on transit.\n"
        "The ministries published short messages about the conversation.\n"
    )
    result = extract(text, today=TODAY)
    assert result.published.iso() == "2024-03-14"
    assert result.title == "Ministers talk about transit routes"
    main = next(e for e in result.events if e.main)
    assert (main.date.iso(), main.date.needs_review) == ("2024-03-13", False)


def test_a_date_line_further_down_a_page_scraped_one_line_per_paragraph():
    # Title, a pull quote, the section and the agency as list items, then the date lines and
    # the lead: no blank line anywhere.
    text = (
        "Leaders agree on a joint statement on transit\n"
        '"This was a useful meeting," one of the leaders said after the talks.\n'
        "- World\n"
        "- Some Agency\n"
        "- Published Date: 10:31 | 14 March 2022\n"
        "- Modified Date: 10:40 | 14 March 2022\n"
        "The presidents of Russia and Azerbaijan agreed on a joint statement on transit at "
        "their meeting in Sochi on Monday, the Kremlin said.\n"
    )
    result = extract(text, today=TODAY)
    assert result.published.iso() == "2022-03-14"
    main = next(e for e in result.events if e.main)
    assert (main.date.iso(), main.date.needs_review) == ("2022-03-14", False)  # a Monday


def test_a_count_within_the_year_does_not_date_the_event():
    # "their fourth meeting this year" counts meetings; the lead's day dates this one.
    text = (
        "Presidents meet for the fourth time this year\n\n"
        "Moscow, March 3, 2011 (Agency) - The presidents of Russia and Azerbaijan on Thursday "
        "praised their growing trade.\n\n"
        '"Our ties are at their best," one of them said at the start of the leaders\' fourth '
        "meeting this year.\n"
    )
    main = main_of(text)
    assert (main.date.iso(), main.date.precision, main.date.needs_review) == (
        "2011-03-03",
        "day",
        False,
    )
