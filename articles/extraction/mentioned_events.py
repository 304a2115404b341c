"""Mentioned events: other dated events the article's sentences report besides the main one.

A sentence with a date of its own ("the declaration signed on 22 February 2022", "they met in
October") becomes an event of its own when it reports something happening; deadlines ("by
2025") and background ("since 1991") are not events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from articles.extraction.date_claims import DEADLINE_BEFORE
from articles.extraction.kinds import event_kind
from articles.extraction.known_events import document_label, labels_match
from articles.extraction.mentions import MentionKind
from articles.extraction.places import place_of
from articles.extraction.reading import Reading
from articles.extraction.text import EVENT_VERBS, PAST_EVENT, Tense, one_line, reports_past
from articles.extraction.timex_grammar import FoundKind
from articles.extraction.timex_resolution import Tag
from articles.extraction.types import DAY, DateClaim, ExtractedEvent

# A date after one of these is a deadline or a background, not when something happened;
# one end of a range ("2011-2012") is a span.
_NOT_WHEN = ("by", "until", "till", "before", "to", "through", "of", "and", "between", "range")
# Further than this after today, a date is a plan or a typo, not an event.
_FAR_FUTURE = dt.timedelta(days=3650)
_SPAN_END = re.compile(r"\s*(?:to|until|till|through|[-–—])\s+\S", re.I)
_STATES_ITS_YEAR = (MentionKind.FULL, MentionKind.MONTH_YEAR, MentionKind.NUMERIC_AMBIGUOUS)


def mentioned_events(
    reading: Reading, tags: list[Tag], *, anchor: DateClaim, main: ExtractedEvent | None
) -> list[ExtractedEvent]:
    """Events the body's dated sentences report, other than the main event; ``tags`` are the
    article's date expressions, their relative dates counted from ``anchor``."""
    text, hits, today = reading.text, reading.hits, reading.context.today
    events: list[ExtractedEvent] = []
    seen: set[tuple[int, str]] = set()
    main_span = (main.evidence_start, main.evidence_end) if main else None
    main_date = main.date.iso() if main else None
    for tag in tags:
        counted = tag.kind == FoundKind.COUNTED_DAY  # "the previous day"
        span = reading.sentence_of(tag.start)
        if span is None or (tag.mention is None and not counted):
            continue
        if span == main_span and not counted:
            continue  # the main event's own sentence dates the main event
        sentence = text[span[0] : span[1]]
        claim = tag.claim
        if claim is None or not claim.known or not _dates_a_happening(reading, tag, span):
            continue
        if claim.interval()[0] > today + _FAR_FUTURE:
            continue
        explicit = tag.mention is not None and tag.mention.kind in _STATES_ITS_YEAR
        if not explicit and anchor.known and claim.interval()[0] > anchor.interval()[1]:
            continue  # after the article's date: a plan, not something that happened
        iso = claim.iso()
        if (span[0], iso) in seen:
            continue
        seen.add((span[0], iso))
        # Everyone named in the sentence: a spokesman's announcement is his own event.
        people = list(dict.fromkeys(h.actor.name for h in hits if span[0] <= h.start < span[1]))
        if iso == main_date and claim.precision == DAY and set(people) <= set(main.participants):
            continue  # the main event told again ("Today, the minister arrived ...")
        digest = hashlib.sha1(" ".join(sentence.split()).encode()).hexdigest()[:10]
        words = tag.mention.text if tag.mention else text[tag.start : tag.end]
        events.append(
            ExtractedEvent(
                key=f"m:{digest}:{words.lower()}",
                main=False,
                summary=one_line(sentence),
                date=claim,
                evidence_start=span[0],
                evidence_end=span[1],
                kind=event_kind(sentence),
                place=place_of(sentence),
                participants=people,
                mentioned=[],
                label=document_label(sentence),
            )
        )
    return events


def _dates_a_happening(reading: Reading, tag: Tag, span: tuple[int, int]) -> bool:
    """Whether a date expression dates something that happened: a full date, a year with a
    happening, or a relative date in a sentence that reports the past (in any language the
    tense test reads), never in a clause that announces the future."""
    text, m, found = reading.text, tag.mention, tag.found
    sentence = text[span[0] : span[1]]
    if found is not None and found.range_end:
        return False  # the second day of "May 4-5": the first dates the event
    if m is not None:
        before = text[max(span[0], m.start - 14) : m.start]
        if DEADLINE_BEFORE.search(before) or m.preposition in _NOT_WHEN:
            return False
        if m.preposition == "from" and _SPAN_END.match(text, m.end):
            return False  # "from 1994 to 1997": a span, not a happening
        if m.kind in _STATES_ITS_YEAR:
            return True
    if tag.tense == Tense.FUTURE:
        return False
    if m is not None and m.kind == MentionKind.YEAR:
        if m.preposition == "attributive":
            return bool(found and found.event_noun)  # "a 2009 accord": the noun is the event
        return bool(EVENT_VERBS.search(sentence)) or reports_past(sentence)
    relative = (MentionKind.RELATIVE_YEAR, MentionKind.RELATIVE_MONTH)
    if m is not None and m.kind in relative and m.offset > 0:
        return False  # "next year" in a report of the past: something else's date
    return bool(PAST_EVENT.search(sentence)) or reports_past(sentence)


def one_event_per_document(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A document's signing told twice ("signed in February 2022", "signed last year") is one
    mentioned event: the most precise telling is kept when the two agree."""
    groups: list[list[ExtractedEvent]] = []
    for event in events:
        if event.main or not event.label or not event.date.known:
            continue
        group = next((g for g in groups if labels_match(g[0].label, event.label)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    drop = set()
    for group in groups:
        keeper = max(group, key=lambda e: e.date.specificity)
        for event in group:
            if event is not keeper and keeper.date.iso().startswith(event.date.iso()):
                drop.add(id(event))
    return [e for e in events if id(e) not in drop]


def number_repeated_keys(events: list[ExtractedEvent]) -> None:
    """A sentence repeated in an article gives the same key twice: number the repeats."""
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.key, 0)
        seen[event.key] = count + 1
        if count:
            event.key = f"{event.key}#{count + 1}"
