"""The main event's date in Russian and Azerbaijani reports: relative years and months, vague
times and "N years ago", on texts written for these tests (no Django)."""

import datetime as dt

import pytest

from articles.extraction import extract
from articles.extraction.dates import find_mentions

TODAY = dt.date(2026, 1, 1)
RU = "Переговоры\n\nМОСКВА, 14 марта 2019. /ТАСС/. Министры встретились {when} в Казани.\n"
AZ = (
    "Danışıqlar\n\nBakı, 14 mart 2019 - APA. Nazirlər {when} Gəncədə görüşüb və nəqliyyat "
    "məsələlərini müzakirə ediblər.\n"
)


def main_date(template, when):
    event = next(e for e in extract(template.format(when=when), today=TODAY).events if e.main)
    return event.date


@pytest.mark.parametrize(
    "template, when, label, needs_review",
    [
        (RU, "в прошлом году", "2018", False),
        (RU, "в этом году", "2019", False),
        (RU, "в начале года", "2019", False),
        (RU, "в прошлом месяце", "February 2019", False),
        (RU, "на прошлой неделе", "2019", True),  # not the article's day: only its year
        (RU, "на днях", "2019", True),
        (RU, "вчера", "13 March 2019", False),
        (AZ, "keçən il", "2018", False),
        (AZ, "bu il", "2019", False),
        (AZ, "keçən ay", "February 2019", False),
        (AZ, "keçən həftə", "2019", True),
        (AZ, "bu yaxınlarda", "2019", True),
        (AZ, "dünən", "13 March 2019", False),
        (AZ, "mayın 2-də", "2 May 2018", False),  # the last 2 May before the article
    ],
)
def test_relative_and_vague_times(template, when, label, needs_review):
    date = main_date(template, when)
    assert (date.value.label, date.needs_review) == (label, needs_review)


@pytest.mark.parametrize(
    "template, when", [(RU, "пять лет назад"), (RU, "5 лет назад"), (AZ, "5 il əvvəl")]
)
def test_years_ago_never_leave_the_article_s_day_certain(template, when):
    assert main_date(template, when).needs_review


def test_words_that_only_look_like_relative_times():
    assert find_mentions("Компания «Новый год» открыла ресторан.") == []
    assert find_mentions("Bu ilan Bakıda dərc olunub.") == []
