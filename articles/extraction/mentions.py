"""A date expression found in a text, before it is resolved: what it names, and where.

``dates`` finds them by its grammar, ``date_claims`` resolves them against the article's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from articles.extraction.datevalue import Precision


class MentionKind(StrEnum):
    """What a date expression found in text names."""

    FULL = "full"  # a day of a month of a year
    DAY_MONTH = "day_month"  # a day of a month, no year
    MONTH_YEAR = "month_year"
    YEAR = "year"
    MONTH = "month"  # a month, no year
    RELATIVE_DAY = "relative_day"
    WEEKDAY = "weekday"
    RELATIVE_YEAR = "relative_year"
    RELATIVE_MONTH = "relative_month"
    NUMERIC_AMBIGUOUS = "numeric_ambiguous"  # 05/06/2021: day-first or month-first

    @property
    def precision(self) -> Precision:
        """How precise a date the expression names: "on Friday" a day, "last year" a year."""
        return _KIND_PRECISION[self]


_KIND_PRECISION = {
    MentionKind.FULL: Precision.DAY,
    MentionKind.DAY_MONTH: Precision.DAY,
    MentionKind.RELATIVE_DAY: Precision.DAY,
    MentionKind.WEEKDAY: Precision.DAY,
    MentionKind.MONTH_YEAR: Precision.MONTH,
    MentionKind.MONTH: Precision.MONTH,
    MentionKind.RELATIVE_MONTH: Precision.MONTH,
    MentionKind.NUMERIC_AMBIGUOUS: Precision.YEAR,  # only its year is certain
    MentionKind.YEAR: Precision.YEAR,
    MentionKind.RELATIVE_YEAR: Precision.YEAR,
}
# Kinds that state their own year, at the precision written.
EXPLICIT = (MentionKind.FULL, MentionKind.MONTH_YEAR, MentionKind.YEAR)


@dataclass(frozen=True)
class Mention:
    """A date expression found in text, before resolution."""

    kind: MentionKind
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # for relative kinds: days, years or months from the reference
    weekday: int | None = None
    preposition: str = ""
    last_day: int | None = None  # "3-4 May": the range's last day (``day`` is its first)


def valid_date(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether the parts given make a real date (missing parts count as valid)."""
    try:
        dt.date(year or 2000, month or 1, day or 1)
    except ValueError:
        return False
    return True
