"""Places: where an event happened, from the sentence that reports it or the dateline."""

from __future__ import annotations

import re

PLACES = (
    "Baku",
    "Moscow",
    "Sochi",
    "St. Petersburg",
    "Saint Petersburg",
    "St Petersburg",
    "Yerevan",
    "Ankara",
    "Istanbul",
    "Tehran",
    "Tbilisi",
    "Minsk",
    "Astana",
    "Nur-Sultan",
    "Almaty",
    "Ashgabat",
    "Dushanbe",
    "Bishkek",
    "Tashkent",
    "Kazan",
    "Astrakhan",
    "Makhachkala",
    "Derbent",
    "Grozny",
    "Vladikavkaz",
    "Kyiv",
    "Kiev",
    "Ganja",
    "Sumgait",
    "Shusha",
    "Shushi",
    "Nakhchivan",
    "Khankendi",
    "Stepanakert",
    "Lachin",
    "Aghdam",
    "Fuzuli",
    "Gabala",
    "Lankaran",
    "Prague",
    "Brussels",
    "Paris",
    "Geneva",
    "Vienna",
    "Berlin",
    "London",
    "Washington",
    "New York",
    "Beijing",
    "Granada",
    "Munich",
    "Davos",
    "Dubai",
    "Doha",
    "Abu Dhabi",
    "Riyadh",
    "Kremlin",
    "Novo-Ogaryovo",
    "Valdai",
    "Vladivostok",
    "Yekaterinburg",
    "Nizhny Novgorod",
    "Samara",
    "Volgograd",
    "Rostov-on-Don",
    "Krasnodar",
    "Stavropol",
    "Aktau",
    "Turkmenbashi",
    "Batumi",
    "Gyumri",
    "Nicosia",
    "Budapest",
    "Rome",
    "Madrid",
    "Warsaw",
    "Belgrade",
    "Alma-Ata",
)
_PLACE_RE = re.compile(
    r"\b(?:in|at|(?:visit|trip|travell?ed|arrived|came|went|flew)\s+to)\s+(?:the\s+)?(?:(?:Azerbaijani|Russian|Armenian|Turkish|Iranian|Georgian)"
    r"\s+)?(?:(?:capital|city|resort(?:\s+city)?|town|port\s+city)(?:\s+of)?\s+)?"
    r"(?P<place>" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b"
)


def place_of(text: str) -> str | None:
    m = _PLACE_RE.search(text)
    if not m:
        return None
    place = m.group("place")
    return {
        "St Petersburg": "St. Petersburg",
        "Saint Petersburg": "St. Petersburg",
        "Kremlin": "Moscow",
        "Novo-Ogaryovo": "Moscow",
        "Kiev": "Kyiv",
        "Alma-Ata": "Almaty",
    }.get(place, place)


_CANONICAL_PLACE = {p.lower(): p for p in PLACES}
_BARE_PLACE_RE = re.compile(
    r"\b(?P<place>"
    + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
    + r")\b",
    re.I,
)


def place_in_dateline(line: str) -> str | None:
    """A place named in a dateline ("November 26, 2021, Sochi", "BAKU, May 5 (Agency) -")."""
    m = _BARE_PLACE_RE.search(line)
    if not m:
        return None
    return place_of(f"in {_CANONICAL_PLACE[m.group('place').lower()]}")
