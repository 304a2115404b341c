"""A feed's evidence for an article's date: the URL's path and the ``published`` value, below
a date the text states, and a disagreement between them needing review."""

from __future__ import annotations

import pytest

from articles.extraction.feed_dates import (
    BadFeedDate,
    FeedDates,
    feed_article_date,
    published_date,
    url_date,
)
from articles.extraction.types import DAY, MONTH, UNKNOWN, YEAR, DateClaim

STATED = DateClaim(DAY, 2019, 4, 5, evidence="BAKU, 5 April 2019", derivation="dateline")
INFERRED = DateClaim(YEAR, 2019, derivation="year 2019 from an anniversary", needs_review=True)
NOTHING = DateClaim(UNKNOWN, derivation="no dateline", needs_review=True)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.az/politics/2019/04/05/aliyev-putin", ("day", 2019, 4, 5)),
        ("https://tass.com/2019/4/5", ("day", 2019, 4, 5)),
        ("https://example.org/2019-04-05-talks-in-sochi", ("day", 2019, 4, 5)),
        ("https://example.org/archive/2019/04/talks", ("month", 2019, 4, None)),
        ("https://example.org/2019/02/30/impossible/", None),
        ("https://example.org/news/12345", None),
        ("https://example.org/?date=2019/04/05/", None),  # a query is not the path
        ("", None),
    ],
)
def test_a_date_in_the_url_path(url, expected):
    claim = url_date(url)
    if expected is None:
        assert claim is None
    else:
        assert (claim.precision, claim.year, claim.month, claim.day) == expected
        assert "URL path" in claim.derivation


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-05", (DAY, 2019, 4, 5)),
        ("2019-04-05T23:10:00+04:00", (DAY, 2019, 4, 5)),
        ("2019-04-05 10:00", (DAY, 2019, 4, 5)),
        ("Fri, 05 Apr 2019 10:00:00 +0000", (DAY, 2019, 4, 5)),
        ("2019-04", (MONTH, 2019, 4, None)),
    ],
)
def test_a_feeds_published_value(value, expected):
    claim = published_date(value)
    assert (claim.precision, claim.year, claim.month, claim.day) == expected
    assert claim.derivation == f"the feed's published value ({value})"


@pytest.mark.parametrize("value", ["yesterday", "2019-02-30", "2019-13", "05/04/2019"])
def test_a_published_value_that_is_no_date_is_refused_with_what_to_use(value):
    with pytest.raises(BadFeedDate, match="published"):
        published_date(value)


def test_a_date_the_text_states_outranks_the_feed():
    url = "https://example.org/2019/04/05/talks"
    assert feed_article_date(STATED, FeedDates(url, "2019-04-05")) == STATED


def test_a_feed_disagreeing_with_the_stated_date_keeps_it_but_asks_for_review():
    claim = feed_article_date(STATED, FeedDates("", "2019-04-07"))
    assert (claim.year, claim.month, claim.day) == (2019, 4, 5)
    assert claim.needs_review
    assert "the feed's published value (2019-04-07) says 2019-04-07" in claim.derivation


def test_without_a_stated_date_the_url_dates_the_article():
    claim = feed_article_date(NOTHING, FeedDates("https://example.org/2019/04/05/x", ""))
    assert (claim.precision, claim.iso(), claim.needs_review) == (DAY, "2019-04-05", False)
    assert claim.derivation == "the date in the article's URL path (/2019/04/05/)"


def test_url_and_published_agreeing_say_so():
    claim = feed_article_date(
        INFERRED, FeedDates("https://example.org/2019/04/talks", "2019-04-05T09:00:00Z")
    )
    assert (claim.iso(), claim.needs_review) == ("2019-04-05", False)
    assert claim.derivation == (
        "the feed's published value (2019-04-05T09:00:00Z); "
        "the month in the article's URL path (/2019/04/) agrees"
    )


def test_url_and_published_disagreeing_need_review():
    claim = feed_article_date(
        NOTHING, FeedDates("https://example.org/2019/04/05/talks", "2019-04-06")
    )
    assert claim.needs_review
    assert claim.iso() == "2019-04-06"
    assert "but the date in the article's URL path (/2019/04/05/) says 2019-04-05" in (
        claim.derivation
    )


def test_a_feed_date_against_the_texts_inferred_year_needs_review():
    claim = feed_article_date(INFERRED, FeedDates("", "2020-01-10"))
    assert claim.iso() == "2020-01-10" and claim.needs_review
    assert "year 2019 from an anniversary says 2019" in claim.derivation
