"""Where a date expression may stand in a text: cheap scans that tell the date grammar's
costly patterns which few windows to search, instead of every position of the text.

Each shape of the grammar has an anchor that every one of its matches contains (a month name,
a four-digit year, a digit beside a separator, a weekday, the word "year"...) and the number
of characters a match may reach before and after it. Python's regular expressions try a
pattern that starts with an assertion or ignores case at every position of the text; a literal
or a digit is found far faster, and a text has only a handful of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from articles.extraction.caseless import CaselessPattern, lowered
from articles.extraction.months import month_words
from articles.extraction.vocabulary import vocabulary

__all__ = ["MONTH_NAME", "windows"]

# The key of `windows`' month names: where each is, and the end of the window it is in.
MONTH_NAME = "month_name"

_CALENDAR = vocabulary("calendar")
_MONTH_SHAPES = ("d_mon_y", "mon_d_y", "d_mon", "mon_d", "mon_y", "month")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
# Numeric dates (2021-11-26, 26.11.2021, 11/26/21, 18-06-2021): a digit, a separator, a digit.
_DIGIT_SEPARATOR = re.compile(r"\d[./-]\d")
# An English text is searched for the English word alone (a literal: fast); others for theirs.
_FOREIGN_LETTER = re.compile(r"[\u0400-\u04ffəƏıİğĞ]")
_YEAR_WORD = {True: CaselessPattern("year"), False: CaselessPattern(r"year|год|лет|\bil\b")}
_MONTH_WORD = {True: CaselessPattern("month"), False: CaselessPattern(r"month|месяц|\bay\b")}


def _longest_words(phrases: Iterable[str]) -> list[str]:
    """The longest word of each phrase, lower case: a phrase never matches without it."""
    words = {max(p.lower().split(), key=len) for p in phrases}
    return sorted(words, key=len, reverse=True)


# Searched in the lower-cased text (without IGNORECASE a set of literals is found quickly).
_RELATIVE_DAY_WORD = re.compile(
    "|".join(map(re.escape, _longest_words(_CALENDAR["relative_days"])))
)
# Every English weekday ends in "day"; Russian ones are said after "в"/"во" ("в пятницу").
_WEEKDAY_WORD = re.compile("|".join(["day", *_CALENDAR["russian_weekdays_on"]]))


def windows(segment: str) -> dict[str, list[tuple[int, int]]]:
    """For each shape that has an anchor, the merged windows of ``segment`` its matches fall
    in (a shape absent from the result is searched everywhere)."""
    # The lower-cased text, once, for every anchor found in it (None: search as written).
    low = lowered(segment)
    months = month_words(segment, low)
    anchors: dict[str, tuple[list[tuple[int, int]], int, int]] = {
        shape: (months, 16, 40) for shape in _MONTH_SHAPES
    }
    anchors["year"] = (_spans(_YEAR_DIGITS, segment), 60, 6)
    english = not _FOREIGN_LETTER.search(segment)
    anchors["relative_year"] = (_YEAR_WORD[english].spans(segment, low), 30, 10)
    anchors["relative_month"] = (_MONTH_WORD[english].spans(segment, low), 20, 10)
    numeric = _spans(_DIGIT_SEPARATOR, segment)
    anchors["iso"] = anchors["numeric"] = (numeric, 10, 12)
    if low is not None:  # otherwise these shapes are searched everywhere, as written
        anchors["relative_day"] = (_spans(_RELATIVE_DAY_WORD, low), 40, 6)
        anchors["weekday"] = (_spans(_WEEKDAY_WORD, low), 30, 30)
    out = {
        shape: _merge((max(0, a - before), b + after) for a, b in found)
        for shape, (found, before, after) in anchors.items()
    }
    # A pattern that begins with the month name is tried at each month name alone, up to the
    # end of the window it is in.
    ends = iter(out["month"])
    window = next(ends, None)
    starts = []
    for a, _ in months:
        while window is not None and window[1] <= a:
            window = next(ends, None)
        starts.append((a, window[1]))
    out[MONTH_NAME] = starts
    return out


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
