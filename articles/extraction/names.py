"""People no list has: names recognised by the way news introduces them.

A report names someone the registry does not know by an office or title before the name
("Governor of the Samara Region Ivan Petrov", "Azerbaijan's chief of the general staff, Col.
Gen. Samir Karimov,", "Patriarch Ilia"), by an apposition after it ("Ivan Petrov, the head of
the agency,"), in a list with countries in brackets ("the co-chairs Ivan Petrov (Russia), Anne
Morel (France)") or with an honorific ("Mr. Ivan Petrov"); once introduced, the surname alone
names the same person. The words these shapes are made of are data (``data/titles.json``),
never names: recognition works on people no list has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articles.extraction.azerbaijani import azerbaijani_people
from articles.extraction.inflection import AZERBAIJANI_LETTERS, CYRILLIC
from articles.extraction.russian import russian_people
from articles.extraction.vocabulary import vocabulary
from articles.extraction.words import Token, tokens

if TYPE_CHECKING:
    pass

_V = vocabulary("titles")
HEADS = frozenset(_V["heads"])
RANKS = frozenset(_V["ranks"])
RELIGIOUS = frozenset(_V["religious"])
HONORIFICS = frozenset(_V["honorifics"])
NAMED_AFTER = frozenset(_V["named_after"])
CHAIN_WORDS = frozenset(_V["modifiers"]) | frozenset(_V["domains"]) | HEADS | RANKS
_COUNTRY_NAMES = frozenset(_V["countries"]) | frozenset(vocabulary("countries")["words"])
_NOT_NAME = (
    CHAIN_WORDS
    | RELIGIOUS
    | HONORIFICS
    | frozenset(_V["institutions"])
    | frozenset(_V["not_names"])
    | _COUNTRY_NAMES
    | frozenset(w.lower() for w in vocabulary("places")["places"])
    | frozenset(w.lower() for w in vocabulary("places")["adjectives"])
)
_GROUPS = frozenset(_V["groups"])
_PATRONYMIC = re.compile(r"(?:" + "|".join(_V["patronymic_endings"]) + r")$", re.I)
_CONNECTORS = frozenset({"of", "the", "to", "for", "and", "at", "in", "on", "&", "after"})
_LINKS = frozenset({"of", "to", "for", "at", "in", "on"})
_APPOSITION_VERB = re.compile(
    r"\s*,\s+(?:" + "|".join(re.escape(v) for v in _V["apposition_verbs"]) + r")\b", re.I
)
# A word that can be part of a person's name: capitalised, not all capitals.
_NAME_SHAPE = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁ][a-zà-öø-ÿā-ſəğışçöüа-яё'’]+(?:-[A-Za-zəğışçöüА-Яа-яё]+)*"
)
_BRACKET_COUNTRY = re.compile(r"\s*\(\s*(?:the\s+)?([A-Za-z][\w .]{0,40}?)\s*\)")
_SPACE = re.compile(r"[ \t\u00a0]{1,2}|[ \t]*\n[ \t]*")
_INITIAL_GAP = re.compile(r"\.\s?")
_POSSESSIVE_GAP = re.compile(r"['’]s\s{1,2}")
_CHAIN_GAP = re.compile(r"\s{1,3}|['’]s\s{1,2}|\s*\([A-Z][A-Za-z]{1,9}\)\s*|\.\s?|-")


@dataclass(frozen=True)
class Person:
    """A person the registry does not know, as the text first names them."""

    name: str  # as written: "Ivan Petrov", "Patriarch Ilia"
    office: str  # the title or role as written ("Governor of the Samara Region"), or ""
    start: int
    end: int
    how: str  # "title", "apposition", "list", "honorific"


def _word(tok: Token) -> str:
    return tok.text.lower()


def _is_name_word(tok: Token) -> bool:
    if not tok.key:
        return False  # neither capitalised nor a small word inside a name
    if len(tok.text) == 1:
        return tok.text.isupper()  # an initial: "I. M. Petrov"
    return bool(_NAME_SHAPE.fullmatch(tok.text)) and _word(tok) not in _NOT_NAME


def _is_initial(text: str, tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isupper() and text[tok.end : tok.end + 1] == "."


def _runs(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of consecutive name-shaped words (initials included)."""
    out, i = [], 0
    while i < len(toks):
        if not _is_name_word(toks[i]) or (
            len(toks[i].text) == 1 and not _is_initial(text, toks[i])
        ):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and _is_name_word(toks[j]):
            gap = text[toks[j - 1].end : toks[j].start]
            if _is_initial(text, toks[j - 1]):
                if not _INITIAL_GAP.fullmatch(gap):
                    break
            elif not _SPACE.fullmatch(gap):
                break
            if len(toks[j].text) == 1 and not _is_initial(text, toks[j]):
                break
            j += 1
        out.append((i, j))
        i = j
    return out


def _trim(text: str, toks: list[Token], i: int, j: int) -> tuple[int, int] | None:
    """The person's name inside a run: two words, three with a patronymic or an initial in
    the middle ("Ivan Ivanovich Petrov"); words before it belong to a place or an institution
    ("... of Samara Ivan Petrov")."""
    while j > i and _is_initial(text, toks[j - 1]):
        j -= 1  # a name never ends on an initial
    if j - i < 2:
        return None
    start = j - 2
    if j - i >= 3:
        middle = toks[j - 2]
        if _PATRONYMIC.search(middle.text) or _is_initial(text, middle):
            start = j - 3
    return start, j


def _title_before(text: str, toks: list[Token], i: int, floor: int) -> int | None:
    """Where a title chain right before toks[i] starts ("Governor of the Samara Region",
    "Gazprom CEO", "Col. Gen."); None when no title introduces the name."""
    j = i - 1
    if j < floor:
        return None
    gap = text[toks[j].end : toks[i].start]
    if j > floor and toks[j].text.isupper() and text[toks[j].start - 1 : toks[j].start] == "(":
        j -= 1  # "... Olympic Committee (ROC), Name": the acronym belongs to the title
        gap = text[toks[j].end : toks[i].start]
    first, top = toks[j], j
    dot = r"\.?" if _word(first) in RANKS | HONORIFICS else ""
    if not re.fullmatch(dot + r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,?\s*", gap) or "\n\n" in gap:
        return None
    if _word(first) in _CONNECTORS:
        return None  # "the President of Russia and Ivan Petrov": Petrov has no title here
    head_at = None
    start = None
    link_after_head = False
    steps = 0
    while j >= floor and steps < 14:
        tok = toks[j]
        word = _word(tok)
        if j < top:
            inner = text[tok.end : toks[j + 1].start]
            rank_next = _word(toks[j + 1]) in RANKS
            if (
                not (_CHAIN_GAP.fullmatch(inner) or (rank_next and inner == ", "))
                or "\n\n" in inner
            ):
                break
        if word == "and" and head_at is not None:
            prev = toks[j - 1] if j > floor else None
            if prev is None or _word(prev) not in CHAIN_WORDS | _COUNTRY_NAMES:
                break  # "Mufti Ali Rustamov and Bishop ...": a name ends the title
        if word in HEADS or word in RANKS or word in RELIGIOUS:
            if head_at is None:
                head_at = j
        elif word in CHAIN_WORDS or word in _COUNTRY_NAMES or word in _CONNECTORS:
            if word in _LINKS and head_at is None:
                link_after_head = True
        elif not tok.capitalised:
            break
        start = j
        j -= 1
        steps += 1
    if head_at is None or start is None:
        return None
    # An unknown capitalised word right before the name is part of the title only inside an
    # "of ..." phrase ("Governor of Samara Ivan Petrov"), never on its own ("Moscow Ivan").
    if _word(first) not in CHAIN_WORDS | _COUNTRY_NAMES and not (
        link_after_head or _word(first) in RELIGIOUS
    ):
        return None
    while start < i and _word(toks[start]) in _CONNECTORS:
        start += 1
    return start


def _apposition_after(text: str, toks: list[Token], j: int) -> int | None:
    """The end of ", the head of ...", ", a senior aide to ..." right after a name."""
    if j >= len(toks) or not re.fullmatch(r"\s*,\s+", text[toks[j - 1].end : toks[j].start]):
        return None
    if _APPOSITION_VERB.match(text, toks[j - 1].end):
        end = text.find(",", toks[j].end)
        return min(end if end > 0 else toks[j].end + 60, toks[j].end + 80)
    k = j
    while k < len(toks) and k < j + 7:
        tok = toks[k]
        word = _word(tok)
        if k > j and not _CHAIN_GAP.fullmatch(text[toks[k - 1].end : tok.start]):
            return None
        if word in HEADS:
            end = text.find(",", tok.end, tok.end + 80)
            stop = re.search(r"[.;()\n]", text[tok.end : tok.end + 80])
            limit = tok.end + (stop.start() if stop else 80)
            return end if 0 < end < limit else limit
        if not (
            word in {"a", "an", "the", "his", "her", "its", "their"}
            or word in CHAIN_WORDS
            or word in _COUNTRY_NAMES
            or tok.capitalised
        ):
            return None
        k += 1
    return None


def _country_in_brackets(text: str, end: int) -> bool:
    m = _BRACKET_COUNTRY.match(text, end)
    return bool(m) and " ".join(m.group(1).lower().split()).rstrip(".") in _COUNTRY_NAMES


def find_people(
    text: str,
    start: int,
    end: int,
    known: Sequence[tuple[int, int]] = (),
    toks: list[Token] | None = None,
) -> list[Person]:
    """People the text introduces in [start, end) (one sentence, or ``toks``, its words),
    but for the ``known`` spans (names the registry found)."""
    toks = tokens(text, start, end) if toks is None else toks
    if _title_case(toks):
        return []  # "Minister Holds Talks With ...": a headline's capitals name no one
    out: list[Person] = []
    runs = _runs(text, toks)
    listed = _listed(text, toks, runs)
    azerbaijani = bool(AZERBAIJANI_LETTERS.search(text, start, end))
    for i, j in runs:
        if CYRILLIC.search(toks[j - 1].text):
            out += [
                Person(*found, "dictionary") for found in russian_people(text, toks, i, j, known)
            ]
            continue
        if azerbaijani and (found := azerbaijani_people(text, toks, i, j, known)):
            out += [Person(*f, "title") for f in found]
            continue
        trimmed = _trim(text, toks, i, j)
        single = _single_after_religious(text, toks, i, j) if trimmed is None else None
        if trimmed is None and single is None:
            continue
        a, b = trimmed or single
        s, e = toks[a].start, toks[b - 1].end
        if any(ks < e and s < ke for ks, ke in known):
            continue
        if (
            b < len(toks)
            and _word(toks[b]) in NAMED_AFTER
            and _SPACE.fullmatch(text[toks[b - 1].end : toks[b].start])
        ):
            continue  # "the Ivan Petrov Foundation"
        if any(_common_word(text, t.text) for t in toks[a:b]):
            continue  # "Holds Talks": words the text also writes in lower case
        name = " ".join(_name_part(text, t) for t in toks[a:b])
        person = _introduced(text, toks, a, b, listed)
        if person is None:
            continue
        office, how = person
        if single is not None:
            name = f"{office.split()[-1].title()} {name}"
        out.append(Person(name, office, s, e, how))
    return out


_SMALL_WORDS = frozenset({"to", "with", "in", "for", "on", "at", "and", "of", "the", "a", "as"})


def _title_case(toks: list[Token]) -> bool:
    """Whether words are written in a headline's title case ("Talks With Its Counterpart")."""
    if len(toks) < 5:
        return False
    words = [t for t in toks[1:] if len(t.text) > 1]
    if not 4 <= len(words) <= 16:
        return False
    return any(t.capitalised and t.text.lower() in _SMALL_WORDS for t in words) and sum(
        t.capitalised for t in words
    ) >= 0.7 * len(words)


def _common_word(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case: a word, not a name."""
    low = word.lower()
    return len(word) > 1 and low != word and re.search(rf"\b{re.escape(low)}\b", text) is not None


def _name_part(text: str, tok: Token) -> str:
    return tok.text + "." if _is_initial(text, tok) else tok.text


def _single_after_religious(text: str, toks: list[Token], i: int, j: int) -> tuple[int, int] | None:
    """ "Patriarch Ilia", "Metropolitan Hilarion": one name right after a religious title."""
    if j - i != 1 or i == 0 or len(toks[i].text) < 3:
        return None
    before = toks[i - 1]
    if (
        _word(before) in RELIGIOUS
        and _SPACE.fullmatch(text[before.end : toks[i].start])
        and before.capitalised
        and (j >= len(toks) or not toks[j].capitalised)
    ):
        return i, j
    return None


def _listed(text: str, toks: list[Token], runs: list[tuple[int, int]]) -> set[int]:
    """Token indexes that start a "Name Surname (Country)" item of a list of two or more, or
    of one after a plural role ("the co-chairs Ivan Petrov (Russia)")."""
    items = []
    for i, j in runs:
        if j - i < 2 or "(" not in text[toks[j - 1].end : toks[j - 1].end + 3]:
            continue
        trimmed = _trim(text, toks, i, j)
        if trimmed and _country_in_brackets(text, toks[trimmed[1] - 1].end):
            items.append(trimmed[0])
    if len(items) >= 2:
        return set(items)
    return {a for a in items if any(_word(t) in _GROUPS for t in toks[max(0, a - 4) : a])}


def _introduced(
    text: str, toks: list[Token], a: int, b: int, listed: set[int]
) -> tuple[str, str] | None:
    """How the text introduces the name toks[a:b] as a person: (office as written, how)."""
    before = toks[a - 1] if a else None
    if (
        before is not None
        and _word(before) in HONORIFICS
        and before.capitalised
        and re.fullmatch(r"\.?\s", text[before.end : toks[a].start])
    ):
        return "", "honorific"
    prior = a - 3  # "Deputy Prime Ministers Samir Sharifov and Ivan Dorokhov": one office
    if (
        before is not None
        and before.text == "and"
        and prior > 0
        and _word(toks[prior - 1]) in _GROUPS
    ):
        first = _title_before(text, toks, prior, max(0, prior - 16))
        if first is not None and toks[prior].capitalised and toks[prior + 1].capitalised:
            return " ".join(text[toks[first].start : toks[prior - 1].end].split()), "list"
    first = _title_before(text, toks, a, max(0, a - 16))
    if first is not None:
        office = text[toks[first].start : toks[a - 1].end]
        if _word(toks[a - 1]) in RANKS and text[toks[a - 1].end] == ".":
            office += "."
        office = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)?\s*$", "", " ".join(office.split()))
        return office, "title"
    end = _apposition_after(text, toks, b)
    if end is not None:
        office = " ".join(text[toks[b - 1].end : end].split()).strip(" ,")
        office = re.sub(r"^(?:an?|the)\s+", "", office, flags=re.I)
        return office[:120], "apposition"
    if a in listed:
        return "", "list"
    return None
