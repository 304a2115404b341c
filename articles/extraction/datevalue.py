"""A date at its precision: the one value both apps use for "when".

"26 November 2021", "May 2021", "2021" and "date unknown" are the four shapes a date takes
in this product. This module is the only place that knows how each is labelled, written in
ISO form, ranked within its year, turned into the first and last day it can mean, and read
back from what an editor types. Extraction's ``DateClaim`` adds evidence and a derivation to
it; the timeline's models take their precision choices from it; pages, the admin and the
exports render it. Plain Python, no Django.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    """How much of a date is known: a day, a month, a year, or nothing."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


# Within one year, coarser dates come first: "2022" heads its year, "May 2022" heads May.
RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2, Precision.UNKNOWN: 3}

# How much of a date is known, more is better: a day tells most, an unknown date nothing.
SPECIFICITY = {Precision.DAY: 3, Precision.MONTH: 2, Precision.YEAR: 1, Precision.UNKNOWN: 0}

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

UNKNOWN_LABEL = "date unknown"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A day, a month or a year, or no date at all."""

    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_start(cls, precision: str, start: dt.date | None) -> DateValue:
        """The value a stored (precision, first day) pair stands for."""
        if start is None or precision == Precision.UNKNOWN:
            return UNKNOWN
        precision = Precision(precision)
        if precision == Precision.YEAR:
            return cls(precision, start.year)
        if precision == Precision.MONTH:
            return cls(precision, start.year, start.month)
        return cls(precision, start.year, start.month, start.day)

    @property
    def known(self) -> bool:
        """Whether there is a date at all."""
        return self.precision != Precision.UNKNOWN and self.year is not None

    @property
    def rank(self) -> int:
        """Sort key within a year: a year first, then months, then days, unknown last."""
        return RANK[self.precision]

    @property
    def specificity(self) -> int:
        """How much of the date is known: 3 for a day, 2 a month, 1 a year, 0 nothing."""
        return SPECIFICITY[self.precision] if self.known else 0

    def interval(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day this date can mean."""
        if not self.known:
            return None, None
        if self.precision == Precision.YEAR:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.precision == Precision.MONTH:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        day = dt.date(self.year, self.month, self.day)
        return day, day

    @property
    def first(self) -> dt.date | None:
        """The first day the date can mean."""
        return self.interval()[0]

    @property
    def last(self) -> dt.date | None:
        """The last day the date can mean."""
        return self.interval()[1]

    def iso(self) -> str | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (HTML's ``<time datetime>``); None if unknown."""
        if not self.known:
            return None
        if self.precision == Precision.YEAR:
            return f"{self.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def words(self, unknown: str = UNKNOWN_LABEL) -> str:
        """ "26 November 2021", "May 2021", "2021", or ``unknown``."""
        if not self.known:
            return unknown
        if self.precision == Precision.YEAR:
            return str(self.year)
        month = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        if self.precision == Precision.MONTH:
            return month
        return f"{self.day} {month}"

    @property
    def label(self) -> str:
        """What a reader sees: "26 November 2021", "May 2021", "2021" or "date unknown"."""
        return self.words()

    @property
    def entry(self) -> str:
        """What the editors' date box shows; ``parse_entry`` reads it back."""
        return self.words(unknown="unknown")

    def __str__(self) -> str:
        return self.label


UNKNOWN = DateValue(Precision.UNKNOWN)


# -- What an editor types ----------------------------------------------------------------

ENTRY_HELP = (
    '"2021-05-11" or "11 May 2021" for a day, "May 2021" or "2021-05" for a month, '
    '"2021" for a year, or "unknown".'
)


class EntryError(ValueError):
    """A typed date that is not one; the message says why, in an editor's words."""


_MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS |= {name[:3]: n for name, n in list(_MONTHS.items())} | {"sept": 9}
_UNKNOWN_WORDS = {"unknown", "date unknown", "?"}

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
_MONTH_YEAR = re.compile(r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})")
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def parse_entry(text: str) -> DateValue:
    """An editor's date at any precision: "2021-05-11", "11 May 2021", "May 2021", "2021-05",
    "2021" or "unknown"; other spellings and languages ("Nov. 26th, 2021", "26 ноября 2021")
    through dateparser. Raises ``EntryError`` saying why a text is not a date."""
    shown = text.strip()
    entry = " ".join(text.replace("\xa0", " ").split()).lower()
    if not entry:
        raise EntryError(f"Enter a date: {ENTRY_HELP}")
    if entry in _UNKNOWN_WORDS:
        return UNKNOWN
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = pattern.fullmatch(entry)
        if match:
            break
    else:
        value = _read_with_dateparser(text)
        if value is None:
            raise EntryError(f"“{shown}” is not a date this form understands: {ENTRY_HELP}")
        return value
    parts = match.groupdict()
    year = int(parts["year"])
    month = parts.get("month")
    if month is not None and not month.isdigit():
        if month not in _MONTHS:
            raise EntryError(f"“{shown}”: “{month}” is not the name of a month.")
        month = _MONTHS[month]
    month = int(month) if month is not None else None
    day = int(parts["day"]) if parts.get("day") else None
    if year < 1000:
        raise EntryError(f"“{shown}”: give the year in four digits.")
    if month is not None and not 1 <= month <= 12:
        raise EntryError(f"“{shown}” is not a date: there is no month {month}.")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise EntryError(
                f"“{shown}” is not a date: {MONTH_NAMES[month - 1]} {year} has {last} days."
            )
        return DateValue(Precision.DAY, year, month, day)
    if month is not None:
        return DateValue(Precision.MONTH, year, month)
    return DateValue(Precision.YEAR, year)


def _read_with_dateparser(text: str) -> DateValue | None:
    """Free-text dates in English, Russian or Azerbaijani with a four-digit year; dateparser's
    period of what it parsed gives the precision."""
    text = " ".join(text.split())
    if not _FOUR_DIGIT_YEAR.search(text):
        return None  # a relative phrase ("next week") or a date without its year
    import dateparser.date  # slow to import; only editors' odd spellings need it

    parser = dateparser.date.DateDataParser(
        languages=["en", "ru", "az"],
        settings={
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    parsed = data.date_obj
    precision = {"month": Precision.MONTH, "year": Precision.YEAR}.get(data.period or "day")
    if precision == Precision.YEAR:
        return DateValue(Precision.YEAR, parsed.year)
    if precision == Precision.MONTH:
        return DateValue(Precision.MONTH, parsed.year, parsed.month)
    return DateValue(Precision.DAY, parsed.year, parsed.month, parsed.day)
