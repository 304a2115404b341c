"""Date expressions in Russian and Azerbaijani that ``dates`` does not read.

Russian: a year with its case ending ("в 2015 году", "с 2010 года", "в конце 2022 года"),
a month after a preposition ("в декабре", "в начале декабря"), "в прошлом году", "N лет
назад", "вчера", "накануне", "на прошлой неделе", weekdays ("в пятницу"), seasons
("прошлым летом"), decades ("1990-е"), centuries ("XX века"), "сейчас". Azerbaijani: the
year with its suffix ("2024-cü ildə", "2024-cü ilin 22 yanvar"), "dünən", "bu gün",
"keçən il", "N il əvvəl", "hazırda". Each finding is a ``timex_grammar.Found``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from articles.extraction.mentions import Mention, MentionKind, valid_date
from articles.extraction.months import month_number
from articles.extraction.timex import SEASON_CODES, Mod
from articles.extraction.timex_grammar import (
    CALENDAR,
    YEAR4,
    Found,
    FoundKind,
    Rule,
)

_RU_MONTH = "(?:" + "|".join(CALENDAR["russian_month_forms"]) + ")"
_AZ_MONTH = "(?:" + "|".join(CALENDAR["azerbaijani_months"]) + ")"
_RU_MODS = {"начал": Mod.START, "середин": Mod.MID, "конц": Mod.END, "конец": Mod.END}
_RU_PREPOSITIONS = {
    "в": "in",
    "во": "in",
    "с": "since",
    "со": "since",
    "до": "until",
    "к": "by",
    "ко": "by",
    "после": "after",
    "от": "from",
    "по": "until",
    "на": "of",
    "за": "of",
    "около": "in",
    "": "",
}
_RU_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
}
_RELATIVE = {
    "прошл": -1,
    "минувш": -1,
    "прошедш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "keçən": -1,
    "ötən": -1,
    "bu": 0,
    "gələn": 1,
}
_RU_NUMBERS = {
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dörd": 4,
    "beş": 5,
    "on": 10,
}
_RU_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1}
_AZ_DAYS = {"srağagün": -2, "dünən": -1, "bu gün": 0, "bugün": 0}
_B = r"(?<![\w-])"  # a word starts here (Cyrillic and Azerbaijani letters are \w)
_E = r"(?![\w])"


def _mod(word: str | None) -> Mod | None:
    if not word:
        return None
    return next((mod for stem, mod in _RU_MODS.items() if word.lower().startswith(stem)), None)


def _relative(word: str) -> int:
    word = word.lower()
    return next((v for stem, v in _RELATIVE.items() if word.startswith(stem)), 0)


def _ru_year(m: re.Match) -> Iterator[Found]:
    prep = _RU_PREPOSITIONS.get((m.group("prep") or "").lower(), "")
    if not m.group("prep") and m.group(0).endswith("года"):
        prep = "of"  # "за 9 месяцев 2025 года": of 2025
    year = int(m.group("y"))
    mention = Mention(MentionKind.YEAR, m.start(), m.end(), m.group(0), year, preposition=prep)
    start = m.start("mod") if m.group("mod") else m.start("y")
    yield Found(FoundKind.MENTION, start, m.end(), mention, mod=_mod(m.group("mod")))


def _ru_month(m: re.Match) -> Iterator[Found]:
    prep = _RU_PREPOSITIONS.get(m.group("prep").lower(), "")
    month = month_number(m.group("mon"))
    if month is None:
        return
    rel = m.group("rel")
    offset = _relative(rel) if rel else 0
    mention = Mention(
        MentionKind.MONTH,
        m.start(),
        m.end(),
        m.group(0),
        month=month,
        offset=offset,
        preposition=prep,
    )
    start = m.start("mod") if m.group("mod") else m.start("mon")
    yield Found(
        FoundKind.MENTION,
        start,
        m.end(),
        mention,
        mod=_mod(m.group("mod")),
        same_year=bool(rel) and offset == 0,
        overrides=True,
    )


def _relative_unit(m: re.Match) -> Iterator[Found]:
    offset = _relative(m.group("rel"))
    unit = m.group("unit").lower()
    if unit.startswith(("недел", "həftə")):
        yield Found(FoundKind.WEEK, m.start(), m.end(), number=offset)
        return
    kind = MentionKind.RELATIVE_MONTH if unit.startswith(("месяц", "ay")) else None
    kind = kind or MentionKind.RELATIVE_YEAR
    mention = Mention(kind, m.start(), m.end(), m.group(0), offset=offset, preposition="in")
    yield Found(FoundKind.MENTION, m.start(), m.end(), mention, overrides=True)


def _ago(m: re.Match) -> Iterator[Found]:
    word = (m.group("n") or "1").lower()
    n = int(word) if word.isdigit() else _RU_NUMBERS.get(word, 1)
    unit = (m.group("unit") or m.groupdict().get("unit1") or "").lower()
    if unit.startswith(("недел", "həftə")):
        yield Found(FoundKind.WEEK, m.start(), m.end(), number=-n)
        return
    if unit.startswith(("дн", "ден", "gün")):
        kind = MentionKind.RELATIVE_DAY
    elif unit.startswith(("месяц", "ay")):
        kind = MentionKind.RELATIVE_MONTH
    else:
        kind = MentionKind.RELATIVE_YEAR
    mention = Mention(kind, m.start(), m.end(), m.group(0), offset=-n)
    yield Found(
        FoundKind.MENTION, m.start(), m.end(), mention, ago=kind != MentionKind.RELATIVE_DAY
    )


def _relative_day(m: re.Match) -> Iterator[Found]:
    word = " ".join(m.group(0).lower().split())
    offset = _RU_DAYS.get(word, _AZ_DAYS.get(word, 0))
    mention = Mention(MentionKind.RELATIVE_DAY, m.start(), m.end(), m.group(0), offset=offset)
    yield Found(FoundKind.MENTION, m.start(), m.end(), mention)


def _counted_day(m: re.Match) -> Iterator[Found]:
    back = m.group(0).lower().startswith(("накануне", "bir"))
    yield Found(FoundKind.COUNTED_DAY, m.start(), m.end(), number=-1 if back else 1)


def _ru_weekday(m: re.Match) -> Iterator[Found]:
    weekday = _RU_WEEKDAYS[m.group("w").lower()]
    rel = m.group("rel")
    offset = _relative(rel) if rel else 0
    mention = Mention(
        MentionKind.WEEKDAY, m.start(), m.end(), m.group(0), weekday=weekday, offset=offset
    )
    yield Found(FoundKind.MENTION, m.start("w") if not rel else m.start("rel"), m.end(), mention)


def _ru_season(m: re.Match) -> Iterator[Found]:
    word = m.group("s").lower()
    code = next(v for k, v in SEASON_CODES.items() if word.startswith(k))
    if m.group("y"):
        year = int(m.group("y"))
        mention = Mention(MentionKind.YEAR, m.start(), m.end(), m.group(0), year, preposition="in")
        yield Found(FoundKind.SEASON, m.start(), m.end(), mention, number=year, code=code)
        return
    rel = m.group("rel")
    relation = {-1: "last", 0: "this", 1: "next"}[_relative(rel)] if rel else "in"
    yield Found(FoundKind.SEASON, m.start(), m.end(), code=code, relation=relation)


def _ru_decade(m: re.Match) -> Iterator[Found]:
    yield Found(FoundKind.DECADE, m.start(), m.end(), number=int(m.group("y")))


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int | None:
    total = 0
    values = [_ROMAN[c] for c in numeral]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total if 1 <= total <= 21 else None


def _century(m: re.Match) -> Iterator[Found]:
    ordinal = int(m.group("n")) if m.group("n") else _roman(m.group("r"))
    if ordinal and 1 <= ordinal <= 21:
        yield Found(FoundKind.CENTURY, m.start(), m.end(), number=ordinal)


def _present(m: re.Match) -> Iterator[Found]:
    yield Found(FoundKind.PRESENT, m.start(), m.end())


def _az_full(m: re.Match) -> Iterator[Found]:
    year, day, month = int(m.group("y")), int(m.group("d")), month_number(m.group("mon"))
    if month and valid_date(year, month, day):
        mention = Mention(MentionKind.FULL, m.start(), m.end(), m.group(0), year, month, day)
        yield Found(FoundKind.MENTION, m.start(), m.end(), mention, overrides=True)


_AZ_YEAR_SUFFIXES = {"də": "in", "ində": "in", "dən": "from", "ə": "until", "in": "of", "": ""}


def _az_year(m: re.Match) -> Iterator[Found]:
    prep = _AZ_YEAR_SUFFIXES.get((m.group("suf") or "").lower(), "")
    year = int(m.group("y"))
    mention = Mention(MentionKind.YEAR, m.start(), m.end(), m.group(0), year, preposition=prep)
    yield Found(FoundKind.MENTION, m.start(), m.end(), mention, overrides=True)


_RU_MOD = r"(?:(?P<mod>начале|начала|конце|конца|середине|середины)\s+)?"
_AZ_ORDINAL = r"-?(?:ci|cı|cu|cü|ci|nci|ncı|ncu|ncü)"

# Month stems to look for ("ма" alone would be everywhere: May's own forms instead).
_RU_MONTH_STEMS = tuple(s if s != "ма" else "мая" for s in CALENDAR["russian_month_stems"])
_RU_MONTH_STEMS += ("май", "мае")
_RU_WEEKDAY_WORDS = tuple(_RU_WEEKDAYS)
_AZ_YEAR_KEYS = ("il", "ildə")  # "ildə": an Azerbaijani word, so only such texts run it

RU_AZ_PATTERNS: list[Rule] = [
    (
        re.compile(
            rf"{_B}(?:(?P<prep>в|во|с|со|до|к|ко|после|от|по|на|за|около)\s+)?{_RU_MOD}"
            rf"(?P<y>{YEAR4})\s*(?:-?(?:го|м)\s+)?(?:(?:году|года|годом|год){_E}|гг?\.)",
            re.I,
        ),
        _ru_year,
        ("год", "г."),
    ),
    (
        re.compile(
            rf"{_B}(?P<prep>в|во|с|со|до|к|ко|после|по|от)\s+{_RU_MOD}(?P<mon>{_RU_MONTH}){_E}"
            r"(?!\s*\d)(?:\s+(?P<rel>прошлого|этого|текущего|нынешнего|следующего)\s+года)?",
            re.I,
        ),
        _ru_month,
        _RU_MONTH_STEMS,
    ),
    (
        re.compile(
            rf"{_B}(?:в|на)\s+(?P<rel>прошлом|минувшем|прошедшем|этом|текущем|нынешнем"
            rf"|следующем|будущем|прошлой|этой|следующей|будущей)\s+"
            rf"(?P<unit>году|месяце|неделе){_E}",
            re.I,
        ),
        _relative_unit,
        ("году", "месяце", "неделе"),
    ),
    (
        re.compile(
            rf"{_B}(?P<rel>keçən|ötən|bu|gələn)\s+(?P<unit>il|ay|həftə)"
            rf"(?:in|ə|də|dən)?{_E}",
            re.I,
        ),
        _relative_unit,
        ("keçən", "ötən", "gələn", "bu"),
    ),
    (
        re.compile(
            rf"{_B}(?:(?P<n>\d{{1,2}}|{'|'.join(_RU_NUMBERS)})\s+(?P<unit>лет|года?|дн(?:я|ей)"
            rf"|месяц(?:а|ев)?|недел[иь])|(?P<unit1>год|месяц|неделю|день)){_E}\s+назад{_E}",
            re.I,
        ),
        _ago,
        ("назад",),
    ),
    (
        re.compile(
            rf"{_B}(?P<n>\d{{1,2}}|bir|iki|üç|dörd|beş|on)\s+(?P<unit>il|ay|gün|həftə)\s+əvvəl{_E}",
            re.I,
        ),
        _ago,
        ("əvvəl",),
    ),
    (
        re.compile(rf"{_B}(?:позавчера|вчера|сегодня|завтра){_E}", re.I),
        _relative_day,
        ("вчера", "сегодня", "завтра"),
    ),
    (
        re.compile(rf"{_B}(?:srağagün|dünən|bu\s+gün|bugün){_E}", re.I),
        _relative_day,
        ("dünən", "gün"),
    ),
    (
        re.compile(rf"{_B}(?:накануне|на\s+следующий\s+день|ertəsi\s+gün){_E}", re.I),
        _counted_day,
        ("накануне", "следующий", "ertəsi"),
    ),
    (
        re.compile(
            rf"{_B}во?\s+(?:(?P<rel>прошл|следующ)(?:ый|ую|ое)\s+)?(?P<w>понедельник|вторник"
            rf"|среду|четверг|пятницу|субботу|воскресенье){_E}",
            re.I,
        ),
        _ru_weekday,
        _RU_WEEKDAY_WORDS,
    ),
    (
        re.compile(
            rf"{_B}(?:(?P<rel>прошлой|этой|следующей|минувшей|прошлым|этим|следующим|минувшим)"
            rf"\s+)?(?P<s>весной|летом|осенью|зимой){_E}(?:\s+(?P<y>{YEAR4})\s+года)?",
            re.I,
        ),
        _ru_season,
        ("весной", "летом", "осенью", "зимой"),
    ),
    (
        re.compile(rf"{_B}(?P<y>(?:1[5-9]|20)\d0)-(?:е|х|ые|ых|ым|ми){_E}", re.I),
        _ru_decade,
        ("0-",),
    ),
    (
        re.compile(
            rf"{_B}(?:(?P<r>[XVI]{{1,6}})|(?P<n>\d{{1,2}})-?(?:го|м|й)?)\s+"
            rf"(?:век(?:а|е|у|ом)?|əsr\w*){_E}"
        ),
        _century,
        ("век", "əsr"),
    ),
    (
        re.compile(
            rf"{_B}(?:сейчас|в\s+настоящее\s+время|ныне|в\s+данный\s+момент|на\s+данный\s+момент"
            rf"|hazırda|hal-hazırda|indi){_E}",
            re.I,
        ),
        _present,
        ("сейчас", "настоящее", "ныне", "данный", "hazırda", "indi"),
    ),
    (
        re.compile(
            rf"{_B}(?P<y>{YEAR4}){_AZ_ORDINAL}\s+ilin\s+(?P<d>\d{{1,2}})\s+(?P<mon>{_AZ_MONTH})"
            rf"(?:\s+tarixində|\s+tarixdə)?{_E}",
            re.I,
        ),
        _az_full,
        ("ilin", "ilində"),
    ),
    (
        re.compile(rf"{_B}(?P<y>{YEAR4}){_AZ_ORDINAL}\s+il(?P<suf>ində|də|dən|in|ə)?{_E}", re.I),
        _az_year,
        _AZ_YEAR_KEYS,
    ),
]
