"""Periods in English date expressions: weeks, weekends, seasons, decades, centuries, "now".

"this week", "last weekend", "two weeks ago", "last summer", "spring this year", "the summer of
2016", "in the winter", "the 1990s", "the 20th century", "now", "currently": findings of the
tagger's own grammar (``timex_grammar.Found``) that name a period rather than a day, month or
year; ``temporal`` resolves them to TIMEX3 values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from articles.extraction.timex import SEASON_CODES
from articles.extraction.timex_grammar import (
    NUMBER,
    WORDS,
    YEAR4,
    Found,
    FoundKind,
    Rule,
    mod_of,
    number_value,
    year_mention,
)

_CENTURY_WORDS: dict[str, int] = WORDS["century_words"]


def _decade(m: re.Match) -> Iterator[Found]:
    year = int(m.group("y")) if m.group("y") else 1900 + int(m.group("yy"))
    yield Found(FoundKind.DECADE, m.start(), m.end(), number=year, mod=mod_of(m.group("mod")))


def _century(m: re.Match) -> Iterator[Found]:
    ordinal = int(m.group("n")) if m.group("n") else _CENTURY_WORDS[m.group("w").lower()]
    if 1 <= ordinal <= 21:
        yield Found(FoundKind.CENTURY, m.start(), m.end(), number=ordinal, mod=mod_of(m["mod"]))


_WEEK_OFFSETS = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


def _week(m: re.Match) -> Iterator[Found]:
    words = m.group(0).lower().split()
    offset = next((v for k, v in _WEEK_OFFSETS.items() if k in words), 0)
    kind = FoundKind.WEEKEND if words[-1] == "weekend" else FoundKind.WEEK
    yield Found(kind, m.start(), m.end(), number=offset)


def _weeks_ago(m: re.Match) -> Iterator[Found]:
    yield Found(FoundKind.WEEK, m.start(), m.end(), number=-number_value(m.group("n")))


def _season(m: re.Match) -> Iterator[Found]:
    code = SEASON_CODES[m.group("s").lower()]
    groups = m.groupdict()
    mod = mod_of(groups.get("mod"))
    if groups.get("y"):
        year = int(m.group("y"))
        mention = year_mention(m, "y", "in")
        yield Found(
            FoundKind.SEASON,
            m.start(),
            m.end(),
            mention,
            number=year,
            code=code,
            mod=mod,
            overrides=True,
        )
        return
    relation = " ".join((groups.get("rel") or "in").lower().split())
    relation = {"previous": "last", "coming": "next"}.get(relation, relation)
    relation = "last" if relation.endswith("past") else relation
    if groups.get("yrel"):  # "spring of last year": the season of that year
        relation = "year" + {"last": "-1", "this": "+0", "next": "+1"}[m.group("yrel").lower()]
    start = m.start("body") if groups.get("body") else m.start()
    overrides = relation.startswith("year")  # "spring this year" over "this year"
    yield Found(
        FoundKind.SEASON,
        start,
        m.end(),
        code=code,
        relation=relation,
        mod=mod,
        overrides=overrides,
    )


def _present(m: re.Match) -> Iterator[Found]:
    yield Found(FoundKind.PRESENT, m.start(), m.end())


_SEASON = r"(?P<s>(?i:spring|summer|autumn|fall|winter))"
_SEASON_MOD = r"(?:(?P<mod>early|mid|late)[\s-]+)?"

_DECADE = re.compile(r"0['’]?s\b")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")

PERIOD_PATTERNS: list[Rule] = [
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
            r"(?:(?P<y>(?:1[5-9]|20)\d0)['’]?s|['’](?P<yy>[3-9]0)s)\b",
            re.I,
        ),
        _decade,
        _DECADE,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)"
            r"|(?P<w>" + "|".join(_CENTURY_WORDS) + r"))[\s-]+century\b",
            re.I,
        ),
        _century,
        ("centur",),
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+this|this|last|next|the\s+(?:previous|coming))"
            r"\s+week(?:end)?\b",
            re.I,
        ),
        _week,
        ("week",),
    ),
    (re.compile(rf"\b{NUMBER}\s+weeks?\s+ago\b", re.I), _weeks_ago, ("ago",)),
    (
        re.compile(
            rf"\b{_SEASON_MOD}{_SEASON}\s+(?:of\s+)?(?:(?P<y>{YEAR4})\b"
            r"|(?P<yrel>this|last|next)\s+year\b)"
        ),
        _season,
        _SEASONS,
    ),
    (
        re.compile(
            r"\b(?P<rel>last|this|next|coming|previous|(?:this|the)\s+past)\s+"
            r"(?P<s>spring|summer|autumn|fall|winter)\b",
            re.I,
        ),
        _season,
        _SEASONS,
    ),
    (
        re.compile(
            r"\b(?:in|during|over|until|since)\s+(?P<body>(?:the\s+)?"
            r"(?:(?P<mod>early|late)\s+)?(?P<s>spring|summer|autumn|winter))\b(?!\s+of\b|\s*\d)",
            re.I,
        ),
        _season,
        _SEASONS,
    ),
    (
        re.compile(
            r"\b(?:now|currently|at\s+present|presently|nowadays|at\s+the\s+moment"
            r"|these\s+days)\b(?![-’'])",
            re.I,
        ),
        _present,
        ("now", "current", "present", "moment", "days"),
    ),
]
