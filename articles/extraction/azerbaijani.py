"""Azerbaijani names no list has: a given name and a surname after an office word.

Azerbaijani writes the office before the name, the country in the genitive before it
("Azərbaycanın xarici işlər nazirinin müavini Elnur Məmmədov", "Rusiyanın səfiri Pavel
Orlovla"), and puts the case suffix on the surname alone: the name is the two capitalised
words after an office word, the surname with its suffix taken off when it ends like a surname
of the region ("Orlovla" → "Orlov"), written as English news spells it ("Babuşkin" →
"Babushkin").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.extraction.vocabulary import vocabulary
from articles.extraction.words import Token

_TITLES = vocabulary("titles")
_HEADS = re.compile(
    r"(?:"
    + "|".join(re.escape(h) for h in sorted(_TITLES["azerbaijani_heads"], key=len)[::-1])
    + ")",
    re.I,
)
_SURNAME = re.compile(
    r"(?P<stem>[^\W\d_]{2,}?(?:"
    + "|".join(sorted(_TITLES["surname_endings"], key=len, reverse=True))
    + r"))(?:['’]?(?:y?l[aə]|n?[ıiuü]n|n?[ıiuü]|y?[aə]|d[aə]n|d[aə]))?",
    re.I,
)
# The genitive of a country or an institution before the office ("Rusiyanın", "Dumasının").
_GENITIVE = re.compile(r"[^\W\d_]+(?:n?[ıiuü]n|s[ıiuü]n[ıiuü]n)$", re.I)
# How many words an office may run back from the name.
_OFFICE_WORDS = 6


def azerbaijani_people(
    text: str, toks: list[Token], i: int, j: int, known: Sequence[tuple[int, int]]
) -> list[tuple[str, str, int, int]]:
    """A given name and surname at the start of the capitalised words toks[i:j], after an
    office word: (name in the nominative, office as written, start, end)."""
    if j - i < 2 or i == 0:
        return []
    given, last = toks[i], toks[i + 1]
    s, e = given.start, last.end
    if any(ks < e and s < ke for ks, ke in known) or text[given.end : last.start] != " ":
        return []
    surname = _SURNAME.fullmatch(last.text)
    if surname is None:
        return []
    # The office word stands right before the name; the office runs back over more office
    # words, their lower-case modifiers and the genitive they follow ("xarici işlər", "Rusiyanın").
    first = None
    for k in range(i - 1, max(-1, i - 1 - _OFFICE_WORDS), -1):
        if re.search(r"[.,;:!?\"«»()]", text[toks[k].end : toks[k + 1].start]):
            break
        word = toks[k].text
        if _HEADS.match(word):
            first = k
        elif first is None or not (word.islower() or _GENITIVE.search(word)):
            break
        else:
            first = k
    if first is None:
        return []
    office = " ".join(text[toks[first].start : toks[i - 1].end].split())
    name = english_spelling(f"{given.text} {surname.group('stem')}")
    return [(name, office, s, e)]


_ENGLISH = str.maketrans(
    {
        "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "gh", "Ğ": "Gh", "x": "kh", "X": "Kh",
        "q": "g", "Q": "G", "c": "j", "C": "J", "ə": "a", "Ə": "A", "ı": "i", "İ": "I",
        "ö": "o", "Ö": "O", "ü": "u", "Ü": "U",
    }
)  # fmt: skip


def english_spelling(name: str) -> str:
    """A name in Azerbaijani Latin letters as English news spells it: "Elnur Məmmədov" →
    "Elnur Mammadov", "İqor Babuşkin" → "Igor Babushkin", "Ceyhun" → "Jeyhun"."""
    return name.translate(_ENGLISH)
