"""The main event: what the article reports, from its lead sentence, dated and with its people.

The main sentence is the first of the first four that reports a meeting, a visit, a call or a
signing; else the one that tells what the headline names; else the first. ``main_date`` dates
it; its kind, place and people are read from it and the lead around it.
"""

from __future__ import annotations

import re

from articles.extraction.date_claims import FUTURE
from articles.extraction.dateline import dateline_place
from articles.extraction.kinds import EventKind, event_kind
from articles.extraction.known_events import document_label
from articles.extraction.main_date import main_date, sentence_with_own_day
from articles.extraction.participants import main_people
from articles.extraction.places import place_in_dateline, place_of
from articles.extraction.reading import Reading
from articles.extraction.text import (
    MAIN_WORDS,
    one_line,
    stems,
)
from articles.extraction.types import ExtractedEvent

# A title that ends in a place and a date, as official sites write them.
_DATED_TITLE = re.compile(r",\s*[A-Z][\w .-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$")
# Event kinds that happen in one place: where the report was filed is theirs.
_IN_ONE_PLACE = (EventKind.MEETING, EventKind.VISIT, EventKind.AGREEMENT)


def main_sentence(reading: Reading) -> tuple[int, int] | None:
    """The sentence that reports the article's event."""
    text, sents = reading.text, reading.sentences
    if not sents:
        return None
    for span in sents[:4]:
        if MAIN_WORDS.search(text[span[0] : span[1]]):
            return span
    # No meeting, visit or signing told: the sentence that tells what the headline names
    # ("Troop Withdrawal": "... the last unit withdrew in May 1993"), else the first.
    title = stems(reading.layout.title)
    shared = [len(title & stems(text[s:e])) for s, e in sents[:4]]
    best = max(range(len(shared)), key=shared.__getitem__)
    return sents[best] if shared[best] >= 3 and shared[best] > shared[0] else sents[0]


def main_event(reading: Reading) -> ExtractedEvent | None:
    """The article's main event: its sentence, date, kind, place, participants."""
    main_span = main_sentence(reading)
    if main_span is None:
        return None
    date = main_date(reading, main_span)
    # "The ... agreed at their meeting on 9 October" chosen, while the lead says "on Tuesday":
    # the report is of Tuesday's event, the older date is its background.
    own_day = sentence_with_own_day(reading, main_span, date)
    if own_day is not None:
        main_span = own_day
        date = main_date(reading, main_span)
    text, sents, layout = reading.text, reading.sentences, reading.layout
    lead = [sents[0], main_span]
    people_spans = list(dict.fromkeys(lead))
    names, mentioned = main_people(reading, main_span, date)
    # Organisations named around the main event (the EAEU summit, the OSCE Minsk Group).
    mentioned += [
        h.actor.name
        for s, e in people_spans
        for h in reading.context.registry.find(text, s, e, kinds=("organisation",))
    ]
    main_text = text[main_span[0] : main_span[1]]
    summary = layout.title or one_line(main_text)
    kind = event_kind(main_text + " " + (layout.title or ""))
    place = place_of(main_text) or place_of(text[sents[0][0] : sents[0][1]])
    if not place and reading.dateline and kind in _IN_ONE_PLACE and not FUTURE.search(main_text):
        place = dateline_place(text, reading.dateline)  # not for a visit still to come
    if not place and kind in _IN_ONE_PLACE and layout.title and _DATED_TITLE.search(layout.title):
        place = place_in_dateline(layout.title)  # "Statements after the talks, Moscow, May 5"
    return ExtractedEvent(
        key="main",
        main=True,
        summary=one_line(summary),
        date=date,
        evidence_start=main_span[0],
        evidence_end=main_span[1],
        kind=kind,
        place=place,
        participants=names,
        mentioned=list(dict.fromkeys(mentioned)),
        label=document_label(main_text),
    )
