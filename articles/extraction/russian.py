"""Russian names no list has: a given name and a surname as the Russian dictionary knows them.

"Юрием Лужковым" is a given name and a surname in the instrumental case; the dictionary
(pymorphy3 with its shipped OpenCorpora data, loaded the first time a Cyrillic name is read)
says so and gives their nominative, written in Latin letters for the timeline: "Yuriy
Luzhkov". Only a given name the dictionary knows as one starts a name, so ordinary capitalised
words ("Москвы", "Меджлиса") never do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from articles.extraction.inflection import CYRILLIC, latin
from articles.extraction.vocabulary import vocabulary
from articles.extraction.words import Token

# How sure the dictionary must be that a word is a given name.
_NAME_SCORE = 0.3


@cache
def _analyser():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=16384)
def _parses(word: str) -> tuple:
    return tuple(_analyser().parse(word))


def _given(word: str, titled: bool = False):
    """The word's best reading as a given name, if the dictionary gives one (any reading at
    all after a title: "заместитель главы Виген ...")."""
    least = 0.0 if titled else _NAME_SCORE
    found = [p for p in _parses(word) if "Name" in p.tag and p.score > 0 and p.score >= least]
    return max(found, key=lambda p: p.score) if found else None


def _surname(word: str, gender: str | None, case: str | None):
    """The word's reading as a surname that agrees with the given name before it."""
    found = [p for p in _parses(word) if "Surn" in p.tag]
    if not found:
        return None
    agreeing = [p for p in found if (gender is None or gender in p.tag or "ms-f" in p.tag)]
    in_case = [p for p in agreeing if case is None or case in p.tag]
    best = in_case or agreeing
    return max(best, key=lambda p: p.score) if best else None


def _noun(word: str, case: str | None):
    """A capitalised word the dictionary knows only as a noun, read as a surname in the given
    name's case ("Александр Лебедь"), never a place or an organisation."""
    found = [
        p
        for p in _parses(word)
        if "NOUN" in p.tag
        and (case is None or case in p.tag)
        and not {"Geox", "Orgn", "Name", "Abbr"} & set(p.tag.grammemes)
    ]
    return max(found, key=lambda p: p.score) if found else None


def _nominative(parse) -> str:
    if isinstance(parse, _AsWritten):
        return parse.word.lower()
    inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    return (inflected or parse).word


class _AsWritten:
    """A word taken as written, for a name the dictionary has no good reading of."""

    def __init__(self, word: str):
        self.word = word


# Words that end a title read backwards from a name: verbs, prepositions, conjunctions.
_NOT_TITLE_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND", "PREP", "CONJ", "PRCL", "NPRO"})


def _not_in_title(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0].tag.POS in _NOT_TITLE_POS


def person(words: list[str], titled: bool = False) -> str | None:
    """The Latin name of a person written as given name (patronymic) and surname in any case:
    ["Юрием", "Лужковым"] → "Yuriy Luzhkov"; None when the words are not such a name."""
    if len(words) not in (2, 3):
        return None
    given = _given(words[0], titled)
    if given is None:
        return None
    gender = "femn" if "femn" in given.tag else "masc"
    case = given.tag.case
    if titled and "plur" in given.tag:
        # A given name the dictionary barely knows, read as a plural: it is as written.
        given, gender, case = _AsWritten(words[0]), "masc", None
    if len(words) == 3 and not any("Patr" in p.tag for p in _parses(words[1])):
        return None
    surname = _surname(words[-1], gender, case) or _noun(words[-1], case)
    if surname is not None:
        last = _nominative(surname)
    else:
        last = _by_ending(words[-1], gender, case)
        if last is None:
            return None
    return " ".join(_latin_part(p) for p in (_nominative(given), last))


# Surnames the dictionary does not know, by the endings Russian surnames take in each case
# after a given name in that case ("Игорем Бабушкиным", "Самир Керимов"): (stems, the
# ending of each case, masculine and feminine).
_ENDINGS = (
    (
        ("ов", "ев", "ёв", "ин", "ын"),
        {"nomn": "", "gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"},
        {"nomn": "а", "gent": "ой", "accs": "у", "datv": "ой", "ablt": "ой", "loct": "ой"},
    ),
    (
        ("ян",),  # Armenian surnames: declined for men only
        {"nomn": "", "gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"},
        {"nomn": "", "gent": "", "accs": "", "datv": "", "ablt": "", "loct": ""},
    ),
    (
        ("ск", "цк"),
        {"nomn": "ий", "gent": "ого", "accs": "ого", "datv": "ому", "ablt": "им", "loct": "ом"},
        {"nomn": "ая", "gent": "ой", "accs": "ую", "datv": "ой", "ablt": "ой", "loct": "ой"},
    ),
)


def _by_ending(word: str, gender: str, case: str | None) -> str | None:
    """The nominative of a surname read by its ending in the given name's case, lower case
    like the dictionary's ("Бабушкиным" → "бабушкин"); None if it ends like no surname."""
    low = word.lower()
    for stems, masculine, feminine in _ENDINGS:
        endings = feminine if gender == "femn" else masculine
        ending = endings.get(case or "nomn")
        for stem in stems:
            if ending is not None and low.endswith(stem + ending) and len(low) > len(stem) + 2:
                return low[: len(low) - len(ending)] + endings["nomn"]
    return None


def _latin_part(word: str) -> str:
    """A nominative in Latin letters, capitalised; ё as yo (Kovalyov, Pyotr)."""
    out = []
    for i, ch in enumerate(word):
        if ch == "ё":
            out.append("o" if i and word[i - 1] in "жчшщ" else "yo")
        else:
            out.append(ch)
    return "-".join(part[:1].upper() + part[1:] for part in latin("".join(out)).split("-"))


_RUSSIAN_HEADS = re.compile(r"(?:" + "|".join(vocabulary("titles")["russian_heads"]) + r")", re.I)


_RELIGIOUS: dict[str, str] = vocabulary("titles")["russian_religious"]
_RELIGIOUS_RE = re.compile(r"(?:" + "|".join(_RELIGIOUS) + r")[^\W\d_]*", re.I)


def _religious(
    text: str, toks: list[Token], i: int, j: int, known: Sequence[tuple[int, int]]
) -> list[tuple[str, str, int, int]]:
    """One given name that ends a religious title ("Патриарх Кирилл", "Патриарх Московский и
    всея Руси Кирилл"): the English title and the name ("Patriarch Kirill")."""
    last = toks[j - 1]
    if not any(_RELIGIOUS_RE.fullmatch(t.text) for t in toks[max(0, j - 7) : j - 1]):
        return []
    if any(ks < last.end and last.start < ke for ks, ke in known):
        return []
    given = _given(last.text)
    if given is None or (j < len(toks) and toks[j].capitalised):
        return []
    for k in range(j - 2, max(-1, j - 7), -1):
        if re.search(r"[.,;:!?]", text[toks[k].end : toks[k + 1].start]):
            break
        title = _RELIGIOUS_RE.fullmatch(toks[k].text)
        if title:
            stem = next(r for r in _RELIGIOUS if toks[k].text.lower().startswith(r))
            office = " ".join(text[toks[k].start : toks[j - 2].end].split())
            name = f"{_RELIGIOUS[stem]} {_latin_part(_nominative(given))}"
            return [(name, office, last.start, last.end)]
    return []


def russian_people(
    text: str, toks: list[Token], i: int, j: int, known: Sequence[tuple[int, int]]
) -> list[tuple[str, str, int, int]]:
    """A Russian given name and surname at the end of the capitalised words toks[i:j], with
    the title before it, or one given name after a religious title: (name, office, start,
    end)."""
    religious = _religious(text, toks, i, j, known)
    if religious:
        return religious
    for n in (3, 2):
        a = j - n
        if a < i:
            continue
        s, e = toks[a].start, toks[j - 1].end
        if any(ks < e and s < ke for ks, ke in known):
            return []
        words = [t.text for t in toks[a:j]]
        name = person(words) or (person(words, titled=True) if _titled(toks, a) else None)
        if name is None:
            continue
        # The title before it: the furthest title word of the words right before the name.
        first = None
        for k in range(a - 1, max(-1, a - 7), -1):
            if not CYRILLIC.search(toks[k].text) or re.search(
                r"[.,;:!?]", text[toks[k].end : toks[k + 1].start]
            ):
                break
            if _RUSSIAN_HEADS.match(toks[k].text):
                first = k
            elif first is not None and _not_in_title(toks[k].text):
                break  # "встретился с послом X": the title is the words from its head on
        office = (
            " ".join(text[toks[first].start : toks[a - 1].end].split()) if first is not None else ""
        )
        return [(name, office, s, e)]
    return []


def _titled(toks: list[Token], a: int) -> bool:
    """Whether a title word stands among the few words right before toks[a]."""
    return any(_RUSSIAN_HEADS.match(t.text) for t in toks[max(0, a - 4) : a])
