"""The words of a text, and the spelling-insensitive key a name word is compared by.

English-language outlets transliterate Russian and Azerbaijani names in many ways
(Sergey/Sergei, Aliyev/Aliev, Mammadyarov/Mamedyarov, Jeyhun/Ceyhun, Hajiyev/Gadzhiev). Rather
than listing spellings, name words are compared through a folded key that erases the usual
variation in vowels, endings and consonant clusters; the same fold is applied to the registry and
the text. A text is read into words once; every step that reads a span of it takes a slice.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from articles.extraction.inflection import latin

_SPECIAL = str.maketrans(
    {"ə": "a", "Ə": "A", "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ß": "ss", "’": "'", "ʼ": "'"}
)
_FOLD_RULES = [
    (r"^ye", "e"),
    (r"ou", "o"),
    (r"dzh|dj|zh", "j"),
    (r"kh|gh", "h"),
    (r"sch|sh|ş", "s"),
    (r"tch|ch|ç|c", "j"),
    (r"ks|x", "h"),  # Alexei and Aleksei; Azerbaijani x is kh (Xələfov, Khalafov)
    (r"ph", "f"),
    (r"w", "v"),
    (r"q", "g"),
    (r"g", "h"),
    (r"ts|tz", "c"),
    (r"ck", "k"),
    (r"([bcdfghjklmnpqrstvxz])er$", r"\1r"),
    (r"[eəä]", "a"),
    (r"[yı]", "i"),
    (r"ü", "u"),
    (r"ö", "o"),
    (r"(.)\1+", r"\1"),
]
_FOLD_RULES_COMPILED = [(re.compile(p), r) for p, r in _FOLD_RULES]


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A spelling-insensitive key for one name token (Sergey/Sergei, Aliyev/Aliev)."""
    if token.isupper() and len(token) <= 6 and token.isalpha():
        return token  # an acronym (EAEU, CIS, EU): compared exactly, never folded
    s = latin(token).translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"'s$|'", "", s)
    for pattern, repl in _FOLD_RULES_COMPILED:
        s = pattern.sub(repl, s)
    return s


# Lower-case words that may stand inside a name: Commonwealth of Independent States.
CONNECTORS = frozenset({"of", "the", "for", "and", "von", "der", "de", "la", "al", "bin", "ibn"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_APOSTROPHE = re.compile("['’]")


class Token(NamedTuple):
    """A word of the text with its offsets and, for capitalised words, its folded key."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool  # whether the word starts with a capital letter


# The last texts read into words, whole: every step that reads a span of the same text takes
# a slice of them (a word cut by the span's edges is left out).
_READ: list[tuple[str, list[Token], list[int]]] = []


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end], possessive 's removed, keyed where a name may stand."""
    end = len(text) if end is None else end
    read = next((r for r in _READ if r[0] is text), None)
    if read is None:
        read = (text, *_words(text))
        _READ.insert(0, read)
        del _READ[4:]
    _, words, starts = read
    i, j = bisect_left(starts, start), bisect_left(starts, end)
    while j > i and words[j - 1].end > end:
        j -= 1
    return words[i:j]


def _words(text: str) -> tuple[list[Token], list[int]]:
    """The text's words, and where each starts."""
    # Built column by column with C-level calls (splitting, summing lengths, making tuples):
    # an article has hundreds of words and one Python step per word is most of the cost.
    parts = _TOKEN_SPLIT.split(text)  # between-words, word, between-words, ..., between-words
    bounds = list(accumulate(map(len, parts)))
    words, starts, ends = parts[1::2], bounds[:-1:2], bounds[1::2]
    for mark in _APOSTROPHE.finditer(text):  # the words an apostrophe is in: "Russia's"
        i = bisect_right(starts, mark.start()) - 1
        if i >= 0 and mark.start() < ends[i] and _POSSESSIVE.search(words[i]):
            words[i] = word = _POSSESSIVE.sub("", words[i])
            ends[i] = starts[i] + len(word)
    upper = [w[0].isupper() for w in words]
    # Only capitalised words and the small words inside names need a key.
    keys = [fold(w) if u or w in CONNECTORS else "" for w, u in zip(words, upper, strict=True)]
    made = map(tuple.__new__, repeat(Token), zip(starts, ends, words, keys, upper, strict=True))
    return list(made), starts


def split_name(name: str) -> list[str]:
    """The words of a name."""
    return [t.group(0) for t in _TOKEN.finditer(name)]
