"""People: who takes part in what a sentence reports, and people the registry does not know yet.

Known actors are found by ``actors.Registry``; here they are sorted into participants (not the
dead being remembered, not the spokesman quoted about it), and persons the text introduces
with an office ("Deputy Foreign Minister" and a name) become new actors to review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.extraction.reading import Reading
from articles.extraction.text import one_line
from articles.extraction.types import NewActor
from articles.extraction.vocabulary import vocabulary

_NOT_TAKING_PART_BEFORE = re.compile(
    r"\b(?:late|memory\s+of|anniversary\s+of|named\s+after|according\s+to|quoting|quoted"
    r"|spokes(?:man|woman|person)(?:\s+for\s+the\s+\w+(?:\s+of\s+the\s+\w+(?:\s+\w+)?)?)?"
    r"|press\s+secretary|birth\s+of|death\s+of|legacy\s+of|founder|national\s+leader)"
    r"[\s,]+(?:\w+\s+){0,2}$",
    re.I,
)
_REPORTER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:told|said\s+to|informed)\s+(?:reporters|journalists|the\s+press"
    r"|media)",
    re.I,
)


_OFFICES = vocabulary("offices")
# An office, maybe with its country ("Azerbaijani Foreign Minister"), right before a name of
# two or three capitalised words: how a text introduces someone.
_NEW_PERSON = re.compile(
    r"\b(?P<office>(?:(?:" + "|".join(_OFFICES["introduce_adjectives"]) + r")\s+)?"
    r"(?:" + "|".join(_OFFICES["introduce"]) + r"))"
    r",?\s+(?P<name>[A-Z][a-zà-ÿəğışçöü'’-]+(?:\s+[A-Z][a-zà-ÿəğışçöü'’-]+){1,2})\b"
)


def participants(reading: Reading, spans: Sequence[tuple[int, int]]) -> list[str]:
    """People who take part in what the sentences report: not the dead being remembered, not
    the spokesman quoted about it."""
    text = reading.text
    names = []
    for hit in reading.hits:
        if any(s <= hit.start < e for s, e in spans):
            before = text[max(0, hit.start - 80) : hit.start]
            if _NOT_TAKING_PART_BEFORE.search(before):
                continue
            if _REPORTER_AFTER.match(text[hit.end : hit.end + 60]):
                continue
            names.append(hit.actor.name)
    return list(dict.fromkeys(names))


def new_actors(reading: Reading) -> list[NewActor]:
    """Persons introduced with an office whom the registry does not know."""
    text, registry = reading.text, reading.context.registry
    found: dict[str, NewActor] = {}
    for s, e in reading.sentences:
        for m in _NEW_PERSON.finditer(text, s, e):
            name = m.group("name")
            if registry.find(name) or name in found:
                continue
            if any(w.lower() in {"the", "of", "and"} for w in name.split()):
                continue
            found[name] = NewActor(
                name=name,
                office=" ".join(m.group("office").split()),
                evidence=one_line(text[s:e], 200),
            )
    return list(found.values())
