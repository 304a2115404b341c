"""Recognising actors in text: every spelling, patronymics, surnames once introduced.

Names are compared word by word through the folded keys of ``words`` (Sergey/Sergei,
Aliyev/Aliev), so the registry lists people once, not every transliteration.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, product

from articles.extraction.inflection import (
    AZERBAIJANI_LETTERS,
    CYRILLIC,
    inflected,
    nominatives,
)
from articles.extraction.types import KnownActor
from articles.extraction.vocabulary import DATA, vocabulary
from articles.extraction.words import CONNECTORS, Token, fold, split_name, tokens

ACTORS_FILE = DATA / "actors.json"


@cache
def load_default_actors() -> tuple[KnownActor, ...]:
    """The shipped starting registry (``data/actors.json``)."""
    if not ACTORS_FILE.exists():
        return ()
    actors = []
    for item in json.loads(ACTORS_FILE.read_text(encoding="utf-8"))["actors"]:
        aliases = list(item.get("aliases", []))
        patronymic = item.get("patronymic")
        if patronymic and item.get("kind", "person") == "person":
            first = item["name"].split()[0]
            aliases.append(f"{first} {patronymic}")
            aliases.append(f"{first} {patronymic} {item['name'].split()[-1]}")
        actors.append(
            KnownActor(
                name=item["name"],
                kind=item.get("kind", "person"),
                aliases=tuple(dict.fromkeys(aliases)),
                offices=tuple(item.get("offices", ())),
            )
        )
    return tuple(actors)


@dataclass(frozen=True)
class NameHit:
    """A known actor named in the text, where, and how (full name, alias, surname)."""

    actor: KnownActor
    start: int
    end: int
    text: str
    how: str  # "full name", "alias", "first name and patronymic", "surname"


class Registry:
    """The actors extraction knows, indexed by folded name keys."""

    def __init__(self, actors: Sequence[KnownActor]):
        self.actors = list(actors)
        self.by_key: dict[tuple[str, ...], KnownActor] = {}
        self.by_surname: dict[str, list[KnownActor]] = {}
        self.by_name = {a.name: a for a in self.actors}
        # Given names without vowels and their initials, for spellings no alias lists.
        self.given_skeletons = {
            id(a): frozenset(_skeleton(fold(g)) for g in _given_names(a)) for a in self.actors
        }
        self.initials = {
            id(a): frozenset(_initial(g) for g in _given_names(a)) for a in self.actors
        }
        for actor in self.actors:
            parts = split_name(actor.name)
            keys = [tuple(fold(p) for p in parts)]
            for alias in actor.aliases:
                alias_parts = split_name(alias)
                if alias_parts:
                    keys.append(tuple(fold(p) for p in alias_parts))
            if actor.kind == "person" and len(parts) >= 2:
                keys.append((fold(parts[0]), fold(parts[-1])))
                surname = fold(parts[-1])
                self.by_surname.setdefault(surname, []).append(actor)
            for key in keys:
                # A single capitalised word is only a person's name when it is a known surname.
                if actor.kind == "person" and len(key) < 2:
                    continue
                self.by_key.setdefault(key, actor)
        self.max_len = max((len(k) for k in self.by_key), default=1)
        self.prefixes = {key[:n] for key in self.by_key for n in range(1, len(key) + 1)}

    def _longest_key(
        self, text: str, toks: list[Token], i: int, kinds: tuple[str, ...]
    ) -> tuple[KnownActor, int, str] | None:
        """The longest run of name words from token i that is a known actor's name: the run
        grows while it is still the start of some name, so a word is looked at once."""
        key: tuple[str, ...] = ()
        ends = []
        for n in range(1, min(self.max_len, len(toks) - i) + 1):
            tok = toks[i + n - 1]
            if not (tok.capitalised or tok.text in CONNECTORS):
                break
            if n > 1 and not _adjacent(text, toks[i + n - 2 : i + n]):
                break
            key += (tok.key,)
            if key not in self.prefixes:
                break
            if tok.capitalised:
                ends.append(n)
        for n in reversed(ends):
            actor = self.by_key.get(key[:n])
            if actor is not None and actor.kind in kinds:
                return actor, n, "full name" if n >= 2 else "name"
        return None

    def people(self) -> list[KnownActor]:
        """The persons of the registry (not countries or organisations)."""
        return [a for a in self.actors if a.kind == "person"]

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        kinds: tuple[str, ...] = ("person",),
    ) -> list[NameHit]:
        """Every actor named in text[start:end]; surnames alone resolve to an introduced person."""
        toks = tokens(text, start, end)
        stop = len(text) if end is None else end
        az = bool(AZERBAIJANI_LETTERS.search(text, start, stop))
        # Only a Russian or Azerbaijani text writes names in other forms than the registry's.
        other_forms = az or bool(CYRILLIC.search(text, start, stop))
        hits: list[NameHit] = []
        introduced: list[KnownActor] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.capitalised or (
                # Most capitalised words begin no name and are no surname: skip them at once.
                not other_forms
                and (tok.key,) not in self.prefixes
                and tok.key not in self.by_surname
                and (i + 1 == len(toks) or toks[i + 1].key not in self.by_surname)
            ):
                i += 1
                continue
            match = self._longest_key(text, toks, i, kinds)
            if match is None and "person" in kinds:
                match = self._variant(text, toks, i)
                if match is None and other_forms:
                    match = self._inflected(text, toks, i, az)
            if match is None and "person" in kinds:
                actor = self._surname(toks, i, introduced, az)
                if actor is not None:
                    match = (actor, 1, "surname")
            if match is None:
                i += 1
                continue
            actor, n, how = match
            window = toks[i : i + n]
            hits.append(
                NameHit(
                    actor,
                    window[0].start,
                    window[-1].end,
                    text[window[0].start : window[-1].end],
                    how,
                )
            )
            if how != "surname" and actor.kind == "person" and not _named_after(toks, i + n):
                if actor in introduced:
                    introduced.remove(actor)
                introduced.append(actor)
            i += n
        return hits

    def _variant(self, text: str, toks: list[Token], i: int) -> tuple[KnownActor, int, str] | None:
        """A known surname after a spelling of the given name the registry does not list
        ("Dimitri" for Dmitry, "Gurbangulu" for Gurbanguly) or after its initial ("I. Aliyev",
        "I.Aliyev"): the one person of that surname whose given name it fits."""
        if i + 1 >= len(toks) or not toks[i + 1].capitalised:
            return None
        given, surname = toks[i], toks[i + 1]
        candidates = self.by_surname.get(surname.key)
        if not candidates:
            return None
        gap = text[given.end : surname.start]
        if len(given.text) == 1 and given.text.isupper():
            if not re.fullmatch(r"\.\s?", gap):
                return None
            fits = [a for a in candidates if _initial(given.text) in self.initials[id(a)]]
            how = "initial and surname"
        else:
            if not _adjacent(text, [given, surname]) or _is_title_word(given.text):
                return None
            skeleton = _skeleton(given.key)
            fits = [a for a in candidates if skeleton in self.given_skeletons[id(a)]]
            how = "full name"
        return (fits[0], 2, how) if len(fits) == 1 else None

    def _inflected(
        self, text: str, toks: list[Token], i: int, az: bool
    ) -> tuple[KnownActor, int, str] | None:
        """A full name in another case than the registry's ("Ильхамом Алиевым", "Ceyhun
        Bayramovla"): the first reading of its words that names a known person."""
        for n in (3, 2):
            window = toks[i : i + n]
            if (
                len(window) < n
                or not all(t.capitalised for t in window)
                or not any(inflected(t.text, az) for t in window)
                or not _adjacent(text, window)
            ):
                continue
            for key in product(*(_keys(t.text, az) for t in window)):
                actor = self.by_key.get(key)
                if actor is not None and actor.kind == "person":
                    return actor, n, "full name"
        return None

    def _surname(
        self, toks: list[Token], i: int, introduced: list[KnownActor], az: bool = False
    ) -> KnownActor | None:
        """The person a surname alone names: the one introduced last, or the only one."""
        tok = toks[i]
        candidates = self.by_surname.get(tok.key)
        if inflected(tok.text, az):
            found = [a for k in _keys(tok.text, az) for a in self.by_surname.get(k, ())]
            candidates = list({id(a): a for a in found}.values())
        if not candidates:
            return None
        # A capitalised word right before it that is a given name we do not know: someone else.
        if (
            i > 0
            and toks[i - 1].capitalised
            and toks[i - 1].end + 1 == tok.start
            and not _is_title_word(toks[i - 1].text)
        ):
            return None
        for actor in reversed(introduced):
            if actor in candidates:
                return actor
        if len(candidates) == 1 and not introduced_same_surname(introduced, tok.key):
            return candidates[0]
        return None


def _initial(name: str) -> str:
    """A given name's first letter as folded: C. and J. for Ceyhun and Jeyhun alike."""
    return fold(name[:1].lower())[:1]


def _keys(word: str, az: bool) -> tuple[str, ...]:
    """The folded keys of every form the word may stand for."""
    return tuple(dict.fromkeys(fold(w) for w in nominatives(word, az)))


def _skeleton(key: str) -> str:
    """A folded given name without its vowels: Dimitri and Dmitry, Gurbangulu and Gurbanguly."""
    return key[:1] + re.sub(r"[aeiouy]", "", key[1:])


def _given_names(actor: KnownActor) -> list[str]:
    """The given names of a person's name and aliases ("Ilham", "İlham")."""
    return [parts[0] for n in (actor.name, *actor.aliases) if len(parts := split_name(n)) >= 2]


def introduced_same_surname(introduced: list[KnownActor], key: str) -> bool:
    """Whether someone already introduced has that (folded) surname."""
    return any(fold(split_name(a.name)[-1]) == key for a in introduced)


# Words that may stand right before a known surname without being someone else's given name.
_TITLE_WORDS = frozenset(vocabulary("words")["before_surname"])


# Words after a name that make it a thing named after the person ("the Heydar Aliyev Palace").
_NAMED_AFTER = frozenset(vocabulary("titles")["named_after"])


def _named_after(toks: list[Token], i: int) -> bool:
    """Whether the word at i makes the name before it a place or a thing, not the person."""
    return i < len(toks) and toks[i].text.lower() in _NAMED_AFTER


def _is_title_word(word: str) -> bool:
    return word.lower() in _TITLE_WORDS


def _adjacent(text: str, window: list[Token]) -> bool:
    """Name parts separated only by spaces (a line break or bracket may sit between them,
    and a wrapped line's indentation, as ``names`` reads a name)."""
    for a, b in pairwise(window):
        gap = text[a.end : b.start]
        if gap.strip(" \t\n\u00a0[]") or (len(gap) > 3 and not _LINE_WRAP.fullmatch(gap)):
            return False
    return True


_LINE_WRAP = re.compile(r"[ \t]*\n[ \t]*")
