"""The main event's date: its sentence's own, the first sentence's, or the article's.

Its own date expression dates the event (never the dateline it may begin with); failing one,
the first sentence's; failing both, a text that says the date is not given or a vague time
("last week") gives the article's year, a report that something "has happened" its month, else
the article's own date is the event's. A date that is only background (long before the
article, or "last year") gives way to a lead sentence with a day of its own ("on Tuesday",
"today"); a lead dated only to a month or year takes a finer date of that month or year from
the next sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from articles.extraction.date_claims import DEADLINE_BEFORE, FUTURE, resolve
from articles.extraction.dateline import dateline_place
from articles.extraction.datevalue import MONTH_NAMES, SPECIFICITY
from articles.extraction.mentions import Mention, MentionKind
from articles.extraction.reading import Reading
from articles.extraction.text import (
    BACKGROUND_PREPOSITIONS,
    PAST_EVENT,
    PRESENT_PERFECT,
    RELATIVE_CLAUSE_BEFORE,
    REPORTED_EVENT,
    UNDISCLOSED_TIME,
    VAGUE_TIME,
    reports_past,
)
from articles.extraction.types import DAY, MONTH, UNKNOWN, YEAR, DateClaim

# A report's own verb right before a date: "said on Monday", "told reporters on Friday".
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|announced|told\s+(?:\w+\s+){0,3}?|reported|stated|confirmed|quoted"
    r"|сообщил\w*|заявил\w*|объявил\w*)\s*$",
    re.I,
)


# An ordinal and up to two words before "this year": the event is counted, not dated.
_COUNTED_IN = re.compile(
    r"(?<![\w-])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|\d{1,2}(?:st|nd|rd|th))(?:\s+[\w'’-]+){1,2}\s+$",
    re.I,
)


def main_date(reading: Reading, main_span: tuple[int, int]) -> DateClaim:
    """The main event's date: its sentence's, the first sentence's, or the article's own."""
    sents, ref = reading.sentences, reading.published
    # The sentence that reports the event dates it if it has a date at all; only when it has
    # none does the first sentence, and only then the article's own date.
    for span in dict.fromkeys([main_span, sents[0]]):
        picked = _own_date(reading, span)
        if picked is None:
            continue
        best, future, note = picked
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
        if note:
            resolved = replace(resolved, derivation=resolved.derivation + note)
        resolved = _finer_in_next(reading, span, resolved, future=future)
        return _check_against_dateline(resolved, ref, future=future)
    return _undated(reading, main_span)


def _own_date(reading: Reading, span: tuple[int, int]) -> tuple[Mention, bool, str] | None:
    """The date expression that dates a sentence's event, whether the sentence announces it,
    and a note for the derivation; None if the sentence has no date of its own."""
    text, ref, dateline = reading.text, reading.published, reading.dateline
    sentence = text[span[0] : span[1]]
    future_at = FUTURE.search(sentence)
    future = bool(future_at)
    found = [
        m
        for m in reading.mentions
        if span[0] <= m.start < span[1]
        # "Rome, May 3 (Agency) - X met Y on Sunday": the dateline is the report's date.
        and not (dateline is not None and m.start == dateline.start)
        and m.preposition not in BACKGROUND_PREPOSITIONS
        and not DEADLINE_BEFORE.search(text[max(0, m.start - 12) : m.start])
        and not (m.kind == MentionKind.RELATIVE_YEAR and m.preposition.endswith("ago"))
        # "the leaders' fourth meeting this year": a count within the year, not the day.
        and not (
            m.kind == MentionKind.RELATIVE_YEAR
            and _COUNTED_IN.search(text, max(0, m.start - 40), m.start)
        )
        # "... met and prepared for the anniversary next year": a later year in a
        # sentence that reports the past is the date of something else.
        and not (
            m.kind in (MentionKind.RELATIVE_YEAR, MentionKind.RELATIVE_MONTH)
            and m.offset > 0
            and not future
        )
        and not _in_background_clause(text, span, m, ref)
    ]
    if not found:
        return None
    # Day-level expressions first, then month, then year; within a level the first one, but
    # in an announcement not the day it was announced ("said on Monday the ministers will
    # meet on Friday").
    announced_from = span[0] + future_at.start() if future_at else span[1]

    def announcing(m: Mention) -> bool:
        return m.start < announced_from and bool(
            _REPORTING_BEFORE.search(text, max(span[0], m.start - 40), m.start)
        )

    best = min(found, key=lambda m: (-SPECIFICITY[m.kind.precision], announcing(m), m.start))
    if best.kind in (MentionKind.RELATIVE_DAY, MentionKind.WEEKDAY):
        # "yesterday (14 March)", "on Friday, 14 March": the calendar date says the same day.
        best = next(
            (
                m
                for m in found
                if m.kind in (MentionKind.FULL, MentionKind.DAY_MONTH)
                and 0 <= m.start - best.end <= 3
                and not text[best.end : m.start].strip(" ,(")
            ),
            best,
        )
    if future and best.start < announced_from and PAST_EVENT.search(text, span[0], announced_from):
        future = False  # "met on Tuesday and will meet again on Friday": Tuesday is past
    note = ""
    if future or (best.offset > 0 and best.kind != MentionKind.RELATIVE_YEAR):
        # "will meet on Friday", "meet next Tuesday": the announced (planned) event.
        note = "; the report announces it as planned"
    elif (
        best.kind == MentionKind.DAY_MONTH
        and _days_ahead(best, ref) in range(1, 8)
        and not PAST_EVENT.search(sentence)
    ):
        # "The summit opens on 12 August" in a report of 9 August: this year's, coming.
        future = True
        note = "; a few days after the article's date, and not told as past: coming"
    return best, future, note


def _days_ahead(mention: Mention, ref: DateClaim) -> int | None:
    """How many days after the article's own day a day and month falls in the same year."""
    if ref.precision != DAY or not ref.known:
        return None
    try:
        day = dt.date(ref.year, mention.month, mention.day)
    except ValueError:
        return None
    return (day - dt.date(ref.year, ref.month, ref.day)).days


def _in_background_clause(text: str, span: tuple[int, int], m: Mention, ref: DateClaim) -> bool:
    """A year (or month of a year) before the article's, in a clause that only describes
    someone or something: "the two countries, which established relations in 1992, ..."."""
    if m.kind not in (MentionKind.YEAR, MentionKind.MONTH_YEAR):
        return False
    if ref.known and m.year >= ref.year:
        return False
    return bool(RELATIVE_CLAUSE_BEFORE.search(text, span[0], m.start))


def _undated(reading: Reading, main_span: tuple[int, int]) -> DateClaim:
    """The main event's date when neither its sentence nor the first one has one."""
    text, sents, ref = reading.text, reading.sentences, reading.published
    lead = list(dict.fromkeys([main_span, sents[0]]))
    undisclosed = next(
        (m for s, e in sents[:3] for m in [UNDISCLOSED_TIME.search(text, s, e)] if m), None
    )
    if undisclosed is not None and ref.known:
        # "X made the appeal but did not say when": on or before the report, in its year.
        why = f"the report says it does not give the date ('{undisclosed.group(0)}')"
        return _year_of_ref(ref, undisclosed, why)
    vague = next((m for s, e in lead for m in [VAGUE_TIME.search(text, s, e)] if m), None)
    if vague is not None and ref.known:
        # "Ten days ago", "last week": not the article's own day, and no day of its own.
        claim = _year_of_ref(ref, vague, f"the report dates the event only as '{vague.group(0)}'")
        return _finer_in_next(reading, main_span, claim, future=False, recent=True)
    perfect = next((m for s, e in lead for m in [PRESENT_PERFECT.search(text, s, e)] if m), None)
    told = _today_told_next(reading, main_span) if perfect is not None else None
    if told is not None:
        return told
    if perfect is not None and ref.known and ref.precision == DAY and (ref.month, ref.day) > (1, 1):
        # "The festival has opened": that evening's event is often reported the next day, so
        # only the month (on the 1st, only the year) holds both days.
        month = ref.month if ref.day > 1 else None
        said = f"{MONTH_NAMES[ref.month - 1]} {ref.year}" if month else f"{ref.year}"
        return DateClaim(
            MONTH if month else YEAR,
            ref.year,
            month,
            evidence=perfect.group(0),
            evidence_start=perfect.start(),
            evidence_end=perfect.end(),
            derivation=f"the report says only that the event has happened "
            f"('{perfect.group(0)}'): on the article's date ({ref.value.label}) or the day "
            f"before, so only {said} is given",
            needs_review=True,
        )
    if ref.known:
        # "... met five years ago": a time before the article's day that no date fixes.
        ago = any(
            m.preposition.endswith("ago")
            for m in reading.mentions
            for s, e in lead
            if s <= m.start < e
        )
        # "The ministers met in Baku" under a page's date: agencies report the day before too,
        # unless the date is a dateline of the event's own ("CITY, date -" opening the lead, or
        # "November 26, 2021, Sochi" under the title: filed where and when it happened).
        own_dateline = reading.layout.lead_start or (
            reading.dateline is not None and dateline_place(text, reading.dateline)
        )
        told_past = (
            ref.precision == DAY
            and not own_dateline
            and reports_past(text[main_span[0] : main_span[1]])
        )
        derivation = f"the report gives the event no date of its own: it is {_article_date(ref)}"
        return replace(
            ref,
            derivation=derivation
            + ("; told in the past, it may be the day before" if told_past else ""),
            # "has arrived" on 1 January: the day before is in another year.
            needs_review=ref.needs_review or perfect is not None or ago or told_past,
        )
    return replace(ref)


def _today_told_next(reading: Reading, main_span: tuple[int, int]) -> DateClaim | None:
    """ "We have held talks. Today we discussed ...": the day a next sentence of the lead
    tells, in the past, as "today" or "yesterday" (flagged: it may be another happening)."""
    text, ref = reading.text, reading.published
    after = [span for span in reading.sentences if span[0] >= main_span[1]][:2]
    for s, e in after:
        for m in reading.mentions:
            if not (
                s <= m.start < e and m.kind == MentionKind.RELATIVE_DAY and m.offset in (0, -1)
            ):
                continue
            if FUTURE.search(text, s, e):
                continue
            day = resolve(m, ref)
            if day is not None and day.known:
                return replace(
                    day,
                    derivation=f"the lead says only that the event has happened; the next "
                    f"sentence tells '{m.text.strip()}' ({day.derivation})",
                    needs_review=True,
                )
    return None


def _article_date(ref: DateClaim) -> str:
    """ "the article's date (4 April 1997, from the dateline)": the date and how it was read."""
    how = ref.derivation
    how = f"the {how}" if how.startswith("dateline") else how
    return f"the article's date ({ref.value.label}, from {how})"


def _year_of_ref(ref: DateClaim, match: re.Match, why: str) -> DateClaim:
    return DateClaim(
        YEAR,
        ref.year,
        evidence=match.group(0),
        evidence_start=match.start(),
        evidence_end=match.end(),
        derivation=f"{why}; the year is that of {_article_date(ref)}",
        needs_review=True,
    )


# Calendar dates a lead dated only to a month or a year may be narrowed to.
_CALENDAR_KINDS = (
    MentionKind.FULL,
    MentionKind.DAY_MONTH,
    MentionKind.MONTH_YEAR,
    MentionKind.MONTH,
)


def _finer_in_next(
    reading: Reading,
    span: tuple[int, int],
    claim: DateClaim,
    *,
    future: bool,
    recent: bool = False,
) -> DateClaim:
    """ "In March, ..." then "On 5 March, ...": a lead dated to a month or a year, narrowed by
    a date within it that one of the next two sentences gives (flagged: it may be another
    event of that month). After "recently" or "last week" only a date of the two months
    before the article's own date narrows it."""
    if claim.precision not in (YEAR, MONTH) or not claim.known:
        return claim
    text, sents, ref = reading.text, reading.sentences, reading.published
    anchor = ref if ref.specificity >= claim.specificity else claim
    if recent and ref.precision != DAY:
        return claim
    window = (ref.interval()[0] - dt.timedelta(days=62), ref.interval()[0]) if recent else None
    after = [s for s in sents if s[0] >= span[1]][:2]
    for s, e in after:
        if bool(FUTURE.search(text, s, e)) != future:
            continue
        found = sorted(
            (
                m
                for m in reading.mentions
                if s <= m.start < e
                and m.kind in _CALENDAR_KINDS
                and SPECIFICITY[m.kind.precision] > claim.specificity
                and m.preposition not in BACKGROUND_PREPOSITIONS
                and not DEADLINE_BEFORE.search(text[max(0, m.start - 12) : m.start])
            ),
            key=lambda m: (-SPECIFICITY[m.kind.precision], m.start),
        )
        for m in found:
            finer = resolve(m, anchor, future=future)
            if finer is None or not finer.known or not finer.iso().startswith(claim.iso()):
                continue
            first, last = finer.interval()
            if window and (last < window[0] or first > window[1]):
                continue
            how = f" ({finer.derivation})" if anchor is ref else ""
            return replace(
                finer,
                derivation=f"the lead dates the event only to {claim.value.label} "
                f"('{claim.evidence.strip()}'); a following sentence gives "
                f"'{m.text.strip()}' within it{how}, taken as the event's date",
                needs_review=True,
            )
    return claim


def sentence_with_own_day(
    reading: Reading, main_span: tuple[int, int], claim: DateClaim
) -> tuple[int, int] | None:
    """A lead sentence dated by a day of its own ("on Tuesday", "today"), when the chosen
    sentence's date is only background: long before the article's date, or "last year"."""
    ref = reading.published
    evidence = next((m for m in reading.mentions if m.start == claim.evidence_start), None)
    past_word = (
        evidence is not None
        and evidence.offset < 0
        and evidence.kind
        in (MentionKind.RELATIVE_YEAR, MentionKind.RELATIVE_MONTH, MentionKind.MONTH)
    )
    long_before = (
        claim.known
        and ref.known
        and ref.precision in (DAY, MONTH)
        and claim.interval()[1] < ref.interval()[0] - dt.timedelta(days=31)
    )
    if evidence is None or not (past_word or long_before):
        return None
    for span in reading.sentences[:4]:
        if span == main_span:
            continue
        picked = _own_date(reading, span)
        if (
            picked
            and picked[0].kind in (MentionKind.RELATIVE_DAY, MentionKind.WEEKDAY)
            # "Today the border is quiet" is no report of an event.
            and REPORTED_EVENT.search(reading.text, span[0], span[1])
        ):
            return span
    return None


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
