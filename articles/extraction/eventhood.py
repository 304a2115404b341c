"""Which extracted events are happenings a timeline lists, and which are only announced.

An article's main event is always one. Another dated mention is one only when it reports a
happening of its own: a kind, and someone, a place or a document's name to know it by. An
opinion, a quotation or a background remark ("we hope the declaration ...", "relations have
been at a high level since 2022") is not: it is a source of the event it refers to, or
nothing. An announcement ("Lavrov will visit Baku next week") is the planned event.
Plain Python, no Django.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.extraction.kinds import EventKind
from articles.extraction.known_events import label_key
from articles.extraction.types import DateClaim, ExtractedEvent

# Kinds that say nothing of what happened: a sentence of these kinds is talk about events.
TALK_KINDS = frozenset({EventKind.OTHER, EventKind.STATEMENT})
PLANNABLE = frozenset(
    {EventKind.MEETING, EventKind.VISIT, EventKind.CALL, EventKind.AGREEMENT, EventKind.STATEMENT}
)

# Quotation marks, a transcript's dash, the first person, opinion verbs: someone talking.
_QUOTE = re.compile(r"[\"“”«»„]|^\s*[–—-]\s")
_FIRST_PERSON = re.compile(
    r"\b(?:we|our|us|I|my|you|your|мы|наш\w*|нас|я|вы|ваш\w*|biz|bizim|siz|sizin)\b", re.I
)
_OPINION = re.compile(
    r"\b(?:hopes?|hoped|believes?|believed|thinks?|confident|pointed out|stressed|noted|"
    r"recalled|expressed|emphasi[sz]ed|according to|надеж\w*|надеемся|уверен\w*|отметил\w*|"
    r"подчеркнул\w*|напомнил\w*|ümid\w*|əmin\w*|qeyd ed\w*|vurğula\w*)\b",
    re.I,
)

_EVENT_VERB = (
    r"(?:hold|meet|visit|sign|travel|pay|take part|attend|arrive|host|discuss|talk|speak"
    r"|come|go|fly)"
)
_FUTURE = re.compile(
    rf"\bwill\s+(?:\w+\s+)?{_EVENT_VERB}"
    rf"|\b(?:is|are)\s+(?:expected|scheduled|due|set|going|planning|to)\s+(?:to\s+)?(?:\w+\s+)?"
    rf"{_EVENT_VERB}"
    rf"|\bplans?\s+to\s+{_EVENT_VERB}|^\s*[\w\s.-]{{0,60}}\bto\s+{_EVENT_VERB}\b"
    r"|\b(?:состоится|пройд[её]т|проведут|посетит|посетят|встретится|встретятся|прибудет"
    r"|планиру\w+|намерен\w*)\b"
    r"|\b\w+(?:acaq|əcək)\b",
    re.I | re.U,
)


@lru_cache(maxsize=4096)  # asked of one sentence again and again (extraction, the store)
def talks_about_events(sentence: str) -> bool:
    """Whether a sentence is someone talking (a quotation, an opinion, the first person)
    rather than a report of what happened."""
    return bool(
        _QUOTE.search(sentence) or _FIRST_PERSON.search(sentence) or _OPINION.search(sentence)
    )


_SIGNING = re.compile(r"\bsign|\bподпис|\bimzala", re.I)
_ANNIVERSARY = re.compile(r"anniversary|годовщин|юбиле|ildönüm", re.I)


def named(event: ExtractedEvent) -> bool:
    """Whether the event carries a document's name ("declaration on allied interaction"),
    not only a kind of document ("treaty")."""
    return len(label_key(event.label)) >= 2


def listable(event: ExtractedEvent) -> bool:
    """Whether an extracted event is a happening of its own, to list on the timeline.

    The main event always is. Another is when it has a date and a kind and is reported
    rather than talked about, with someone or a place to know it by (a clash or a crash
    needs neither); a named document counts even when quoted, since its signing is the
    happening the quotation refers to.
    """
    if event.main:
        return True
    if not event.date.known:
        return False
    if named(event) and event.kind not in (EventKind.INCIDENT, EventKind.ECONOMIC):
        return True
    if event.kind in TALK_KINDS or talks_about_events(event.summary):
        return False
    return event.kind == EventKind.INCIDENT or bool(event.participants or event.place)


def reported(event: ExtractedEvent) -> bool:
    """Whether the event's sentence reports it, so that the people it names took part: not
    when someone talks about it, nor when it names a document without its signing or for
    its anniversary ("timed to the anniversary of the declaration signed in 2022")."""
    if event.main:
        return True
    if talks_about_events(event.summary):
        return False
    if not event.label:
        return True
    return bool(_SIGNING.search(event.summary)) and not _ANNIVERSARY.search(event.summary)


def planned(event: ExtractedEvent, published: DateClaim) -> bool:
    """Whether an article announces the event rather than reports it: a kind that can be
    planned, and a date after the article's own or an announcing verb ("will visit")."""
    if event.kind not in PLANNABLE:
        return False
    start, _ = event.date.interval()
    _, published_end = published.interval()
    if start is not None and published_end is not None and start > published_end:
        return True
    return _announces(event.summary)


@lru_cache(maxsize=4096)
def _announces(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


__all__ = [
    "PLANNABLE",
    "TALK_KINDS",
    "listable",
    "named",
    "planned",
    "reported",
    "talks_about_events",
]
