"""The main event: what the article reports, from its lead sentence, dated and with its people.

The main sentence is the first of the first four that reports a meeting, a visit, a call or a
signing (else the first). Its own date expression dates the event; failing one, the first
sentence's; failing both, a vague time ("last week") gives the article's year, else the
article's own date is the event's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from articles.extraction.date_claims import DEADLINE_BEFORE, FUTURE, resolve
from articles.extraction.dateline import dateline_place
from articles.extraction.dates import MentionKind
from articles.extraction.datevalue import SPECIFICITY
from articles.extraction.kinds import EventKind, event_kind
from articles.extraction.known_events import document_label
from articles.extraction.participants import main_people
from articles.extraction.places import place_of
from articles.extraction.reading import Reading
from articles.extraction.text import one_line
from articles.extraction.types import DAY, UNKNOWN, YEAR, DateClaim, ExtractedEvent

_MAIN_WORDS = re.compile(
    r"\b(?:met|meet(?:ing|s)?|talks|negotiations|received|receives|visit(?:ed|s|ing)?|arrived"
    r"|(?:phone|telephone)\s+(?:call|conversation)|spoke|signed|summit|held|hosted|discussed"
    r"|conversation)\b",
    re.I,
)
# Times a report may give an event that are not a date: the article's own day is not the
# event's then.
_VAGUE_TIME = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few)"
    r"\s+(?:days?|weeks?|months?)\s+ago|last\s+(?:week|weekend)|earlier\s+this\s+"
    r"(?:week|month)|(?:this|next)\s+week|recently|the\s+other\s+day|in\s+recent\s+"
    r"(?:days|weeks)|(?:days|weeks)\s+(?:before|earlier))\b",
    re.I,
)
_BACKGROUND_PREPOSITIONS = {
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "to",
    "through",
    "of",
    "and",
    "between",
    "from",
}
# Event kinds that happen in one place: where the report was filed is theirs.
_IN_ONE_PLACE = (EventKind.MEETING, EventKind.VISIT, EventKind.AGREEMENT)


def main_sentence(reading: Reading) -> tuple[int, int] | None:
    """The sentence that reports the article's event."""
    text, sents = reading.text, reading.sentences
    if not sents:
        return None
    for span in sents[:4]:
        if _MAIN_WORDS.search(text[span[0] : span[1]]):
            return span
    return sents[0]


def main_event(reading: Reading) -> ExtractedEvent | None:
    """The article's main event: its sentence, date, kind, place, participants."""
    main_span = main_sentence(reading)
    if main_span is None:
        return None
    text, sents, layout = reading.text, reading.sentences, reading.layout
    lead = [sents[0], main_span]
    date = _main_date(reading, main_span)
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
    if not place and reading.dateline and kind in _IN_ONE_PLACE:
        place = dateline_place(text, reading.dateline)
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


def _main_date(reading: Reading, main_span: tuple[int, int]) -> DateClaim:
    """The main event's date: its sentence's, the first sentence's, or the article's own."""
    text, sents, ref = reading.text, reading.sentences, reading.published
    # The sentence that reports the event dates it if it has a date at all; only when it has
    # none does the first sentence, and only then the article's own date.
    for span in dict.fromkeys([main_span, sents[0]]):
        sentence = text[span[0] : span[1]]
        future = bool(FUTURE.search(sentence))
        found = [
            m
            for m in reading.mentions
            if span[0] <= m.start < span[1]
            and m.preposition not in _BACKGROUND_PREPOSITIONS
            and not DEADLINE_BEFORE.search(text[max(0, m.start - 12) : m.start])
            and not (m.kind == MentionKind.RELATIVE_YEAR and "ago" in m.text.lower())
            # "... met and prepared for the anniversary next year": a later year in a
            # sentence that reports the past is the date of something else.
            and not (
                m.kind in (MentionKind.RELATIVE_YEAR, MentionKind.RELATIVE_MONTH)
                and m.offset > 0
                and not future
            )
        ]
        if not found:
            continue
        # Day-level expressions first, then month, then year; within a level, the first one.
        best = min(found, key=lambda m: (-SPECIFICITY[m.kind.precision], m.start))
        resolved = resolve(best, ref, future=future)
        if resolved is None or not resolved.known:
            return DateClaim(
                UNKNOWN,
                evidence=best.text,
                evidence_start=best.start,
                evidence_end=best.end,
                derivation=f"the report dates the event '{best.text.strip()}', but the text "
                "does not fix its year",
                needs_review=True,
            )
        return _check_against_dateline(resolved, ref, future=future)
    vague = next(
        (
            m
            for span in dict.fromkeys([main_span, sents[0]])
            for m in [_VAGUE_TIME.search(text, span[0], span[1])]
            if m
        ),
        None,
    )
    if vague is not None and ref.known:
        # "Ten days ago", "last week": not the article's own day, and no day of its own.
        return DateClaim(
            YEAR,
            ref.year,
            evidence=vague.group(0),
            evidence_start=vague.start(),
            evidence_end=vague.end(),
            derivation=f"the report dates the event only as '{vague.group(0)}'; the year "
            f"is the article's ({ref.derivation})",
            needs_review=True,
        )
    if ref.known:
        return replace(
            ref,
            derivation=f"the article's own date: {ref.derivation}; the "
            "report gives the event no other date",
        )
    return replace(ref)


def _check_against_dateline(claim: DateClaim, ref: DateClaim, *, future: bool = False) -> DateClaim:
    """A lead date well after the article's own date (unless announced) is suspicious."""
    if ref.precision == DAY and claim.precision == DAY and ref.known:
        lead_day = dt.date(claim.year, claim.month, claim.day)
        ref_day = dt.date(ref.year, ref.month, ref.day)
        ahead = dt.timedelta(days=400 if future else 7)
        if lead_day > ref_day + ahead or lead_day < ref_day - dt.timedelta(days=366):
            return replace(
                claim,
                needs_review=True,
                derivation=claim.derivation + "; far from the article's own date",
            )
    return claim
