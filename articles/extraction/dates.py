"""Finding date expressions in text and resolving them to honest dates.

A deliberately narrow grammar: only shapes that really are dates are matched
(a day with a month, a month with a year, a year after a preposition, named
weekdays and relative words), so "we", "may" the verb, "34%", "1155 views",
"a year" or "9 months of" never become dates. dateparser is used only to read
a candidate string in a fixed language, never to search whole texts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTH_NUMBERS[_name] = _number
# Azerbaijani (Latin) and Russian month names as datelines of this region use them.
for _number, _name in enumerate(
    [
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ],
    start=1,
):
    MONTH_NUMBERS.setdefault(_name, _number)
_RU_STEMS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]

_EN_MONTHS = sorted(MONTH_NUMBERS, key=len, reverse=True)
_MON = (
    r"(?:" + "|".join(_EN_MONTHS) + r")\.?"
    r"|(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]"
    r"|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"
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


def month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    if key in MONTH_NUMBERS:
        return MONTH_NUMBERS[key]
    for number, stem in enumerate(_RU_STEMS, start=1):
        if key.startswith(stem) and (stem != "ма" or key in ("май", "мая", "мае")):
            return number
    return None


@dataclass(frozen=True)
class Mention:
    """A date expression found in text, before resolution."""

    kind: str  # full | day_month | month_year | year | month | relative_day | weekday
    # | relative_year | relative_month | numeric_ambiguous
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # for relative kinds: days, years or months from the reference
    weekday: int | None = None
    preposition: str = ""


def valid_date(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        dt.date(year or 2000, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _two_digit_year(value: str, today: dt.date) -> int:
    year = int(value)
    if len(value) == 4:
        return year
    return 2000 + year if 2000 + year <= today.year + 1 else 1900 + year


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        "numeric",
        re.compile(
            r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\d:%]|[./]\d)"
        ),
    ),
    (
        "d_mon_y",
        re.compile(
            rf"(?<![\d:])\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})"
            rf",?\s+(?P<y>{_YEAR4})\b",
            re.I,
        ),
    ),
    (
        "mon_d_y",
        re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>{_YEAR4})\b", re.I),
    ),
    (
        "d_mon",
        re.compile(
            rf"(?<![\d:.,])\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})"
            r"(?![\w])",
            re.I,
        ),
    ),
    (
        "mon_d",
        re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}(?![\d%:,.]\d|\d|\s*%)", re.I),
    ),
    ("mon_y", re.compile(rf"\b(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR4})\b", re.I)),
    (
        "year",
        re.compile(
            rf"\b(?P<prep>{_PREP})\s+(?:the\s+year\s+)?(?P<y>{_YEAR4})\b(?!\s*[-–]\s*\d)", re.I
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>in|on|since|until|till|by|during|of|from|to|early|late|mid-?"
            rf"|last|next|this|previous|past|coming)\s+(?P<mon>{_MON})(?![\w])",
            re.I,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<w>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday"
            r"|the\s+day\s+after\s+tomorrow)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<prep>on|last|next|this|since|until|by|from|till|early|late)\s+(?P<w>{_WEEKDAY})\b"
            rf"|\b(?P<w2>{_WEEKDAY})(?=\s+(?:morning|afternoon|evening|night)\b|,\s)"
        ),
    ),
    (
        "relative_year",
        re.compile(
            r"\b(?P<w>earlier\s+this\s+year|later\s+this\s+year|this\s+year|the\s+current\s+year"
            r"|(?:the\s+)?last\s+year|the\s+previous\s+year|next\s+year|the\s+coming\s+year"
            r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago"
            r"|a\s+year\s+ago)\b",
            re.I,
        ),
    ),
    ("relative_month", re.compile(r"\b(?P<w>this\s+month|last\s+month|next\s+month)\b", re.I)),
]
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
}


def find_mentions(
    text: str, start: int = 0, end: int | None = None, today: dt.date | None = None
) -> list[Mention]:
    """Every date expression in text[start:end], longest match first, never overlapping."""
    today = today or dt.date.today()
    end = len(text) if end is None else end
    found: list[Mention] = []
    segment = text[start:end]
    taken = bytearray(len(segment))  # characters already part of a longer match
    # The patterns built on month names run only around the month names the text has: one
    # scan for them all instead of one scan per pattern.
    windows = _merge((max(0, m.start() - 12), m.end() + 40) for m in _MONTH_TOKEN.finditer(segment))
    for kind, pattern in _PATTERNS:
        if kind in _MONTH_KINDS:
            matches = (m for a, b in windows for m in pattern.finditer(segment, a, b))
        else:
            matches = pattern.finditer(segment)
        for match in matches:
            s, e = match.start() + start, match.end() + start
            if any(taken[match.start() : match.end()]):
                continue
            if kind in ("year", "d_mon", "mon_d") and _UNIT_AFTER.match(
                segment, match.end(), match.end() + 24
            ):
                continue  # "2001 people", "5 May 2%": a count, not a date
            mention = _mention(kind, match, s, e, today)
            if mention is None:
                continue
            found.append(mention)
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda m: m.start)


_MONTH_KINDS = {"d_mon_y", "mon_d_y", "d_mon", "mon_d", "mon_y", "month"}
_MONTH_TOKEN = re.compile(rf"(?<![^\W\d_])(?:{_MON})(?![^\W\d_])", re.I)


def _merge(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _mention(kind: str, m: re.Match, s: int, e: int, today: dt.date) -> Mention | None:
    g = m.groupdict()
    text = m.group(0)
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return Mention("full", s, e, text, y, mo, d) if valid_date(y, mo, d) else None
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        y = _two_digit_year(g["y"], today)
        if y > today.year + 1 or y < 1900:
            return None
        day_first = valid_date(y, b, a)
        month_first = valid_date(y, a, b)
        if g["sep"] == "." and day_first:
            return Mention("full", s, e, text, y, b, a)
        if day_first and month_first and a != b:
            return Mention("numeric_ambiguous", s, e, text, y)
        if day_first:
            return Mention("full", s, e, text, y, b, a)
        if month_first:
            return Mention("full", s, e, text, y, a, b)
        return None
    if kind in ("d_mon_y", "mon_d_y", "d_mon", "mon_d"):
        mon = month_number(g["mon"])
        d = int(g["d"])
        y = int(g["y"]) if g.get("y") else None
        if mon is None or not valid_date(y or 2000, mon, d) or d == 0:
            return None
        if g["mon"].lower().startswith("may") and g["mon"][0] == "m" and kind in ("mon_d",):
            return None  # "may 5" in lower case is usually the verb before a number
        return Mention("full" if y else "day_month", s, e, text, y, mon, d)
    if kind == "mon_y":
        mon = month_number(g["mon"])
        if mon is None or (g["mon"].lower() == "may" and g["mon"][0] == "m"):
            return None
        return Mention("month_year", s, e, text, int(g["y"]), mon)
    if kind == "year":
        y = int(g["y"])
        if y > today.year + 30:
            return None
        prep = " ".join(g["prep"].lower().split())
        return Mention("year", s, e, text, y, preposition=prep)
    if kind == "month":
        if not g["mon"][0].isupper():
            return None  # "may" the verb; month names are capitalised in English
        mon = month_number(g["mon"])
        prep = g["prep"].lower()
        offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(prep, 0)
        return Mention("month", s, e, text, month=mon, offset=offset, preposition=prep)
    if kind == "relative_day":
        word = " ".join(g["w"].lower().split())
        offset = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[word]
        return Mention("relative_day", s, e, text, offset=offset)
    if kind == "weekday":
        name = (g.get("w") or g.get("w2")).lower()
        prep = (g.get("prep") or "").lower()
        offset = {"last": -1, "next": 1}.get(prep, 0)
        return Mention(
            "weekday", s, e, text, weekday=WEEKDAYS[name], offset=offset, preposition=prep
        )
    if kind == "relative_year":
        word = " ".join(g["w"].lower().split())
        if g.get("n"):
            n = g["n"].lower()
            offset = -(int(n) if n.isdigit() else NUMBER_WORDS[n])
        elif "ago" in word or "last" in word or "previous" in word:
            offset = -1
        elif "next" in word or "coming" in word:
            offset = 1
        else:
            offset = 0
        return Mention("relative_year", s, e, text, offset=offset, preposition=word)
    if kind == "relative_month":
        word = g["w"].lower()
        offset = -1 if word.startswith("last") else (1 if word.startswith("next") else 0)
        return Mention("relative_month", s, e, text, offset=offset)
    return None
