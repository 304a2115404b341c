"""Month names in every language the grammar reads, and their numbers.

English names and abbreviations ("Sept." besides "Sep."), Azerbaijani (Latin) ones as datelines
of this region use them, with the genitive a day follows ("mayın 14-də"), Turkish ones, and
Russian names by their stems and case forms.
"""

from __future__ import annotations

import re

from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.vocabulary import vocabulary

__all__ = ["MONTH_NUMBERS", "MONTH_PATTERN", "month_number", "month_words"]

_CALENDAR = vocabulary("calendar")
MONTH_NUMBERS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    MONTH_NUMBERS[_name.lower()] = _number
    if _name == "September":
        MONTH_NUMBERS["sept"] = _number
    MONTH_NUMBERS.setdefault(_name[:3].lower(), _number)
for _number, _name in enumerate(_CALENDAR["azerbaijani_months"], start=1):
    MONTH_NUMBERS.setdefault(_name, _number)
for _number, _name in enumerate(_CALENDAR["azerbaijani_month_genitives"], start=1):
    MONTH_NUMBERS.setdefault(_name, _number)  # "mayın 14-də": on 14 May
for _number, _name in enumerate(_CALENDAR["turkish_months"], start=1):
    MONTH_NUMBERS.setdefault(_name, _number)
for _name, _number in _CALENDAR["russian_month_abbreviations"].items():
    MONTH_NUMBERS.setdefault(_name, _number)  # "26 сен - РИА Новости"
_RU_STEMS: list[str] = _CALENDAR["russian_month_stems"]

_EN_MONTHS = sorted(MONTH_NUMBERS, key=len, reverse=True)
MONTH_PATTERN = (
    r"(?:" + "|".join(_EN_MONTHS) + r")\.?"
    r"|(?:" + "|".join(_CALENDAR["russian_month_forms"]) + ")"
)


def month_number(name: str) -> int | None:
    """The number of an English, Azerbaijani or Russian month name (any case form)."""
    key = name.lower().rstrip(".")
    if key in MONTH_NUMBERS:
        return MONTH_NUMBERS[key]
    if not "\u0400" <= key[:1] <= "\u04ff":
        return None  # not Cyrillic: no Russian month
    for number, stem in enumerate(_RU_STEMS, start=1):
        if key.startswith(stem) and (stem != "ма" or key in ("май", "мая", "мае")):
            return number
    return None


_LETTERS = re.compile(r"[^\W\d_]{3,}")
# The first two letters of every month name (Russian ones by their stems): most words are
# told apart from month names by them alone.
_MONTH_STARTS = frozenset([name[:2] for name in MONTH_NUMBERS] + [stem[:2] for stem in _RU_STEMS])


_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Month names a word may be whole (Russian case forms are told by their stems).
_MONTH_WORDS = frozenset(k for k in MONTH_NUMBERS if _LETTERS.fullmatch(k))


def month_words(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Where the words of a text that are month names are, in any language and case form
    (``low``: the text lower-cased, if the caller has it and its offsets are the text's)."""
    low = text.lower() if low is None else low
    if len(low) != len(text):  # a letter whose lower case is longer ("İ") moves offsets
        return [
            m.span()
            for m in _LETTERS.finditer(text)
            if m.group()[:2].lower() in _MONTH_STARTS and month_number(m.group()) is not None
        ]
    # The distinct words of the text are looked up, then each month name found is located.
    words = set(_LETTERS.findall(low))
    names = words & _MONTH_WORDS
    if _CYRILLIC.search(low):
        names |= {w for w in words - names if w[:2] in _MONTH_STARTS and month_number(w)}
    spans = []
    for name in names:
        at = low.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _LETTER.match(low, at - 1)) and not _LETTER.match(low, end):
                spans.append((at, end))
            at = low.find(name, end)
    return sorted(spans)
