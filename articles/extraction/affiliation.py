"""The country and the organisation an office belongs to, as a text writes the office.

A new person is registered with the office the text gives them ("Russian Deputy Culture
Minister", "SOCAR Vice-President", "глава МИД РФ"); editors see at once which country or
organisation that office is of: a country word or its Russian or Azerbaijani stem, and a known
organisation (the registry's) or a ministry named in the office.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from articles.extraction.vocabulary import vocabulary

if TYPE_CHECKING:
    from articles.extraction.actors import Registry

_COUNTRIES = vocabulary("countries")
_WORDS: dict[str, str] = _COUNTRIES["words"]
_STEMS: dict[str, str] = _COUNTRIES["stems"]
_COUNTRY_WORD = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
    + r")(?![^\W\d_])"
    + r"|(?<![^\W\d_])(?:"
    + "|".join(re.escape(s) for s in sorted(_STEMS, key=len, reverse=True))
    + r")[^\W\d_]*",
    re.I,
)
_MINISTRY = re.compile(
    r"\bMinistry\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
    r"|\b(?:[A-Z][\w-]*\s+){1,3}Ministry\b"
)


def office_country(office: str) -> str:
    """The country an office is of ("" if the office names none): the first one named."""
    for m in _COUNTRY_WORD.finditer(office):
        word = m.group(0).lower()
        if word in _WORDS:
            return _WORDS[word]
        stem = next((s for s in sorted(_STEMS, key=len, reverse=True) if word.startswith(s)), None)
        if stem:
            return _STEMS[stem]
    return ""


def office_organisation(office: str, registry: Registry) -> str:
    """The organisation an office is of: a known one named in it, or a ministry ("" if none)."""
    known = registry.find(office, kinds=("organisation",))
    if known:
        return known[0].actor.name
    ministry = _MINISTRY.search(office)
    return " ".join(ministry.group(0).split()) if ministry else ""
