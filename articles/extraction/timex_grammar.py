"""Date expressions beyond ``dates.find_mentions``: the tagger's own English grammar.

``dates`` finds the dates events are dated by; this module adds what a complete list of an
article's time expressions needs besides: a bare weekday after a verb ("said Friday"), a year
as a modifier ("a 2015 agreement"), year and day ranges ("2011-2012", "May 4-5"), "mid-2016",
a day counted from another ("the previous day"), "through September", "N days ago", "July of
this year". Weeks, seasons, decades, centuries and "now" are in ``timex_periods``; Russian and
Azerbaijani shapes in ``timex_grammar_ru``. Each finding is a ``Found``; where the claim
machinery can resolve it, it carries a ``Mention``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from articles.extraction.dates import NUMBER_WORDS, WEEKDAYS
from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.mentions import Mention, MentionKind, valid_date
from articles.extraction.months import MONTH_NUMBERS, month_number
from articles.extraction.timex import Mod
from articles.extraction.vocabulary import vocabulary

WORDS = vocabulary("temporal")
CALENDAR = vocabulary("calendar")


class FoundKind(StrEnum):
    """What a finding of the tagger's own grammar names."""

    MENTION = "mention"  # a date the claim machinery resolves (its ``mention``)
    WEEK = "week"  # number: weeks from the article's week
    WEEKEND = "weekend"
    SEASON = "season"  # code; number: the year written, or relation: last/this/next/in
    DECADE = "decade"  # number: the first year
    CENTURY = "century"  # number: the ordinal (20 for the 20th)
    PRESENT = "present"
    COUNTED_DAY = "counted_day"  # number: days from the date told before ("the previous day")


@dataclass(frozen=True)
class Found:
    """A date expression of the tagger's own grammar, at text[start:end]."""

    kind: FoundKind
    start: int
    end: int
    mention: Mention | None = None
    number: int | None = None
    code: str = ""
    relation: str = ""
    mod: Mod | None = None
    overrides: bool = False  # wins over a shorter expression of ``dates`` inside it
    event_noun: bool = False  # a year modifying a happening: "a 2009 accord"
    ago: bool = False  # "ten years ago": a rounded span, not a date
    range_end: bool = False  # the second year or day of a range
    same_year: bool = False  # "in July of this year": the article's year, whatever the tense


YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
EN_MONTH = (  # any case: callers check the capital that makes "May" a month
    r"(?i:"
    + "|".join(
        sorted(
            {*map(str.lower, MONTH_NAMES), *(n[:3].lower() for n in MONTH_NAMES), "sept"},
            key=len,
            reverse=True,
        )
    )
    + r")\.?"
)
ANY_MONTH = (
    r"(?:"
    + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    + r")\.?|(?:"
    + "|".join(CALENDAR["russian_month_forms"])
    + ")"
)
WEEKDAY = "(?:" + "|".join(CALENDAR["weekdays"]) + ")"
NUMBER = r"(?P<n>\d{1,2}|" + "|".join(k for k in NUMBER_WORDS if k != "a") + r"|a|an|one)"
MOD_WORDS = {
    "early": Mod.START,
    "beginning": Mod.START,
    "start": Mod.START,
    "mid": Mod.MID,
    "middle": Mod.MID,
    "late": Mod.END,
    "end": Mod.END,
}
_UNITS = re.compile("(?:" + "|".join(WORDS["units"]) + r")\Z", re.I)
_EVENT_NOUNS = frozenset(WORDS["event_nouns"])
_SINGULAR_S = frozenset(WORDS["singular_s"])


def number_value(word: str) -> int:
    """ "3" -> 3, "three" -> 3, "a" -> 1."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def mod_of(word: str | None) -> Mod | None:
    """ "early" -> START, "the end of" -> END."""
    if not word:
        return None
    return next((mod for key, mod in MOD_WORDS.items() if key in word.lower()), None)


def year_mention(m: re.Match, group: str, preposition: str) -> Mention:
    """A year mention over a match's group."""
    return Mention(
        MentionKind.YEAR,
        m.start(group),
        m.end(group),
        m.group(group),
        int(m.group(group)),
        preposition=preposition,
    )


Builder = Callable[[re.Match], Iterator[Found]]
# What a rule's matches must have near them: words (lower case) or a pattern. The tagger runs a
# rule only around them, so that an article without "week" never pays for the week rule.
Trigger = tuple[str, ...] | re.Pattern
Rule = tuple[re.Pattern, Builder, Trigger]
_DASHED = re.compile(r"[-–—]\s*\d")  # a dash before a digit: ranges
_WEEKDAY_WORDS = tuple(day.lower() for day in CALENDAR["weekdays"])
_YEARISH = re.compile(r"(?:1[5-9]|20)\d\d")


def _bare_weekday(m: re.Match) -> Iterator[Found]:
    before = re.search(r"(\S+)\s+$", m.string[max(0, m.start() - 40) : m.start()])
    if before is None or not (before.group(1)[0].islower() or before.group(1).endswith(",")):
        return  # "Good Friday", "Bloody Sunday": a name, not a day
    weekday = WEEKDAYS[m.group("w").lower()]
    mention = Mention(MentionKind.WEEKDAY, m.start(), m.end(), m.group(0), weekday=weekday)
    yield Found(FoundKind.MENTION, m.start(), m.end(), mention)


def _attributive_year(m: re.Match) -> Iterator[Found]:
    if not _DETERMINER_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return  # "Route 2015 runs ...": no article or possessive before the year
    noun = m.group("noun").lower()
    if _UNITS.match(noun) or (noun.endswith("s") and noun not in _SINGULAR_S | _EVENT_NOUNS):
        return  # "the 2000 residents", "a 1900 km border": a count
    mention = year_mention(m, "y", "attributive")
    yield Found(
        FoundKind.MENTION,
        m.start("y"),
        m.end("y"),
        mention=mention,
        event_noun=noun in _EVENT_NOUNS,
    )


def _year_range(m: re.Match) -> Iterator[Found]:
    first, second = int(m.group("a")), m.group("b")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if len(second) == 2 and last < first:
        last += 100  # "1999-00"
    if not first < last <= first + (50 if len(second) == 4 else 20):
        return  # "2015-05" is not a range
    yield Found(FoundKind.MENTION, m.start("a"), m.end("a"), year_mention(m, "a", "range"))
    end = Mention(MentionKind.YEAR, m.start("b"), m.end("b"), second, last, preposition="range")
    yield Found(FoundKind.MENTION, m.start("b"), m.end("b"), end, range_end=True)


def _day_range(m: re.Match) -> Iterator[Found]:
    month = month_number(m.group("mon"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    year = int(m.group("y")) if m.group("y") else None
    if month is None or not (0 < d1 < d2 and valid_date(year, month, d2)):
        return
    kind = MentionKind.FULL if year else MentionKind.DAY_MONTH
    whole = m.group(0)
    first = Mention(kind, m.start(), m.end(), whole, year, month, d1)
    yield Found(
        FoundKind.MENTION, min(m.start("mon"), m.start("d1")), m.end("d1"), first, overrides=True
    )
    second = Mention(kind, m.start(), m.end(), whole, year, month, d2)
    yield Found(FoundKind.MENTION, m.start("d2"), m.end(), second, overrides=True, range_end=True)


def _units_ago(m: re.Match) -> Iterator[Found]:
    n = number_value(m.group("n"))
    kind = MentionKind.RELATIVE_DAY if m.group("unit").startswith("day") else None
    kind = kind or MentionKind.RELATIVE_MONTH
    mention = Mention(kind, m.start(), m.end(), m.group(0), offset=-n)
    yield Found(
        FoundKind.MENTION, m.start(), m.end(), mention, ago=kind != MentionKind.RELATIVE_DAY
    )


def _mid(m: re.Match) -> Iterator[Found]:
    """ "mid-2016", "mid-October": a year or a month with its middle."""
    if m.group("y"):
        mention = year_mention(m, "y", "mid-")
    elif not m.group("mon")[0].isupper():
        return
    else:
        month = month_number(m.group("mon"))
        mention = Mention(MentionKind.MONTH, m.start(), m.end(), m.group(0), month=month)
        mention = replace(mention, preposition="mid-")
    yield Found(FoundKind.MENTION, m.start(), m.end(), mention, mod=Mod.MID, overrides=True)


def _counted_day(m: re.Match) -> Iterator[Found]:
    words = m.group(0).lower()
    n = number_value(m.group("n")) if m.group("n") else 1
    back = any(w in words for w in ("previous", "preceding", "before", "earlier"))
    number = 0 if "same" in words else (-n if back else n)
    yield Found(FoundKind.COUNTED_DAY, m.start(), m.end(), number=number)


def _through_month(m: re.Match) -> Iterator[Found]:
    mon = m.group("mon")
    if not mon[0].isupper():
        return
    mention = Mention(
        MentionKind.MONTH,
        m.start("mon"),
        m.end(),
        m.group(0),
        month=month_number(mon),
        preposition="through",
    )
    yield Found(FoundKind.MENTION, m.start("mon"), m.end(), mention)


def _month_of_year(m: re.Match) -> Iterator[Found]:
    mon = m.group("mon")
    if not mon[0].isupper():
        return
    rel = m.group("rel").lower()
    offset = {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
    mention = Mention(
        MentionKind.MONTH,
        m.start(),
        m.end(),
        m.group(0),
        month=month_number(mon),
        offset=offset,
        preposition="in",
    )
    yield Found(
        FoundKind.MENTION, m.start(), m.end(), mention, overrides=True, same_year=offset == 0
    )


_DETERMINER_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?i:a|an|the|its|his|her|their|our|this|that)|[A-Za-z][\w.-]*['’]s)\s+$"
)

EN_PATTERNS: list[Rule] = [
    (
        re.compile(
            rf"\b(?P<mon>{ANY_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*"
            rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR4}))?(?![\d%:,.]\d|\d)",
            re.I,
        ),
        _day_range,
        _DASHED,
    ),
    (
        re.compile(
            r"(?<![\d:.,])\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*(?P<d2>\d{1,2})"
            rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{ANY_MONTH})(?![\w])(?:,?\s+(?P<y>{YEAR4})\b)?",
            re.I,
        ),
        _day_range,
        _DASHED,
    ),
    (
        re.compile(
            rf"(?<![\w+./–-])(?<!\d\s)(?P<a>{YEAR4})\s?[-–—]\s?(?P<b>\d{{4}}|\d\d)(?![\w./]|[-–]\d)"
        ),
        _year_range,
        _DASHED,
    ),
    (
        re.compile(
            rf"(?<![\w.,/-])(?P<y>{YEAR4})\s+(?:[A-Z][\w-]*\s+){{0,2}}(?P<noun>[a-z][a-z-]*[a-z])\b"
        ),
        _attributive_year,
        _YEARISH,
    ),
    (
        re.compile(
            rf"(?<=[a-z,] )(?<!\bevery )(?<!\beach )(?<!\ba )(?<!\bthe )(?P<w>{WEEKDAY})\b"
            r"(?=\s*[.;,]|\s+(?:with|in|at|to|and|after|before|for|that|when|as|amid|near|over"
            r"|on|but|while|during|from|under|by|night|morning|afternoon|evening)\b)"
        ),
        _bare_weekday,
        _WEEKDAY_WORDS,
    ),
    (re.compile(rf"\b{NUMBER}\s+(?P<unit>days?|months?)\s+ago\b", re.I), _units_ago, ("ago",)),
    (re.compile(rf"\b[Mm]id-(?:(?P<y>{YEAR4})|(?P<mon>{EN_MONTH}))(?![\w-])"), _mid, ("mid-",)),
    (
        re.compile(
            r"\b(?:the\s+(?:previous|preceding|next|following|same)\s+day"
            r"|the\s+day\s+before(?!\s+(?:yesterday|the|a|an|his|her|its|their|[A-Z\d]))"
            rf"|(?:a|{NUMBER})\s+days?\s+(?:earlier|later))\b",
            re.I,
        ),
        _counted_day,
        ("day",),
    ),
    (
        re.compile(rf"\b(?:through|thru|throughout)\s+(?P<mon>{EN_MONTH})(?![\w])(?!\s*\d)"),
        _through_month,
        ("thr",),
    ),
    (
        re.compile(
            rf"\b(?P<mon>{EN_MONTH})\s+(?:of\s+)?(?P<rel>this|last|next|the\s+previous)\s+year\b"
        ),
        _month_of_year,
        ("year",),
    ),
]
