"""Fixing a year the article never states, only from real evidence, and saying how.

Clues, strongest first:
- an anniversary: "the first anniversary of the declaration signed on February 22, 2022";
  "the 100th anniversary of <a well-known birth>";
- a known event said to be of this year or last year: "the Declaration ... signed earlier
  this year", when the timeline (or the same import batch, or the built-in history) dates it;
- a span since a known event: "more than a year and a half has passed since the end of the
  second Karabakh war";
- for a day and month with no year: the weekday the text names ("on Friday"), restricted to
  the years in which the people it names held the offices it gives them.
If clues disagree, or none exists, the year stays unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from articles.extraction.actors import NameHit, fold
from articles.extraction.dates import NUMBER_WORDS, WEEKDAYS, Mention
from articles.extraction.types import DAY, MONTH, DateClaim, KnownEvent

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "fifteenth": 15,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "thirty-fifth": 35,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "seventy-fifth": 75,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "centenary": 100,
    "centennial": 100,
    "one-hundredth": 100,
}
_ANNIVERSARY = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))\s+anniversary\s+of\b"
    r"|\b(?P<cent>centenary|centennial)\s+of\b",
    re.I,
)
_SPAN_SINCE = re.compile(
    r"\b(?P<q>more\s+than|over|almost|nearly|about|around|some)?\s*"
    r"(?P<n>a\s+year\s+and\s+a\s+half|one\s+and\s+a\s+half\s+years|half\s+a\s+year"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"(?:\s+and\s+a\s+half)?\s+(?:years?|months?))"
    r"\s+(?:have|has)\s+(?:already\s+)?(?:passed|elapsed|gone\s+by)\s+since\b",
    re.I,
)
_STOP = {"the", "of", "on", "in", "and", "a", "an", "for", "to", "between", "with", "about"}


@dataclass(frozen=True)
class HistoryEvent:
    """A well-known dated event an article may refer to without its date."""

    label: str
    patterns: tuple[str, ...]
    start: DateClaim
    end: DateClaim
    kind: str = "event"  # "birth" and "death" name a person: only anniversaries use them


@dataclass(frozen=True)
class YearClue:
    year: int
    reason: str
    evidence_start: int
    evidence_end: int


def parse_iso(value: str | None) -> DateClaim | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return DateClaim(DAY, *parts)
    if len(parts) == 2:
        return DateClaim(MONTH, parts[0], parts[1])
    return DateClaim("year", parts[0])


def describe(claim: DateClaim) -> str:
    if claim.precision == DAY:
        return f"{claim.day} {calendar.month_name[claim.month]} {claim.year}"
    if claim.precision == MONTH:
        return f"{calendar.month_name[claim.month]} {claim.year}"
    return str(claim.year)


def label_key(label: str) -> frozenset[str]:
    return frozenset(fold(w) for w in re.findall(r"[^\W\d_]+", label.lower()) if w not in _STOP)


def _label_words(label: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", label.lower())
    if not words:
        return []
    return [fold(words[0])] + [fold(w) for w in words[1:] if w not in _STOP]


class KnownIndex:
    """Dated documents by name, so that a name is looked up, not compared with every one.

    The first date given for a name wins: callers list the most precise first.
    """

    def __init__(self, events=()):
        self.events: list[KnownEvent] = []
        self._keys: set[frozenset] = set()
        self._by_word: dict[tuple[str, str], list[int]] = {}
        for event in events:
            self._add(event)

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self):
        return iter(self.events)

    def _add(self, event: KnownEvent) -> None:
        words = _label_words(event.label)
        key = label_key(event.label)
        if not words or key in self._keys:
            return
        self._keys.add(key)
        self.events.append(event)
        for word in set(words[1:]) or {""}:
            self._by_word.setdefault((words[0], word), []).append(len(self.events) - 1)

    def plus(self, extra) -> KnownIndex:
        index = KnownIndex()
        index.events = list(self.events)
        index._keys = set(self._keys)
        index._by_word = {k: list(v) for k, v in self._by_word.items()}
        for event in extra:
            index._add(event)
        return index

    def match(self, name: str) -> KnownEvent | None:
        words = _label_words(name)
        if not words:
            return None
        found = sorted(
            {i for w in set(words[1:]) or {""} for i in self._by_word.get((words[0], w), ())}
        )
        return next(
            (self.events[i] for i in found if labels_match(name, self.events[i].label)), None
        )


def labels_match(a: str, b: str) -> bool:
    """Two names of one document: same kind of document, half their other words shared."""
    ka, kb = label_key(a), label_key(b)
    if not ka or not kb:
        return False
    doc_a = fold(re.findall(r"[^\W\d_]+", a.lower())[0]) if a else ""
    doc_b = fold(re.findall(r"[^\W\d_]+", b.lower())[0]) if b else ""
    if doc_a != doc_b:
        return False
    rest_a, rest_b = ka - {doc_a}, kb - {doc_b}
    if not rest_a or not rest_b:
        return rest_a == rest_b
    return len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) >= 0.5


def find_known(
    sentence: str, known: KnownIndex, history: list[HistoryEvent], *, people: bool = False
) -> tuple[str, DateClaim, DateClaim, str] | None:
    """A dated event the sentence names: (label, start, end, where the date comes from)."""
    lowered = " ".join(sentence.lower().split())
    for candidate in _document_names(sentence):
        event = known.match(candidate)
        if event is not None:
            return event.label, event.date, event.date, event.source or "another article"
    pattern, by_name = _history_index(tuple(history))
    best: HistoryEvent | None = None
    best_len = 0
    for m in pattern.finditer(lowered):
        event = by_name[m.group(0)]
        if event.kind in ("birth", "death") and not people:
            continue
        if len(m.group(0)) > best_len:  # the longest name wins: "great patriotic war"
            best, best_len = event, len(m.group(0))
    if best:
        return best.label, best.start, best.end, "the built-in history"
    return None


@lru_cache(maxsize=8)
def _history_index(history: tuple[HistoryEvent, ...]) -> tuple[re.Pattern, dict]:
    """One alternation of every history name, longest first, for a single scan per sentence."""
    by_name: dict[str, HistoryEvent] = {}
    for event in history:
        for name in event.patterns:
            by_name.setdefault(name, event)
    names = sorted(by_name, key=len, reverse=True) or ["(?!x)x"]
    alternation = "|".join(re.escape(n) for n in names) if by_name else "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), by_name


_DOC_NAME = re.compile(
    r"\b((?:declaration|treaty|agreement|statement|memorandum|protocol|accord|charter"
    r"|convention|communiqu[eé])\b(?:\s+(?:on|of|for|about)\s+[\w-]+(?:\s+[\w-]+){0,2})?)",
    re.I,
)


def _document_names(sentence: str) -> list[str]:
    return [m.group(1) for m in _DOC_NAME.finditer(sentence)]


def anniversary_clues(
    text: str,
    sentences: list[tuple[int, int]],
    known: KnownIndex,
    history: list[HistoryEvent],
    year_mentions: list[Mention],
) -> list[YearClue]:
    clues = []
    for s, e in sentences:
        sentence = text[s:e]
        for m in _ANNIVERSARY.finditer(sentence):
            if m.group("num"):
                n = int(m.group("num"))
            elif m.group("cent"):
                n = 100
            else:
                n = ORDINALS.get(m.group("word").lower())
            if not n:
                continue
            rest_start = s + m.end()
            base = next(
                (
                    mm
                    for mm in year_mentions
                    if rest_start <= mm.start < e
                    and mm.year
                    and mm.kind in ("full", "month_year", "year")
                ),
                None,
            )
            if base is not None:
                names = _document_names(text[rest_start : base.start])
                base_year = base.year
                base_words = f"the {names[0].lower()} ({base.text})" if names else f"'{base.text}'"
            else:
                found = find_known(text[rest_start:e], known, history, people=True)
                if found is None:
                    continue
                label, start, _end, origin = found
                base_year, base_words = start.year, f"{label} ({describe(start)}, {origin})"
            year = base_year + n
            shift = _year_shift(sentence)
            clues.append(
                YearClue(
                    year + shift,
                    f"the {_ordinal_words(n)} anniversary of {base_words}"
                    + (f" is {'next' if shift < 0 else 'last'} year" if shift else ""),
                    s + m.start(),
                    e,
                )
            )
    return clues


def _year_shift(sentence: str) -> int:
    lowered = sentence.lower()
    if "next year" in lowered:
        return -1
    if re.search(r"\blast year\b", lowered):
        return 1
    return 0


def _ordinal_words(n: int) -> str:
    words = {
        v: k for k, v in ORDINALS.items() if "-" not in k and k not in ("centenary", "centennial")
    }
    return words.get(n, _ordinal(n))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def this_year_clues(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    known: KnownIndex,
    history: list[HistoryEvent],
) -> list[YearClue]:
    """A known event said to have happened this year (or last year)."""
    clues = []
    for mention in mentions:
        if mention.kind != "relative_year" or mention.offset not in (0, -1):
            continue
        if "ago" in mention.text.lower():
            continue
        s, e = next(((s, e) for s, e in sentences if s <= mention.start < e), (None, None))
        if s is None:
            continue
        sentence = text[s:e]
        if _ANNIVERSARY.search(sentence):
            continue
        found = find_known(sentence, known, history)
        if found is None:
            continue
        label, start, _end, origin = found
        if start.precision not in (DAY, MONTH, "year"):
            continue
        year = start.year - mention.offset
        clues.append(
            YearClue(
                year,
                f"{label} ({describe(start)}, from {origin}) happened '{mention.text}'",
                mention.start,
                mention.end,
            )
        )
    return clues


def span_clues(
    text: str,
    sentences: list[tuple[int, int]],
    known: KnownIndex,
    history: list[HistoryEvent],
) -> list[YearClue]:
    """'More than a year and a half has passed since <known event>'."""
    clues = []
    for s, e in sentences:
        sentence = text[s:e]
        for m in _SPAN_SINCE.finditer(sentence):
            found = find_known(sentence[m.end() :], known, history)
            if found is None:
                continue
            label, start, end, origin = found
            use_end = bool(re.match(r"\s+the\s+end\s+of\b", sentence[m.end() :], re.I))
            anchor = end if use_end else start
            if anchor.precision not in (DAY, MONTH):
                continue
            months = _span_months(m.group("n"))
            base = dt.date(anchor.year, anchor.month, anchor.day or 15)
            qualifier = (m.group("q") or "").lower()
            if qualifier in ("more than", "over"):
                low, high = months, months + (6 if "half" in m.group("n") else 12)
            elif qualifier in ("almost", "nearly"):
                low, high = months - 3, months
            else:
                low, high = months - 2, months + 2
            first, last = _add_months(base, low), _add_months(base, high)
            if first.year != last.year:
                continue
            point = "end" if use_end else "start"
            clues.append(
                YearClue(
                    first.year,
                    f"'{m.group(0).strip()}' the {point} of {label} "
                    f"({describe(anchor)}, from {origin})",
                    s + m.start(),
                    e,
                )
            )
    return clues


def _span_months(words: str) -> int:
    words = words.lower()
    if "year and a half" in words or "one and a half years" in words:
        return 18
    if words.startswith("half a year"):
        return 6
    n_word, unit = words.split()[0], words.split()[-1]
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word, 1)
    months = n * 12 if unit.startswith("year") else n
    if "and a half" in words:
        months += 6 if unit.startswith("year") else 0
    return months


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# Office titles as written in English news, mapped to the registry's vocabulary.
TITLES = [
    (r"deputy\s+prime\s+minister|deputy\s+premier|vice[-\s]premier", "Deputy Prime Minister"),
    (r"first\s+deputy\s+prime\s+minister", "First Deputy Prime Minister"),
    (r"prime\s+minister|premier", "Prime Minister"),
    (r"first\s+vice[-\s]president", "Vice President"),
    (r"vice[-\s]president", "Vice President"),
    (r"supreme\s+leader", "Supreme Leader"),
    (r"president|head\s+of\s+(?:the\s+)?state|leader", "President"),
    (r"foreign\s+minister|minister\s+of\s+foreign\s+affairs|top\s+diplomat", "Foreign Minister"),
    (r"defen[cs]e\s+minister|minister\s+of\s+defen[cs]e", "Defence Minister"),
    (
        r"(?:kremlin\s+)?spokes(?:man|woman|person)(?:\s+for\s+the\s+president)?|press\s+secretary",
        "Press Secretary",
    ),
    (r"(?:presidential\s+)?aide", "Presidential Aide"),
    (r"ambassador", "Ambassador"),
]
COUNTRY_WORDS = {
    "russian": "Russia",
    "russia": "Russia",
    "russian federation": "Russia",
    "kremlin": "Russia",
    "azerbaijani": "Azerbaijan",
    "azerbaijan": "Azerbaijan",
    "azeri": "Azerbaijan",
    "republic of azerbaijan": "Azerbaijan",
    "armenian": "Armenia",
    "armenia": "Armenia",
    "turkish": "Turkey",
    "turkey": "Turkey",
    "türkiye": "Turkey",
    "iranian": "Iran",
    "iran": "Iran",
    "georgian": "Georgia",
    "georgia": "Georgia",
    "kazakh": "Kazakhstan",
    "belarusian": "Belarus",
    "ukrainian": "Ukraine",
    "us": "USA",
    "american": "USA",
    "french": "France",
}
_COUNTRY_RE = "|".join(sorted((re.escape(w) for w in COUNTRY_WORDS), key=len, reverse=True))
_TITLE_RE = "|".join(f"(?:{p})" for p, _ in TITLES)
_TITLE_BEFORE = re.compile(
    rf"(?P<former>\b(?:former|ex-|then)\s*)?(?:the\s+)?(?:(?P<adj>{_COUNTRY_RE})\s+)?"
    rf"(?P<title>{_TITLE_RE})(?:\s+of\s+(?:the\s+)?(?P<of>{_COUNTRY_RE}))?"
    r"(?:\s*,)?\s*\[?\s*(?:[A-Z][\w'-]+\s+)?$",
    re.I,
)


def title_of(text: str, hit: NameHit) -> tuple[str, str | None, bool] | None:
    """The office a text gives a person right before their name: (title, country, former)."""
    before = text[max(0, hit.start - 80) : hit.start]
    m = _TITLE_BEFORE.search(before)
    if not m:
        return None
    raw = " ".join(m.group("title").lower().split())
    title = next((t for p, t in TITLES if re.fullmatch(p, raw)), None)
    if title is None:
        return None
    country_word = (m.group("adj") or m.group("of") or "").lower()
    country = COUNTRY_WORDS.get(" ".join(country_word.split())) if country_word else None
    return title, country, bool(m.group("former"))


def _date_of(value) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def office_intervals(
    hit: NameHit, title: str, country: str | None
) -> list[tuple[dt.date, dt.date]]:
    """When the person held that office, as the registry knows it."""
    out = []
    for office in hit.actor.offices:
        office_title = office.get("title", "")
        if office_title != title and not (
            title == "Ambassador" and office_title.startswith("Ambassador")
        ):
            continue
        if (
            country
            and office.get("country")
            and office["country"] != country
            and not office_title.startswith("Ambassador")
        ):
            continue
        start = _date_of(office.get("from"))
        end = _date_of(office.get("to")) or dt.date.max
        if start:
            if isinstance(office.get("to"), str) and len(office["to"]) == 4:
                end = dt.date(int(office["to"]), 12, 31)
            out.append((start, end))
    return out


def weekday_years(month: int, day: int, weekday: int, low: dt.date, high: dt.date) -> list[int]:
    years = []
    for year in range(max(low.year, 1900), min(high.year, 2100) + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if low <= date <= high and date.weekday() == weekday:
            years.append(year)
    return years


def weekday_name(index: int) -> str:
    return next(name for name, i in WEEKDAYS.items() if i == index).capitalize()


_STANDALONE_TITLE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<adj>{_COUNTRY_RE})\s+(?P<title>{_TITLE_RE})"
    rf"|(?P<title2>president|head|leader|prime\s+minister|foreign\s+minister)\s+of\s+(?:the\s+)?"
    rf"(?P<of>{_COUNTRY_RE})(?:\s+state)?)\b(?!\s*,?\s*\[?(?-i:[A-Z])[\w'-]+)",
    re.I,
)


def standalone_titles(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """Offices named without a person ("the Russian President", "the head of the Azerbaijani
    state"): (title, country, start, end)."""
    out = []
    for m in _STANDALONE_TITLE.finditer(text, start, end):
        raw = " ".join((m.group("title") or m.group("title2")).lower().split())
        if raw == "head":
            raw = "president"
        title = next((t for p, t in TITLES if re.fullmatch(p, raw)), None)
        word = " ".join((m.group("adj") or m.group("of") or "").lower().split())
        country = COUNTRY_WORDS.get(word)
        if (
            title
            and country
            and title in ("President", "Prime Minister", "Foreign Minister", "Defence Minister")
        ):
            out.append((title, country, m.start(), m.end()))
    return out


def holder(actors, title: str, country: str, first: dt.date, last: dt.date):
    """The one person who held the office over the whole interval, or None."""
    found = []
    for actor in actors:
        for office in actor.offices:
            if office.get("title") != title or office.get("country") != country:
                continue
            start = _date_of(office.get("from"))
            end = _date_of(office.get("to")) or dt.date.max
            if start and start <= first and last <= end:
                found.append(actor)
                break
    return found[0] if len(found) == 1 else None
