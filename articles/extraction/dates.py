"""Date expressions: finding them in text, by a narrow grammar (``date_claims`` resolves them).

A deliberately narrow grammar: only shapes that really are dates are matched
(a day with a month, a month with a year, a year after a preposition, named
weekdays and relative words), so "we", "may" the verb, "34%", "1155 views",
"a year" or "9 months of" never become dates. dateparser is used only to read
a candidate string in a fixed language, never to search whole texts.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from articles.extraction.date_anchors import MONTH_NAME
from articles.extraction.date_anchors import windows as anchor_windows
from articles.extraction.mentions import Mention, MentionKind, valid_date
from articles.extraction.months import MONTH_PATTERN, month_number
from articles.extraction.vocabulary import vocabulary


class Shape(StrEnum):
    """How a date expression is written: the grammar's patterns, tried in this order."""

    ISO = "iso"  # 2021-11-26
    NUMERIC = "numeric"  # 26.11.2021, 11/26/21
    D_MON_Y = "d_mon_y"  # 26 November 2021
    MON_D_Y = "mon_d_y"  # November 26, 2021
    D_MON = "d_mon"  # 26 November
    MON_D = "mon_d"  # November 26
    MON_Y = "mon_y"  # November 2021
    YEAR = "year"  # in 2021
    MONTH = "month"  # in November, last November
    RELATIVE_DAY = "relative_day"  # today, yesterday
    WEEKDAY = "weekday"  # on Friday
    RELATIVE_YEAR = "relative_year"  # this year, two years ago
    RELATIVE_MONTH = "relative_month"  # last month


_CALENDAR = vocabulary("calendar")
_MON = MONTH_PATTERN
WEEKDAYS = {name.lower(): i for i, name in enumerate(_CALENDAR["weekdays"])}
# "today", "yesterday", and their Russian and Azerbaijani words: days from the article's date.
_RELATIVE_DAYS: dict[str, int] = _CALENDAR["relative_days"]
_WEEKDAY = r"(?:" + "|".join(_CALENDAR["weekdays"]) + ")"
# Russian weekdays as a date is said ("в пятницу", "во вторник"), Monday first.
# The word a bare weekday follows ("met Sunday with"): a lowercase one, not "every", "the", "to".
_BARE_WEEKDAY_AFTER = re.compile(
    r"(?<![\w-])(?!(?:every|each|the|a|to|and|or|through|than|of)\s)[a-z]+ $"
)
_RU_WEEKDAYS = {name: i for i, name in enumerate(_CALENDAR["russian_weekdays_on"])}
_RELATIVE_YEARS: dict[str, int] = _CALENDAR["relative_years"]
_RELATIVE_MONTHS: dict[str, int] = _CALENDAR["relative_months"]


_NUMBERS = vocabulary("numbers")


def _number_words(language: str) -> str:
    """Numbers in words of a language as an alternation ("пять", "beş")."""
    return "|".join(_NUMBERS[f"number_words_{language}"])


def _count(value: str) -> int:
    """A count written in figures or in words of any language the grammar reads."""
    if value.isdigit():
        return int(value)
    key = value.lower()
    return next(n[key] for k, n in _NUMBERS.items() if k.startswith("number_words") and key in n)


def _phrases(words: dict[str, int]) -> list[str]:
    """Phrases as patterns, longest first, any white space between their words."""
    return [r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)]


_ORD = r"(?:st|nd|rd|th)?"
# "3-4 May", "May 3-4": a range of days; the mention names its first day.
_TO_DAY = r"(?:\s*[-–]\s*(?P<d2>\d{1,2})" + _ORD + ")?"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"
YEAR_PATTERN = _YEAR4
# A year ends at a word boundary, or where a time is glued to it ("6 May 201714:05").
_YEAR_END = r"(?:\b|(?=\d\d:\d\d))"
_PREP = (
    r"(?:in|on|since|from|until|till|by|before|after|during|of|to|through|between|and"
    r"|early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|spring|summer|autumn|fall|winter|the\s+year)"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|views?|people|persons|tons?|tonnes|km|kilomet|meters?|metres"
    r"|years?|months?|days?|hours?|dollars|euros?|manats?|rubles?|roubles|barrels|cubic|mln"
    r"|million|billion|thousand|units|pieces|schools|flights|times|[-–]\s*\d)",
    re.I,
)


def _two_digit_year(value: str, today: dt.date) -> int:
    year = int(value)
    if len(value) == 4:
        return year
    return 2000 + year if 2000 + year <= today.year + 1 else 1900 + year


_PATTERNS: list[tuple[Shape, re.Pattern]] = [
    (Shape.ISO, re.compile(rf"\b(?P<y>{_YEAR4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        Shape.NUMERIC,
        re.compile(
            # Not inside a longer number, but after "City/" or a year glued before it
            # ("Archive 200911/07/2009"; _mention checks that year).
            r"(?=\d)(?:(?<=(?<!\d)(?:19|20)\d\d)|(?<![\d.:])(?<!\d/))"
            r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\d:%]|[./]\d)"
        ),
    ),
    # "18-06-2021, 11:08": with dashes only before a four-digit year (and not inside a longer
    # run of numbers, which _mention checks).
    (Shape.NUMERIC, re.compile(r"(?P<a2>\d{1,2})-(?P<b2>\d{1,2})-(?P<y2>(?:19|20)\d\d)(?![\d-])")),
    (
        Shape.D_MON_Y,
        re.compile(
            rf"(?<![\d:])\b(?P<d>\d{{1,2}}){_ORD}{_TO_DAY}\.?\s+(?:of\s+)?(?P<mon>{_MON})"
            rf",?\s+(?P<y>{_YEAR4}){_YEAR_END}",
            re.I,
        ),
    ),
    (
        Shape.MON_D_Y,
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}{_TO_DAY}(?:,\s*|\s+)(?P<y>{_YEAR4})"
            rf"{_YEAR_END}",
            re.I,
        ),
    ),
    (
        Shape.D_MON_Y,  # Azerbaijani, year first: "2020-ci ilin 17 oktyabr tarixində"
        re.compile(
            rf"\b(?P<y>{_YEAR4})-?(?:ci|cı|cu|cü|nci|ncı|ncu|ncü)?\s+il(?:in)?\s+(?P<d>\d{{1,2}})"
            rf"\s+(?P<mon>{_MON})(?![^\W\d_])",
            re.I,
        ),
    ),
    (
        Shape.MON_D_Y,  # Azerbaijani, year first: "2024-cü il mayın 14-də", "2024-cü ilin mayın 14"
        re.compile(
            rf"\b(?P<y>{_YEAR4})-?(?:ci|cı|cu|cü|nci|ncı|ncu|ncü)?\s+il(?:in)?\s+(?P<mon>{_MON})"
            rf"\s+(?P<d>\d{{1,2}}){_TO_DAY}(?!\d)",
            re.I,
        ),
    ),
    (
        Shape.D_MON,
        re.compile(
            rf"(?<![\d:.,])\b(?P<d>\d{{1,2}}){_ORD}{_TO_DAY}\s+(?:of\s+)?(?P<mon>{_MON})"
            r"(?![\w])",
            re.I,
        ),
    ),
    (
        Shape.MON_D,
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}{_TO_DAY}(?![\d%:,.]\d|\d|\s*%)", re.I
        ),
    ),
    (Shape.MON_Y, re.compile(rf"\b(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR4})\b", re.I)),
    (
        Shape.YEAR,
        re.compile(
            rf"\b(?P<prep>{_PREP})\s+(?:the\s+year\s+)?(?P<y>{_YEAR4})\b(?!\s*[-–]\s*\d)", re.I
        ),
    ),
    (
        Shape.MONTH,
        re.compile(
            rf"\b(?P<prep>in|on|since|until|till|by|during|of|from|to|early|late|mid-?"
            rf"|last|next|this|previous|past|coming)\s+(?P<mon>{_MON})(?![\w])",
            re.I,
        ),
    ),
    (
        Shape.RELATIVE_DAY,
        re.compile(
            r"(?<!\w)(?P<w>"
            + "|".join(w.replace(" ", r"\s+") for w in sorted(_RELATIVE_DAYS, key=len)[::-1])
            + r")(?!\w)",
            re.I,
        ),
    ),
    (
        Shape.WEEKDAY,
        re.compile(
            rf"\b(?P<prep>on|last|next|this|since|until|by|from|till|early|late)\s+(?P<w>{_WEEKDAY})\b"
            rf"|\b(?P<w2>{_WEEKDAY})(?=\s+(?:morning|afternoon|evening|night)\b|,\s)"
            # Wire style without "on": "met Sunday with", "said Friday." (not "every Friday")
            rf"|\b(?P<w3>{_WEEKDAY})"
            r"(?=[.;]|\s+(?:with|in|at|to|and|after|before|for|that|when|as|amid|during|but"
            r"|while|on|of|near|outside|from)\b)"
            rf"|\b[Вв]о?\s+(?P<w4>{'|'.join(_RU_WEEKDAYS)})\b"
        ),
    ),
    (
        Shape.RELATIVE_YEAR,
        re.compile(
            r"\b(?P<w>earlier\s+this\s+year|later\s+this\s+year|this\s+year|the\s+current\s+year"
            r"|(?:the\s+)?last\s+year|the\s+previous\s+year|next\s+year|the\s+coming\s+year"
            r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago"
            r"|a\s+year\s+ago"
            rf"|(?P<n_ru>\d{{1,2}}|{_number_words('ru')})\s+(?:года?|лет)\s+назад"
            rf"|(?P<n_az>\d{{1,2}}|{_number_words('az')})\s+il\s+(?:əvvəl|öncə)"
            + "".join(f"|{p}" for p in _phrases(_RELATIVE_YEARS))
            + r")(?![^\W\d_])",
            re.I,
        ),
    ),
    (
        Shape.RELATIVE_MONTH,
        re.compile(
            r"\b(?P<w>this\s+month|last\s+month|next\s+month"
            + "".join(f"|{p}" for p in _phrases(_RELATIVE_MONTHS))
            + r")(?![^\W\d_])",
            re.I,
        ),
    ),
]
NUMBER_WORDS: dict[str, int] = vocabulary("numbers")["number_words"]
# Each pattern, and whether its matches begin with the month name ("November 26, 2021"): those
# are tried at the month names alone.
_SEARCHES = [(k, p, p.pattern.startswith(r"\b(?P<mon>")) for k, p in _PATTERNS]


def find_mentions(
    text: str, start: int = 0, end: int | None = None, *, today: dt.date | None = None
) -> list[Mention]:
    """Every date expression in text[start:end], longest match first, never overlapping."""
    today = today or dt.date.today()
    end = len(text) if end is None else end
    found: list[Mention] = []
    segment = text[start:end]
    taken = bytearray(len(segment))  # characters already part of a longer match
    # Each pattern runs only around what its matches must contain (a month name, a year, a
    # digit beside a separator...): a few windows instead of the whole text.
    windows = anchor_windows(segment)
    for kind, pattern, at_month_name in _SEARCHES:
        if at_month_name:
            matches = (
                m for a, b in windows[MONTH_NAME] if (m := pattern.match(segment, a, b)) is not None
            )
        elif kind in windows:
            matches = (m for a, b in windows[kind] for m in pattern.finditer(segment, a, b))
        else:
            matches = pattern.finditer(segment)
        for match in matches:
            s, e = match.start() + start, match.end() + start
            if taken.find(1, match.start(), match.end()) >= 0:
                continue
            if kind in (Shape.YEAR, Shape.D_MON, Shape.MON_D) and _UNIT_AFTER.match(
                segment, match.end(), match.end() + 24
            ):
                continue  # "2001 people", "5 May 2%": a count, not a date
            mention = _mention(kind, match, start=s, end=e, today=today)
            if mention is None:
                continue
            found.append(mention)
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda m: m.start)


def _mention(kind: Shape, m: re.Match, *, start: int, end: int, today: dt.date) -> Mention | None:
    """The mention a pattern's match stands for, at text[start:end]; None if not a date."""
    s, e = start, end
    g = m.groupdict()
    text = m.group(0)
    if kind == Shape.ISO:
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return Mention(MentionKind.FULL, s, e, text, y, mo, d) if valid_date(y, mo, d) else None
    if kind == Shape.NUMERIC:
        if g.get("a2"):
            if m.start() and m.string[m.start() - 1] in "0123456789.:/-":
                return None
            g = {"a": g["a2"], "b": g["b2"], "y": g["y2"], "sep": "-"}
        a, b = int(g["a"]), int(g["b"])
        y = _two_digit_year(g["y"], today)
        if y > today.year + 1 or y < 1900:
            return None
        glued = m.string[max(0, m.start() - 4) : m.start()]
        if glued[-1:].isdigit() and glued != str(y):
            return None  # inside a longer number, not after its own year
        day_first = valid_date(y, b, a)
        month_first = valid_date(y, a, b)
        if g["sep"] in ".-" and day_first:  # dots and dashes: day first, as in Europe
            return Mention(MentionKind.FULL, s, e, text, y, b, a)
        if day_first and month_first and a != b:
            return Mention(MentionKind.NUMERIC_AMBIGUOUS, s, e, text, y)
        if day_first:
            return Mention(MentionKind.FULL, s, e, text, y, b, a)
        if month_first:
            return Mention(MentionKind.FULL, s, e, text, y, a, b)
        return None
    if kind in (Shape.D_MON_Y, Shape.MON_D_Y, Shape.D_MON, Shape.MON_D):
        mon = month_number(g["mon"])
        d = int(g["d"])
        y = int(g["y"]) if g.get("y") else None
        if mon is None or not valid_date(y or 2000, mon, d) or d == 0:
            return None
        if g["mon"].lower() == "may" and g["mon"][0] == "m" and kind == Shape.MON_D:
            return None  # "may 5" in lower case is usually the verb before a number
        last = int(g["d2"]) if g.get("d2") else None
        if last is not None and not (d < last and valid_date(y or 2000, mon, last)):
            return None  # "5-3 May" is no range of days
        kind_ = MentionKind.FULL if y else MentionKind.DAY_MONTH
        return Mention(kind_, s, e, text, y, mon, d, last_day=last)
    if kind == Shape.MON_Y:
        mon = month_number(g["mon"])
        if mon is None or (g["mon"].lower() == "may" and g["mon"][0] == "m"):
            return None
        return Mention(MentionKind.MONTH_YEAR, s, e, text, int(g["y"]), mon)
    if kind == Shape.YEAR:
        y = int(g["y"])
        if y > today.year + 30:
            return None
        prep = " ".join(g["prep"].lower().split())
        return Mention(MentionKind.YEAR, s, e, text, y, preposition=prep)
    if kind == Shape.MONTH:
        if not g["mon"][0].isupper():
            return None  # "may" the verb; month names are capitalised in English
        mon = month_number(g["mon"])
        prep = g["prep"].lower()
        offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(prep, 0)
        return Mention(MentionKind.MONTH, s, e, text, month=mon, offset=offset, preposition=prep)
    if kind == Shape.RELATIVE_DAY:
        word = " ".join(g["w"].lower().split())
        return Mention(MentionKind.RELATIVE_DAY, s, e, text, offset=_RELATIVE_DAYS[word])
    if kind == Shape.WEEKDAY:
        if g.get("w4"):
            return Mention(MentionKind.WEEKDAY, s, e, text, weekday=_RU_WEEKDAYS[g["w4"]])
        if g.get("w3") and not _BARE_WEEKDAY_AFTER.search(
            m.string, max(0, m.start() - 12), m.start()
        ):
            return None
        name = (g.get("w") or g.get("w2") or g.get("w3")).lower()
        prep = (g.get("prep") or "").lower()
        offset = {"last": -1, "next": 1}.get(prep, 0)
        return Mention(
            MentionKind.WEEKDAY, s, e, text, weekday=WEEKDAYS[name], offset=offset, preposition=prep
        )
    if kind == Shape.RELATIVE_YEAR:
        word = " ".join(g["w"].lower().split())
        if word in _RELATIVE_YEARS or g.get("n_ru") or g.get("n_az"):
            # "в прошлом году", "keçən il", "5 лет назад": told as the English words would be
            n = (
                _RELATIVE_YEARS[word]
                if word in _RELATIVE_YEARS
                else -_count(g["n_ru"] or g["n_az"])
            )
            said = {-1: "last year", 0: "this year", 1: "next year"}.get(n, "ago")
            return Mention(MentionKind.RELATIVE_YEAR, s, e, text, offset=n, preposition=said)
        if g.get("n"):
            n = g["n"].lower()
            offset = -(int(n) if n.isdigit() else NUMBER_WORDS[n])
        elif "ago" in word or "last" in word or "previous" in word:
            offset = -1
        elif "next" in word or "coming" in word:
            offset = 1
        else:
            offset = 0
        return Mention(MentionKind.RELATIVE_YEAR, s, e, text, offset=offset, preposition=word)
    if kind == Shape.RELATIVE_MONTH:
        word = " ".join(g["w"].lower().split())
        offset = -1 if word.startswith("last") else (1 if word.startswith("next") else 0)
        offset = _RELATIVE_MONTHS.get(word, offset)
        return Mention(MentionKind.RELATIVE_MONTH, s, e, text, offset=offset)
    return None
