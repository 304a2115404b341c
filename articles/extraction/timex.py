"""TIMEX3 values: how a date expression's meaning is written, and how it was resolved.

``2021-11-26`` a day, ``2021-11`` a month, ``2021`` a year, ``2021-W47`` an ISO week
(``2021-W47-WE`` its weekend), ``2021-SU`` a season (``SP`` spring, ``SU`` summer, ``FA``
autumn, ``WI`` winter), ``199`` a decade (the 1990s), ``19`` a century (the 20th),
``PRESENT_REF`` "now". What the text leaves open is written with ``X`` ("in October" in an
undated article: ``XXXX-10``), as TIMEX3 does. Plain Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from articles.extraction.types import DAY, YEAR, DateClaim

PRESENT_REF = "PRESENT_REF"


class Resolution(StrEnum):
    """How an expression's value was found."""

    EXPLICIT = "explicit"  # the text states it in full
    RELATIVE = "relative to the article's date"
    RELATIVE_INFERRED = "relative to the article's date, itself inferred"
    RELATIVE_MAIN = "relative to the main event's date"
    ANCHORED = "relative to an earlier date in the text"
    COARSE = "coarser than written: the article's date is not precise enough"
    PRESENT = "the time of writing"
    AMBIGUOUS = "ambiguous day and month: the year only"
    UNRESOLVED = "unresolved"


class Mod(StrEnum):
    """TIMEX3 ``mod``: which part of the period the text names ("early 2015")."""

    START = "START"
    MID = "MID"
    END = "END"


# Seasons: TIMEX3 code and months. Winter YYYY-WI is the winter that ends in YYYY (December
# of YYYY-1 to February of YYYY), so "winter 2015" and "January 2015" share a year.
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_CODES = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
    "весн": "SP",
    "лет": "SU",
    "осен": "FA",
    "зим": "WI",
}

# A value HTML's <time datetime> accepts: a year, a month, a day or a week.
_HTML_DATETIME = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?")


def html_datetime(value: str | None) -> bool:
    """Whether ``value`` may stand in a ``<time datetime>`` attribute as it is."""
    return bool(value and _HTML_DATETIME.fullmatch(value))


def claim_value(claim: DateClaim | None) -> str | None:
    """A claim's value: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None if unknown."""
    return claim.iso() if claim is not None and claim.known else None


def day_of(claim: DateClaim | None) -> dt.date | None:
    """The day a day-precision claim names."""
    if claim is None or not claim.known or claim.precision != DAY:
        return None
    return dt.date(claim.year, claim.month, claim.day)


def week_value(day: dt.date, weeks: int = 0, *, weekend: bool = False) -> str:
    """The ISO week ``weeks`` after the one ``day`` falls in: ``2021-W47`` (``-WE``)."""
    year, week, _ = (day + dt.timedelta(weeks=weeks)).isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def weekend_value(day: dt.date, offset: int) -> str:
    """ "last weekend" (-1), "this weekend" (0), "next weekend" (1) said on ``day``."""
    if offset < 0:
        back = (day.weekday() - 6) % 7 or 7  # the most recent Sunday before the day
        return week_value(day - dt.timedelta(days=back), weekend=True)
    return week_value(day, offset, weekend=True)


def season_span(year: int, code: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """First and last (year, month) of a season."""
    first, last = SEASONS[code]
    if code == "WI":
        return (year - 1, first), (year, last)
    return (year, first), (year, last)


def season_value(code: str, relation: str, ref: DateClaim, *, future: bool) -> str | None:
    """ "last summer", "this summer", "next summer" or "in the summer" (``relation`` last,
    this, next or in) said on the article's date; None if that date does not fix it."""
    if not ref.known:
        return None
    if ref.precision == YEAR or ref.month is None:
        # Of an article dated to a year, only "this summer" is certain (not this winter,
        # which straddles two years).
        return f"{ref.year:04d}-{code}" if relation == "this" and code != "WI" else None
    now = (ref.year, ref.month)
    spans = [(y, *season_span(y, code)) for y in range(ref.year - 2, ref.year + 3)]
    containing = [y for y, first, last in spans if first <= now <= last]
    ended = [y for y, _, last in spans if last < now]
    coming = [y for y, first, _ in spans if first > now]
    if relation == "last":
        year = ended[-1]
    elif relation == "next":
        year = coming[0]
    elif containing:
        year = containing[0]
    elif relation == "this" and code != "WI":
        year = ref.year
    else:
        year = coming[0] if future else ended[-1]
    return f"{year:04d}-{code}"


def decade_value(year: int) -> str:
    """The 1990s: ``199``."""
    return f"{year // 10:03d}"


def century_value(ordinal: int) -> str:
    """The 20th century: ``19``."""
    return f"{ordinal - 1:02d}"


def underspecified(*, month: int | None = None, day: int | None = None) -> str | None:
    """A value without its year: ``XXXX-10``, ``XXXX-10-05``."""
    if month is None:
        return None
    if day is None:
        return f"XXXX-{month:02d}"
    return f"XXXX-{month:02d}-{day:02d}"


def weekday_underspecified(weekday: int) -> str:
    """Friday, in an undated article: ``XXXX-WXX-5``."""
    return f"XXXX-WXX-{weekday + 1}"


def describe(value: str | None, resolution: str) -> str:
    """What a reader sees on hover: "2021-11-26 (relative to the article's date)"."""
    return f"{value or 'no date'} ({resolution})"
