"""The extractor never raises and every offset it returns lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import extract
from articles.extraction.layout import analyse

PIECES = st.sampled_from(
    [
        "Latest news",
        "25 May 2023 - 23:12",
        "on May",
        "we",
        "34%",
        "1155 views",
        "\n\n",
        "Putin",
        "Aliyev met Lavrov in Baku on Friday.",
        "the first anniversary of",
        "signed on February 22, 2022",
        "earlier this year",
        "Поделиться:",
        "26 november — 15:42",
        " ",
        "\x00",
        "In October",
    ]
)


def check(text: str) -> None:
    result = extract(text)
    n = len(text)
    assert 0 <= result.body_start <= result.body_end <= n
    for start, end in analyse(text).boilerplate:
        assert 0 <= start <= end <= n
    assert sum(e.main for e in result.events) <= 1
    for event in result.events:
        assert 0 <= event.evidence_start <= event.evidence_end <= n
        if event.date.evidence_start is not None:
            assert 0 <= event.date.evidence_start <= event.date.evidence_end <= n
        start, end = event.date.interval()
        assert (start is None) == (event.date.precision == "unknown")
        if start:
            assert start <= end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_unicode(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map(" ".join))
def test_date_like_soup(text):
    check(text)


def test_huge_single_line():
    check("word " * 200_000 + "on November 9, 2020")


def test_empty():
    check("")
