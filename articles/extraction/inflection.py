"""Names as Russian and Azerbaijani texts write them: Cyrillic in Latin letters, and the forms
a name takes in a sentence ("Алиевым", "Путина", "Bayramovla", "Əliyevin") back to the form a
registry lists ("Алиев", "Путин", "Bayramov", "Əliyev").

A form may be read several ways ("Алиева" is Aliyev's genitive or a woman's surname), so
``nominatives`` gives every reading, the word as written first; the registry keeps the first
that names someone it knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.extraction.vocabulary import vocabulary

_V = vocabulary("inflection")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTERS: dict[str, str] = _V["cyrillic_to_latin"]
_VOWELS = frozenset("аеёиоуыэюяъь")
# Case endings of names and what the nominative ends in instead, longest first.
_RUSSIAN_ENDINGS: list[tuple[str, tuple[str, ...]]] = sorted(
    ((e, tuple(r)) for e, r in _V["russian_endings"].items()), key=lambda x: -len(x[0])
)
_AZERBAIJANI_SUFFIXES: list[str] = sorted(_V["azerbaijani_suffixes"], key=len, reverse=True)
AZERBAIJANI_LETTERS = re.compile(r"[əƏıİğĞ]")


def latin(word: str) -> str:
    """A Cyrillic word in Latin letters (BGN/PCGN-like: Алиев → Aliyev, Мустафаев →
    Mustafayev, Ильхам → Ilkham); a Latin word as it is."""
    if not CYRILLIC.search(word):
        return word
    out = []
    previous = ""
    for i, ch in enumerate(word):
        low = ch.lower()
        if low in "её" and (i == 0 or previous in _VOWELS):
            piece = "ye" if low == "е" else "yo"
        else:
            piece = _LETTERS.get(low, low)
        if ch.isupper() and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
        previous = low
    return "".join(out)


@lru_cache(maxsize=65536)
def nominatives(word: str, azerbaijani: bool = False) -> tuple[str, ...]:
    """The forms the word may stand for, as written first: Cyrillic case endings taken off
    and the nominative's put back ("Сергея" → "Сергей"), or an Azerbaijani suffix taken off
    ("Bayramovla" → "Bayramov") when the text is Azerbaijani."""
    out = [word]
    if CYRILLIC.search(word):
        low = word.lower()
        for ending, nominative_endings in _RUSSIAN_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                out += [stem + n for n in nominative_endings]
    elif azerbaijani:
        base = re.split(r"['’]", word, maxsplit=1)[0]
        if base != word:
            out.append(base)
        low = base.lower()
        for suffix in _AZERBAIJANI_SUFFIXES:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                out.append(base[: len(base) - len(suffix)])
    return tuple(dict.fromkeys(out))


def inflected(word: str, azerbaijani: bool = False) -> bool:
    """Whether the word may be a name in another form than the registry's."""
    return bool(CYRILLIC.search(word)) or azerbaijani
