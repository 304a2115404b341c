"""Places: where an event happened, from the sentence that reports it or the dateline.

The places, their other names and the adjectives that may stand before "capital" or "city"
are data (``data/places.json``), as are their Russian and Azerbaijani forms ("в Москве",
"Bakıda"), which give the same English names.
"""

from __future__ import annotations

import re

from articles.extraction.vocabulary import vocabulary

_VOCABULARY = vocabulary("places")
PLACES: tuple[str, ...] = tuple(_VOCABULARY["places"])
# Another name of a place, and the one shown: "Kiev" is "Kyiv", "the Kremlin" is Moscow.
_SAME_PLACE: dict[str, str] = _VOCABULARY["same_place"]
_NAMES = "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
_PLACE_RE = re.compile(
    r"\b(?:in|at|(?:visit|trip|travell?ed|arrived|came|went|flew)\s+to|visit(?:s|ed|ing)?)\s+"
    r"(?:the\s+)?"
    r"(?:(?:" + "|".join(_VOCABULARY["adjectives"]) + r")\s+)?"
    r"(?:(?:capital|city|resort(?:\s+city)?|town|port\s+city)(?:\s+of)?\s+)?"
    r"(?P<place>" + _NAMES + r")\b"
)
# "Baku hosted the forum", "Moscow will host the talks".
_HOSTED_RE = re.compile(
    r"\b(?P<place>" + _NAMES + r")\s+(?:hosted|hosts|will\s+host|is\s+hosting)\b"
)
_CANONICAL_PLACE = {p.lower(): p for p in PLACES}
_BARE_PLACE_RE = re.compile(r"\b(?P<place>" + _NAMES + r")\b", re.I)


# Russian and Azerbaijani forms of a shown place: (compiled form, English name), per language.
_FORMS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    lang: [(re.compile(form, re.I), place) for place, forms in by_place.items() for form in forms]
    for lang, by_place in _VOCABULARY["forms"].items()
}


def _alternation(lang: str) -> str:
    return "|".join(sorted((f.pattern for f, _ in _FORMS[lang]), key=len, reverse=True))


# "в Москве", "во Владивостоке", "в городе Сочи", "в столице Азербайджана Баку"; not the
# "Москва" of a hyphenated name ("Москва-Сити").
_RU_PLACE_RE = re.compile(
    r"(?<!\w)[Вв]о?\s+(?:(?:(?:курортн\w+\s+)?город\w*|столиц\w*(?:\s+\w+)?)\s+)?"
    r"(?P<place>(?:" + _alternation("ru") + r"))(?![\w-])"
)
# "Bakıda", "Moskvaya", "Soçi'də", "Gəncə şəhərində": a locative or dative suffix.
_AZ_PLACE_RE = re.compile(
    r"(?<![\w-])(?P<place>(?:" + _alternation("az") + r"))"
    r"(?:['’]?(?:da|də|ta|tə|ya|yə|a|ə)|\s+şəhərin(?:də|ə))(?!\w)"
)
_FOREIGN_BARE_RE = re.compile(
    r"(?<![\w-])(?P<place>(?:" + _alternation("ru") + "|" + _alternation("az") + r"))"
    r"(?:da|də|ta|tə)?(?![\w-])",
    re.I,
)


def _english_name(form: str) -> str:
    """The shown place of a Russian or Azerbaijani form ("Москве" -> "Moscow")."""
    for forms in _FORMS.values():
        for pattern, place in forms:
            if pattern.fullmatch(form):
                return place
    raise LookupError(form)


def place_of(text: str) -> str | None:
    """The place a sentence says something happened in ("in Baku", "visit to Moscow").

    English first, then Russian ("в Сочи") and Azerbaijani ("Soçidə").
    """
    m = _PLACE_RE.search(text) or _HOSTED_RE.search(text)
    if m:
        place = m.group("place")
        return _SAME_PLACE.get(place, place)
    m = _RU_PLACE_RE.search(text) or _AZ_PLACE_RE.search(text)
    return _english_name(m.group("place")) if m else None


def place_in_dateline(line: str) -> str | None:
    """A place named in a dateline ("November 26, 2021, Sochi", "BAKU, May 5 (Agency) -")."""
    m = _BARE_PLACE_RE.search(line)
    if not m:
        # "СОЧИ, 14 марта. /ТАСС/.", "Bakı. 5 may. (APA)"
        m = _FOREIGN_BARE_RE.search(line)
        return _english_name(m.group("place")) if m else None
    return place_of(f"in {_CANONICAL_PLACE[m.group('place').lower()]}")
