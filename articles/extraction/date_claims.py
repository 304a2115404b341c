"""Resolving a date expression to a date claim, against the article's own date.

A mention with its own year stands on its own; "in October", "last year", "on Friday" are
counted from the article's date, in the direction the sentence's tense gives, and say so in
their derivation. No year is ever taken from today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.mentions import EXPLICIT, Mention, MentionKind, valid_date
from articles.extraction.types import DAY, MONTH, UNKNOWN, YEAR, DateClaim

# A sentence that announces rather than reports: its relative dates count forward.
FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|going\s+to|plans?\s+to|planned"
    r"|(?:is|are)\s+expected|scheduled|upcoming|would\s+(?:be\s+)?hold"
    r"|(?:is|are)\s+(?:due|set)\s+to|takes?\s+place|(?:is|are)\s+(?:being\s+)?held)\b",
    re.I,
)
# Kinds with a year of their own: a numeric date read two ways still fixes its year.
_WITH_YEAR = (*EXPLICIT, MentionKind.NUMERIC_AMBIGUOUS)
# "by", "until", "before" right before a date: a deadline, not when something happened.
DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to)\s*$", re.I)


def claim_from_mention(
    mention: Mention,
    *,
    derivation: str,
    evidence_text: str | None = None,
    needs_review: bool = False,
) -> DateClaim:
    """An explicit mention with its own year, as a claim at its own precision."""
    kind = mention.kind
    precision = kind.precision if kind in _WITH_YEAR else UNKNOWN
    return DateClaim(
        precision,
        mention.year,
        mention.month if precision in (DAY, MONTH) else None,
        mention.day if precision == DAY else None,
        evidence=evidence_text or mention.text,
        evidence_start=mention.start,
        evidence_end=mention.end,
        derivation=derivation,
        needs_review=needs_review or mention.kind == MentionKind.NUMERIC_AMBIGUOUS,
    )


def resolve(mention: Mention, ref: DateClaim, *, future: bool = False) -> DateClaim | None:
    """Resolve a mention against the article's reference date.

    Returns None when the text does not fix the date (e.g. "in October" with no
    known year): no year is ever taken from today's date.
    """
    base = {"evidence": mention.text, "evidence_start": mention.start, "evidence_end": mention.end}
    if mention.kind in EXPLICIT:
        return claim_from_mention(mention, derivation="explicit date in text" + _range(mention))
    if mention.kind == MentionKind.NUMERIC_AMBIGUOUS:
        return claim_from_mention(
            mention,
            derivation=f"numeric date '{mention.text}' can be read day-first or "
            "month-first; only its year is certain",
            needs_review=True,
        )
    if not ref.known:
        return None
    ref_review = ref.needs_review
    ref_words = _ref_words(ref)
    if mention.kind == MentionKind.DAY_MONTH:
        year = ref.year
        if ref.precision in (DAY, MONTH):
            candidate = (mention.month, mention.day)
            ref_md = (ref.month, ref.day or (31 if ref.precision == MONTH else 0))
            if not future and candidate > ref_md:
                year -= 1
            elif future and candidate < (ref.month, ref.day or 1):
                year += 1
        if not valid_date(year, mention.month, mention.day):
            return None
        source = f"year from {ref_words}"
        if year != ref.year:
            day_words = f"{mention.day} {MONTH_NAMES[mention.month - 1]}"
            source = (
                f"the next {day_words} after {ref_words}"
                if future
                else f"the last {day_words} before {ref_words}"
            )
        return DateClaim(
            DAY,
            year,
            mention.month,
            mention.day,
            **base,
            derivation=f"day and month in text{_range(mention)}; {source}",
            needs_review=ref_review or ref.precision == YEAR,
        )
    if mention.kind == MentionKind.MONTH:
        if ref.precision not in (DAY, MONTH):
            return None  # "in October" of an article dated only to a year: this year or last?
        year = ref.year
        if ref.precision in (DAY, MONTH):
            if mention.offset == -1 or (not future and mention.month > ref.month):
                year -= 1 if mention.month >= ref.month or mention.offset == -1 else 0
            if mention.offset == 1 or (future and mention.month < ref.month):
                year += 1
        tense = "the most recent" if not future else "the next"
        return DateClaim(
            MONTH,
            year,
            mention.month,
            None,
            **base,
            derivation=f"month in text ({tense} {MONTH_NAMES[mention.month - 1]}"
            f" relative to {ref_words})",
            needs_review=ref_review or ref.precision == YEAR,
        )
    if mention.kind == MentionKind.RELATIVE_YEAR:
        return DateClaim(
            YEAR,
            ref.year + mention.offset,
            **base,
            derivation=f"'{mention.text}' relative to {ref_words}",
            needs_review=ref_review,
        )
    if mention.kind == MentionKind.RELATIVE_MONTH:
        if ref.precision not in (DAY, MONTH):
            return DateClaim(
                YEAR,
                ref.year,
                **base,
                derivation=f"'{mention.text}' within {ref_words}; month unknown",
                needs_review=True,
            )
        month_index = ref.year * 12 + ref.month - 1 + mention.offset
        return DateClaim(
            MONTH,
            month_index // 12,
            month_index % 12 + 1,
            **base,
            derivation=f"'{mention.text}' relative to {ref_words}",
            needs_review=ref_review,
        )
    if mention.kind in (MentionKind.RELATIVE_DAY, MentionKind.WEEKDAY):
        if ref.precision != DAY:
            return replace(
                ref,
                **base,
                derivation=f"'{mention.text}' in an article dated only "
                f"to the {ref.precision} ({ref_words})",
                needs_review=True,
            )
        ref_day = dt.date(ref.year, ref.month, ref.day)
        if mention.kind == MentionKind.RELATIVE_DAY:
            day = ref_day + dt.timedelta(days=mention.offset)
        else:
            delta = (mention.weekday - ref_day.weekday()) % 7
            if future or mention.offset == 1:
                day = ref_day + dt.timedelta(days=delta or (7 if mention.offset == 1 else 0))
            else:
                day = ref_day - dt.timedelta(
                    days=(7 - delta) % 7 or (7 if mention.offset == -1 else 0)
                )
        return DateClaim(
            DAY,
            day.year,
            day.month,
            day.day,
            **base,
            derivation=f"'{mention.text}' relative to {ref_words}",
            needs_review=ref_review,
        )
    return None


def _range(mention: Mention) -> str:
    """ " (the first of the days '3-4 May')" for a range of days, else nothing."""
    if mention.last_day is None:
        return ""
    return f" (the first of the days '{mention.text.strip(' .,')}')"


def _ref_words(ref: DateClaim) -> str:
    """The article's date as a derivation names it: "the article's date (26 November 2021)"."""
    label = ref.value.label
    if ref.needs_review and ref.derivation:
        how = ref.derivation
        how = f"read from the {how}" if how.startswith("dateline") else how
        return f"the article's date ({label}, itself uncertain: {how})"
    return f"the article's date ({label})"
