"""People: whether a name stands where someone takes part, and people the registry does not
know yet.

Known actors are found by ``actors.Registry`` and new people by ``names``; here one mention
is judged (not the dead being remembered, not the spokesman quoted about it, not the author of
the report, not a palace named after someone), and persons the text introduces with an office
become new actors to review.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from articles.extraction.actors import NameHit
from articles.extraction.affiliation import office_country, office_organisation
from articles.extraction.inflection import CYRILLIC
from articles.extraction.names import CHAIN_WORDS, HONORIFICS, NAMED_AFTER, Person, find_people
from articles.extraction.reading import Reading
from articles.extraction.text import one_line
from articles.extraction.types import KnownActor, NewActor
from articles.extraction.vocabulary import vocabulary
from articles.extraction.words import Token, fold, tokens

_P = vocabulary("participation")


def alternation(key: str) -> str:
    """The words of ``data/participation.json`` under ``key`` as one regex alternation."""
    return "(?:" + "|".join(_P[key]) + ")"


_NOT_TAKING_PART_BEFORE = re.compile(
    r"\b" + alternation("not_taking_part_before") + r"[\s,]+(?:\w+\s+){0,2}$", re.I
)
# Russian puts a long title in the genitive between the word and the name ("отказом министра
# иностранных дел Армении ..."): lower-case words and a country may stand between.
_NOT_TAKING_PART_BEFORE_RU = re.compile(
    r"\b(?:"
    + "|".join(w for w in _P["not_taking_part_before"] if CYRILLIC.search(w))
    + r")\s+(?:[а-яё-]+\s+){0,4}(?:[А-ЯЁ][а-яё]+\s+)?$",
    re.I,
)
_REPORTER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?" + alternation("reporter_after") + r"\b", re.I
)
_REPORTER_EXCEPTION = re.compile(r"^[^.;]{0,40}?\b" + alternation("reporter_exception"), re.I)
# A role that announces or comments on what others do: the person keeps it for the article.
_ANNOUNCER = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press\s+secretary|press\s+service|official\s+"
    r"representative|press\s+officer)(?:\s+(?:of|for|to)\s+the(?:\s+[\w'’-]+){1,4})?"
    r"[\s,]+(?:[A-Z][\w.'’-]*\s+){0,2}$",
    re.I,
)
# A byline or a credit: "By Ivan Petrov", "Photo: Ivan Petrov", "© Agency / Ivan Petrov".
_CREDIT_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:by|photo(?:s|graph)?|author|text|source|credit|©)\b[^\n]{0,40}$"
    r"|[©/|][ \t]*$",
    re.I,
)
_CREDIT_AFTER = re.compile(r"^[ \t]*(?:read\s+more|[/|©]|\n|$)", re.I)


def takes_part(text: str, hit: NameHit) -> bool:
    """Whether the name stands where a participant may: not remembered, not announcing or
    quoted, not talking to the press about it, not a byline, not a place named after them."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    before = text[max(line_start, hit.start - 80) : hit.start]
    if _NOT_TAKING_PART_BEFORE.search(before) or _NOT_TAKING_PART_BEFORE_RU.search(before):
        return False
    after = text[hit.end : hit.end + 80]
    if _REPORTER_AFTER.match(after) and not _REPORTER_EXCEPTION.match(after):
        return False
    next_word = re.match(r"[ \t]+([\w'’-]+)", after)
    if next_word and next_word.group(1).lower() in NAMED_AFTER:
        return False
    line_before = text[line_start : hit.start]
    return not (
        _CREDIT_BEFORE.search(line_before)
        and _CREDIT_AFTER.match(after)
        and len(line_before.split()) <= 6
    )


def announcers(reading: Reading, hits: list[NameHit]) -> set[str]:
    """People the article introduces as a spokesman or a press service: they announce."""
    text = reading.text
    return {
        h.actor.name
        for h in hits
        if h.how != "surname" and _ANNOUNCER.search(text[max(0, h.start - 90) : h.start])
    }


# The last readings' people, by the very list of registry hits each reading carries (a
# reading and its ``replace``d successors share it; nothing else does).
_READ: list[tuple[list[NameHit], list[NameHit], list[Person]]] = []


def people_hits(reading: Reading) -> tuple[list[NameHit], list[Person]]:
    """Every person named in the body: known actors (``reading.hits``) and new people, then
    the surnames alone that name a new person introduced before; and the new people."""
    for seen, hits, people in _READ:
        if seen is reading.hits:
            return list(hits), list(people)
    hits, people = _people_hits(reading.text, reading.sentences, reading.hits)
    _READ.insert(0, (reading.hits, hits, people))
    del _READ[4:]
    return list(hits), list(people)


def _people_hits(
    text: str, spans: Sequence[tuple[int, int]], hits: Sequence[NameHit]
) -> tuple[list[NameHit], list[Person]]:
    if not spans:
        return list(hits), []
    known = [(h.start, h.end) for h in hits]
    toks = tokens(text, spans[0][0], spans[-1][1])
    starts = [t.start for t in toks]
    sentences = [(s, e, toks[bisect_left(starts, s) : bisect_left(starts, e)]) for s, e in spans]
    people: list[Person] = []
    # One person however the text spells them (Sergei and Sergey Orlov): the first spelling.
    seen: dict[tuple[str, ...], Person] = {}
    for s, e, words in sentences:
        inside = [k for k in known if s <= k[0] < e]
        for p in find_people(text, s, e, inside, words):
            first = seen.setdefault(_key(p.name), p)
            people.append(replace(p, name=first.name))
    new_hits = [
        NameHit(KnownActor(name=p.name), p.start, p.end, text[p.start : p.end], p.how)
        for p in people
    ]
    hits = [_newcomer(h, people, hits) for h in hits]
    new_hits += _surnames(text, [w for _, _, w in sentences], people, [*hits, *new_hits])
    return sorted([*hits, *new_hits], key=lambda h: h.start), list(seen.values())


def _key(name: str) -> tuple[str, ...]:
    parts = name.split()
    return (fold(parts[0]), fold(parts[-1])) if len(parts) > 1 else (fold(name),)


def _newcomer(hit: NameHit, people: list[Person], hits: Sequence[NameHit]) -> NameHit:
    """A surname the registry resolved to someone the text never named in full, when the
    text introduced a new person of that surname before: the new person ("Deputy Minister
    Samir Karimov ... Karimov said" is not the registry's other Karimov)."""
    if hit.how != "surname":
        return hit
    key = fold(hit.text)
    earlier = [p for p in people if p.start < hit.start and fold(p.name.split()[-1]) == key]
    if not earlier or any(
        h.actor.name == hit.actor.name and h.how != "surname" and h.start < hit.start for h in hits
    ):
        return hit
    person = max(earlier, key=lambda p: p.start)
    return NameHit(KnownActor(name=person.name), hit.start, hit.end, hit.text, "surname")


def _surnames(
    text: str, sentences: list[list[Token]], people: list[Person], taken: list[NameHit]
) -> list[NameHit]:
    """Later mentions by surname alone of a new person ("Petrov said")."""
    by_surname: dict[str, list[Person]] = {}
    for p in people:
        if p.how != "honorific" and " " in p.name:
            by_surname.setdefault(fold(p.name.split()[-1]), []).append(p)
    if not by_surname:
        return []
    out = []
    busy = [(h.start, h.end) for h in taken]
    for toks in sentences:
        for k, tok in enumerate(toks):
            candidates = by_surname.get(tok.key) if tok.capitalised else None
            if not candidates or any(bs <= tok.start < be for bs, be in busy):
                continue
            if (
                k
                and toks[k - 1].capitalised
                and text[toks[k - 1].end : tok.start].isspace()
                and toks[k - 1].text.lower() not in CHAIN_WORDS | HONORIFICS
            ):
                continue  # another given name: someone else
            before = [p for p in candidates if p.start < tok.start]
            if not before:
                continue
            person = max(before, key=lambda p: p.start)
            out.append(
                NameHit(KnownActor(name=person.name), tok.start, tok.end, tok.text, "surname")
            )
    return out


def new_actors(reading: Reading) -> list[NewActor]:
    """Persons introduced with an office whom the registry does not know."""
    text = reading.text
    found: dict[str, NewActor] = {}
    _, people = people_hits(reading)
    for person in people:
        if person.office and person.name not in found:
            sentence = reading.sentence_of(person.start) or (person.start, person.end)
            found[person.name] = NewActor(
                name=person.name,
                office=person.office,
                evidence=one_line(text[sentence[0] : sentence[1]], 200),
                country=office_country(person.office),
                organisation=office_organisation(person.office, reading.context.registry),
            )
    return list(found.values())
