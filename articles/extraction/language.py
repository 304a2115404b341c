"""The language an article is written in, from its letters and a few common words.

Russian is written in Cyrillic; Azerbaijani in Latin letters with ə (found in no other
language the timeline reads) and ğ, ı, ş, ç in its common words; anything else is English.
"""

from __future__ import annotations

import re

RUSSIAN, AZERBAIJANI, ENGLISH = "ru", "az", "en"
NAMES = {ENGLISH: "English", RUSSIAN: "Russian", AZERBAIJANI: "Azerbaijani"}

_WORD = re.compile(r"[^\W\d_]+")
_AZ_WORDS = frozenset(
    [
        "və",
        "ilə",
        "bu",
        "üçün",
        "da",
        "də",
        "ki",
        "olan",
        "isə",
        "həm",
        "bir",
        "sonra",
        "görüş",
        "prezidenti",
        "azərbaycan",
        "rusiya",
        "danışıqlar",
        "arasında",
    ]
)
_AZ_LETTERS = frozenset("əğışçöüƏĞIŞÇÖÜ")
_AZ_ONLY = _AZ_LETTERS - {"I"}  # the letters no English text has
_EN_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "in",
        "on",
        "to",
        "with",
        "for",
        "met",
        "a",
        "was",
        "is",
        "were",
        "has",
        "had",
        "said",
    ]
)
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SCHWA = re.compile(r"[əƏ]")
# Russian when most letters are Cyrillic: a name quoted in Cyrillic leaves a text English.
_CYRILLIC_SHARE = 0.5


def detect_language(text: str) -> str:
    """``"ru"``, ``"az"`` or ``"en"`` for a text (English when there is nothing to go on)."""
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic and cyrillic / len(_NOT_LETTERS.sub("", text)) >= _CYRILLIC_SHARE:
        return RUSSIAN
    if _AZ_ONLY.isdisjoint(text):
        return ENGLISH  # none of ə, ğ, ı, ş, ç, ö, ü: no Azerbaijani to weigh
    words = [w.casefold() for w in _WORD.findall(text)]
    english = sum(1 for w in words if w in _EN_WORDS)
    common = sum(1 for w in words if w in _AZ_WORDS)
    marked = sum(1 for w in words if _AZ_LETTERS.intersection(w))
    has_schwa = bool(_SCHWA.search(text))
    if ((has_schwa and marked >= 2) or common >= 3) and marked + common > english:
        return AZERBAIJANI
    return ENGLISH
