"""A headline a reader can scan, built from what is known of an event rather than copied
from a sentence: "Aliyev and Putin sign the Declaration on Allied Interaction — Moscow".

Plain Python, no Django: the timeline builds an event's headline from the kind, the people,
the document and the place its sources agree on. The sentence stays as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.kinds import EventKind

MAX_WORDS = 15
MAX_PEOPLE = 3

# Words a document's name picks up from the sentence around it ("... signed in Moscow").
_TRAILING = {
    "in", "at", "on", "of", "by", "with", "and", "the", "a", "an", "to", "for", "was", "were",
    "is", "are", "has", "have", "that", "which", "between", "from", "this", "last", "earlier",
}  # fmt: skip
_SMALL = {"on", "of", "in", "and", "the", "for", "between", "about", "to", "a", "an", "with"}
_WORD = re.compile(r"[\w'’-]+", re.U)
_PARTICIPLE = re.compile(r"(?:ed|ing)$")

# (one person, several people, nobody named), for what happened and for what is planned.
_PHRASES: dict[EventKind, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    EventKind.MEETING: (
        ("{} holds talks", "{} hold talks", "Talks"),
        ("{} to hold talks", "{} to hold talks", "Talks planned"),
    ),
    EventKind.VISIT: (
        ("{} visits", "{} visit", "Visit"),
        ("{} to visit", "{} to visit", "Planned visit"),
    ),
    EventKind.CALL: (
        ("{} holds a phone call", "{} speak by phone", "Phone call"),
        ("{} to hold a phone call", "{} to speak by phone", "Phone call planned"),
    ),
    EventKind.AGREEMENT: (
        ("{} signs an agreement", "{} sign an agreement", "Agreement signed"),
        ("{} to sign an agreement", "{} to sign an agreement", "Agreement to be signed"),
    ),
    EventKind.STATEMENT: (
        ("Statement by {}", "Joint statement by {}", "Statement"),
        ("Statement by {} expected", "Statement by {} expected", "Statement expected"),
    ),
    EventKind.INCIDENT: (
        ("Incident involving {}", "Incident involving {}", "Incident"),
        ("Incident involving {}", "Incident involving {}", "Incident"),
    ),
    EventKind.ECONOMIC: (
        ("Economic cooperation: {}", "Economic cooperation: {}", "Economic cooperation"),
        ("Economic cooperation planned: {}", "Economic cooperation planned: {}", ""),
    ),
}


def clean_label(label: str) -> str:
    """A document's name as a headline prints it: without the words the sentence added after
    it ("signed", "in", a date), in title case ("Declaration on Allied Interaction"); "" for
    a kind of document alone ("the agreement")."""
    words = _WORD.findall(label)
    for i, word in enumerate(words):
        if word.isdigit() or word.capitalize() in MONTH_NAMES:
            words = words[:i]
            break
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    while words:
        if words[-1].lower() in _TRAILING or _PARTICIPLE.search(words[-1].lower()):
            words.pop()
        elif len(words) > 3 and words[-2].lower() in {"in", "at"} and words[-1][:1].isupper():
            del words[-2:]  # where it was signed ("... in Baku"), not its name
        else:
            break
    if len([w for w in words if w.lower() not in _SMALL]) < 2:
        return ""
    out = [words[0][:1].upper() + words[0][1:]]
    for word in words[1:]:
        small = word.lower() in _SMALL
        out.append(word.lower() if small else word[:1].upper() + word[1:])
    return " ".join(out)


def short_name(name: str) -> str:
    """How a headline names a person: the surname ("Ilham Aliyev" → "Aliyev")."""
    parts = name.split()
    return parts[-1] if parts else name


def joined(names: Sequence[str]) -> str:
    """ "Aliyev", "Aliyev and Putin", "Aliyev, Putin and Pashinyan", "Aliyev, Putin and
    others" past ``MAX_PEOPLE``."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) > MAX_PEOPLE:
        return f"{', '.join(names[: MAX_PEOPLE - 1])} and others"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def headline(
    *,
    kind: str,
    people: Sequence[str] = (),
    label: str = "",
    place: str = "",
    planned: bool = False,
    fallback: str = "",
) -> str:
    """The event's headline from its kind, people (as ``short_name`` gives them), document
    and place; ``fallback`` (a sentence) only where those say nothing. At most about
    ``MAX_WORDS`` words, never a quotation."""
    kind = EventKind(kind) if kind in EventKind.__members__.values() else EventKind.OTHER
    who = joined(people)
    document = clean_label(label)
    text = _core(kind, who, document, planned=planned, count=len(set(people)))
    if kind == EventKind.VISIT and place and text:
        text = f"{text} {place}" if who else f"{text} to {place}"
    if not text:
        text = short_sentence(fallback) if fallback else "Event"
    if place and place.casefold() not in text.casefold():
        text = f"{text} — {place}"
    return _limited(text)


def fallback_sentence(summary: str, passage: str) -> str:
    """What a headline falls back on when kind, people and document say nothing: the
    summary, unless it is too short to say anything ("Publication"), then the passage."""
    return summary if len(summary.split()) >= 4 or not passage.strip() else passage


def _core(kind: EventKind, who: str, document: str, *, planned: bool, count: int) -> str:
    if kind == EventKind.AGREEMENT and document:
        if who:
            return (
                f"{who} {'to sign' if planned else 'sign' if count > 1 else 'signs'} the {document}"
            )
        return f"{document} {'to be signed' if planned else 'signed'}"
    if document and kind in (EventKind.OTHER, EventKind.STATEMENT):
        return f"{who}: {document}" if who else document
    if kind not in _PHRASES:
        return ""
    one, several, nobody = _PHRASES[kind][planned]
    if not who:
        return "" if kind in _TOLD_BETTER else nobody
    return (several if count > 1 else one).format(who)


# Kinds a sentence names better than a generic word when nobody is known ("Clashes erupt").
_TOLD_BETTER = {EventKind.INCIDENT, EventKind.ECONOMIC}

_QUOTES = "\"'“”„«»‘’‹›"
_CLAUSE_END = re.compile(r"\s*(?:[,;:(]|\s[–—-]\s)")


def short_sentence(sentence: str, limit: int = 12) -> str:
    """The first clause of a sentence, its quotation marks removed, cut to ``limit`` words."""
    text = " ".join(sentence.split()).strip(_QUOTES + " ")
    for quote in _QUOTES:
        text = text.replace(quote, "")
    clause = _CLAUSE_END.split(text, maxsplit=1)[0].rstrip(". ")
    words = clause.split()
    if len(words) > limit:
        return " ".join(words[:limit]) + "…"
    return clause


def _limited(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    return " ".join(words[:MAX_WORDS]) + "…"


__all__ = [
    "MAX_WORDS",
    "clean_label",
    "fallback_sentence",
    "headline",
    "joined",
    "short_name",
    "short_sentence",
]
