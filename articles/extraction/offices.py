"""Offices: the titles a text gives people, who held which office when, and people named only
by their office ("the Russian President")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from articles.extraction.actors import NameHit
from articles.extraction.caseless import CaselessPattern
from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.types import DateClaim
from articles.extraction.vocabulary import vocabulary

if TYPE_CHECKING:
    from articles.extraction.reading import Reading

_OFFICES = vocabulary("offices")
# Office titles as written in English news, mapped to the registry's vocabulary; the first
# that matches wins.
TITLES: list[tuple[str, str]] = [(t["pattern"], t["title"]) for t in _OFFICES["titles"]]
# Words that name a country or its state ("Russian", "Kremlin", "Republic of Azerbaijan").
COUNTRY_WORDS: dict[str, str] = vocabulary("countries")["words"]
# Titles resolved to the person who held them when a text names no one.
_NAMED_BY_OFFICE = frozenset(_OFFICES["named_by_office"])
_COUNTRY_RE = "|".join(sorted((re.escape(w) for w in COUNTRY_WORDS), key=len, reverse=True))
_TITLE_RE = "|".join(f"(?:{p})" for p, _ in TITLES)
_TITLE_BEFORE = CaselessPattern(
    rf"(?P<former>\b(?:former|ex-|then)\s*)?(?:the\s+)?(?:(?P<adj>{_COUNTRY_RE})\s+)?"
    rf"(?P<title>{_TITLE_RE})(?:\s+of\s+(?:the\s+)?(?P<of>{_COUNTRY_RE}))?"
    r"(?:\s*,)?\s*\[?\s*(?:[A-Z][\w'-]+\s+)?$"
)


def title_of(text: str, hit: NameHit) -> tuple[str, str | None, bool] | None:
    """The office a text gives a person right before their name: (title, country, former)."""
    return _title_before(text[max(0, hit.start - 80) : hit.start])


@lru_cache(maxsize=4096)
def _title_before(before: str) -> tuple[str, str | None, bool] | None:
    """The office that ends the text before a name (steps ask again for the same names)."""
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


_STANDALONE = "|".join(_OFFICES["standalone"])
_STANDALONE_TITLE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<adj>{_COUNTRY_RE})\s+(?P<title>{_TITLE_RE})"
    rf"|(?P<title2>{_STANDALONE})\s+of\s+(?:the\s+)?"
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
        if title and country and title in _NAMED_BY_OFFICE:
            out.append((title, country, m.start(), m.end()))
    return out


_PLURAL = {
    "presidents": "President",
    "leaders": "President",
    "heads of state": "President",
    "prime ministers": "Prime Minister",
    "premiers": "Prime Minister",
    "foreign ministers": "Foreign Minister",
    "defence ministers": "Defence Minister",
    "defense ministers": "Defence Minister",
}
_PLURAL_RE = "|".join(p.replace(" ", r"\s+") for p in _PLURAL)
_ONE_COUNTRY = rf"(?:the\s+)?(?:{_COUNTRY_RE})"
_COUNTRIES = rf"{_ONE_COUNTRY}(?:\s*,\s*{_ONE_COUNTRY})*\s+and\s+{_ONE_COUNTRY}"
# "the presidents of Armenia and Azerbaijan", "the Russian and Azerbaijani foreign ministers"
_PLURAL_TITLES = re.compile(
    rf"\b(?:(?P<title>{_PLURAL_RE})\s+of\s+(?P<of>{_COUNTRIES})"
    rf"|(?P<adj>{_COUNTRIES})\s+(?P<title2>{_PLURAL_RE}))\b(?!\s*,?\s*(?-i:[A-Z])[\w'-]+)",
    re.I,
)
_COUNTRY_WORD = re.compile(rf"\b(?:{_COUNTRY_RE})\b", re.I)
# "his Azerbaijani counterpart": the same office as the one who met them, in that country.
_COUNTERPART = re.compile(
    rf"\b(?:his|her|their|its)\s+(?P<adj>{_COUNTRY_RE})\s+(?:counterparts?|colleagues?)\b"
    r"(?!\s*,?\s*(?-i:[A-Z])[\w'-]+)",
    re.I,
)


def plural_titles(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """Offices of several countries named without their holders ("the presidents of Armenia
    and Azerbaijan"): (title, country, start, end) for each country."""
    out = []
    for m in _PLURAL_TITLES.finditer(text, start, end):
        title = _PLURAL[" ".join((m.group("title") or m.group("title2")).lower().split())]
        countries = m.group("of") or m.group("adj")
        for word in _COUNTRY_WORD.findall(countries):
            country = COUNTRY_WORDS.get(" ".join(word.lower().split()))
            if country:
                out.append((title, country, m.start(), m.end()))
    return out


def _office_at(actor, *, first: dt.date, last: dt.date) -> str | None:
    """The office (of those resolved by holder) a person held over the whole interval."""
    for office in actor.offices:
        start = _date_of(office.get("from"))
        end = _date_of(office.get("to")) or dt.date.max
        if office.get("title") in _NAMED_BY_OFFICE and start and start <= first and last <= end:
            return office["title"]
    return None


def counterparts(
    text: str, hits: list[NameHit], start: int, end: int, *, first: dt.date, last: dt.date
) -> list[tuple[str, str, int, int]]:
    """ "Lavrov met his Azerbaijani counterpart": the office of the person named before it,
    in the country named: (title, country, start, end)."""
    out = []
    for m in _COUNTERPART.finditer(text, start, end):
        country = COUNTRY_WORDS.get(" ".join(m.group("adj").lower().split()))
        before = [h for h in hits if start <= h.start < m.start() and h.actor.offices]
        title = _office_at(before[-1].actor, first=first, last=last) if before else None
        if country and title:
            out.append((title, country, m.start(), m.end()))
    return out


def holder(actors, title: str, country: str, *, first: dt.date, last: dt.date):
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


def office_window(reading: Reading) -> tuple[dt.date, dt.date]:
    """The window in which every titled person held the office the text gives them."""
    text = reading.text
    low, high = dt.date(1900, 1, 1), reading.context.today
    for hit in reading.hits:
        titled = title_of(text, hit)
        if not titled:
            continue
        title, country, former = titled
        if former:
            continue
        intervals = office_intervals(hit, title, country)
        if not intervals:
            continue
        # The union of the terms; as a window, from the first start to the last end.
        low = max(low, min(s for s, _ in intervals))
        high = min(high, max(e for _, e in intervals))
    return low, high


# An office named as the other side of an agreement already made, in the sentence before it:
# the people of that earlier agreement, not of the event.
_EARLIER_AGREEMENT = re.compile(
    r"\b(?:(?:your|his|her|their|our|its|the\s+leaders'?)\s+(?:\w+\s+)?agreements?"
    r"|(?:agreements?|arrangements?|understandings?)\s+(?:reached|made|achieved)"
    r"|result\s+of)\b[^.;]*$",
    re.I,
)


def office_holders(
    reading: Reading, spans: Iterable[tuple[int, int]], date: DateClaim
) -> list[str]:
    """People named only by office ("the Russian President"), resolved against who held the
    office over the whole of the event's date interval."""
    first, last = date.interval()
    if first is None:
        return []
    text, registry = reading.text, reading.context.registry
    names = []
    for s, e in spans:
        offices = standalone_titles(text, s, e) + plural_titles(text, s, e)
        offices += counterparts(text, reading.hits, s, e, first=first, last=last)
        for title, country, at, _ in offices:
            if _EARLIER_AGREEMENT.search(text, s, at):
                continue  # "the visit is the result of your agreement with the presidents of"
            person = holder(registry.people(), title, country, first=first, last=last)
            if person is not None:
                names.append(person.name)
    return list(dict.fromkeys(names))


Term = tuple[dt.date, dt.date, str]


def office_terms(offices: Sequence[dict]) -> tuple[Term, ...]:
    """Terms of office as (first day, last day, title), read once for many dates."""
    terms = []
    for office in offices:
        start = _term_day(office.get("from"), end=False)
        if office.get("title") and start:
            end = _term_day(office.get("to"), end=True) or dt.date.max
            terms.append((start, end, office["title"]))
    return tuple(terms)


def office_held(offices: Sequence[dict] | tuple[Term, ...], date: DateValue) -> str | None:
    """The office a person held over the whole of a date ("Foreign Minister"), from their
    terms of office (as stored, or read by `office_terms`); None when the date is unknown or
    no term covers all of it."""
    first, last = date.interval()
    if first is None:
        return None
    terms = offices if offices and isinstance(offices[0], tuple) else office_terms(offices)
    for start, end, title in terms:
        if start <= first and last <= end:
            return title
    return None


def _term_day(value, *, end: bool) -> dt.date | None:
    """A term's first or last day: "2004" ends on 31 December, "2004-03" on the 31st."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    precision = Precision.YEAR if len(parts) == 1 else Precision.MONTH
    first, last = DateValue(precision, *parts).interval()
    return last if end else first
