"""Resolving the tagger's date expressions to TIMEX3 values, against the article's date.

A ``Tag`` is one expression ``temporal`` found. Its value comes in the direction its clause's
tense gives (``text.tense_at``): "on Friday" in "they met on Friday" is the Friday before the
article's date, in "they will meet on Friday" the one after; a day and month close ahead of
the article's day in a sentence without a tense keeps the article's year. "The previous day"
counts from the last day told before it. What the text leaves open stays open (``XXXX-10``,
"unresolved"); a value coarser than the expression says so ("coarser than written").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from articles.extraction import timex
from articles.extraction.date_claims import claim_from_mention, resolve
from articles.extraction.datevalue import MONTH_NAMES, SPECIFICITY
from articles.extraction.mentions import EXPLICIT, Mention, MentionKind, valid_date
from articles.extraction.reading import Reading
from articles.extraction.text import Tense, tense_at, tense_markers
from articles.extraction.timex import Mod, Resolution
from articles.extraction.timex_grammar import Found, FoundKind
from articles.extraction.types import DAY, MONTH, DateClaim


@dataclass(slots=True)
class Tag:
    """One date expression at text[start:end], found and then resolved."""

    start: int
    end: int
    mention: Mention | None = None  # what the claim machinery resolves
    found: Found | None = None  # a finding of the tagger's own grammar
    mod: Mod | None = None
    claim: DateClaim | None = None  # the date it names, where a day, month or year
    value: str | None = None
    resolution: str = Resolution.UNRESOLVED
    tense: Tense | None = None

    @property
    def kind(self) -> FoundKind:
        return self.found.kind if self.found else FoundKind.MENTION


def resolve_tags(
    reading: Reading, tags: list[Tag], anchor: DateClaim, *, from_main: bool
) -> list[Tag]:
    """The tags in text order, each with its claim, value and resolution; relative ones
    against ``anchor`` (the main event's date when ``from_main``)."""
    text = reading.text
    relative = Resolution.RELATIVE_MAIN if from_main else Resolution.RELATIVE
    if anchor.needs_review and not from_main:
        relative = Resolution.RELATIVE_INFERRED
    markers: dict[int, tuple] = {}
    out: list[Tag] = []
    for tag in tags:
        span = reading.sentence_of(tag.start) or _line(text, tag.start)
        sentence = text[span[0] : span[1]]
        if span[0] not in markers:
            markers[span[0]] = tense_markers(sentence)
        tag.tense = tense_at(sentence, tag.start - span[0], markers[span[0]])
        if tag.found is not None and tag.found.range_end and out and out[-1].claim is not None:
            tag = _range_end(tag, out[-1])
        elif tag.kind == FoundKind.MENTION and tag.mention is not None:
            tag = _resolve_mention(tag, anchor, relative)
        elif tag.kind == FoundKind.COUNTED_DAY:
            tag = _resolve_counted(text, tag, out, span, anchor, relative)
        else:
            tag = _resolve_period(tag, anchor, relative)
        out.append(tag)
    return out


def _range_end(tag: Tag, first: Tag) -> Tag:
    """The end of "11-12 March" or "2011-2012", in the year its start was given."""
    m, start = tag.mention, first.claim
    if m.kind == MentionKind.YEAR or m.kind in EXPLICIT:
        claim = claim_from_mention(m, derivation="explicit date in text")
    elif start.precision == DAY and valid_date(start.year, start.month, m.day):
        claim = replace(
            start, day=m.day, evidence_start=m.start, evidence_end=m.end, evidence=m.text
        )
    else:
        return replace(tag, value=None, resolution=Resolution.UNRESOLVED)
    return replace(tag, claim=claim, value=claim.iso(), resolution=first.resolution)


def _line(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _resolve_mention(tag: Tag, anchor: DateClaim, relative: Resolution) -> Tag:
    m, found = tag.mention, tag.found
    if m.kind in EXPLICIT:
        claim = claim_from_mention(m, derivation="explicit date in text")
        return replace(tag, claim=claim, value=claim.iso(), resolution=Resolution.EXPLICIT)
    if m.kind == MentionKind.NUMERIC_AMBIGUOUS:
        claim = resolve(m, anchor)
        return replace(tag, claim=claim, value=claim.iso(), resolution=Resolution.AMBIGUOUS)
    if found is not None and found.same_year:
        claim = None
        if anchor.known:
            claim = DateClaim(
                MONTH,
                anchor.year,
                m.month,
                evidence=m.text,
                evidence_start=m.start,
                evidence_end=m.end,
                derivation=f"'{m.text}': {MONTH_NAMES[m.month - 1]} of the year of the "
                f"article's date ({anchor.value.label})",
                needs_review=anchor.needs_review,
            )
    else:
        claim = _resolve_relative(m, anchor, tag.tense)
    ago = (
        found.ago if found is not None else m.preposition.endswith("ago") or "ago" in m.text.lower()
    )
    if claim is not None and claim.known and ago:
        claim = replace(
            claim, needs_review=True, derivation=claim.derivation + "; a rounded span back"
        )
    if claim is None or not claim.known:
        if m.kind == MentionKind.WEEKDAY:
            value = timex.weekday_underspecified(m.weekday)
        else:
            value = timex.underspecified(month=m.month, day=m.day)
        return replace(tag, claim=None, value=value, resolution=Resolution.UNRESOLVED)
    coarse = claim.specificity < SPECIFICITY[m.kind.precision]
    resolution = Resolution.COARSE if coarse else relative
    return replace(tag, claim=claim, value=claim.iso(), resolution=resolution)


def _resolve_relative(m: Mention, anchor: DateClaim, tense: Tense | None) -> DateClaim | None:
    """``date_claims.resolve`` in the direction of the tense; a day and month close to the
    article's day keeps its year when the tense does not say otherwise ("takes place on
    August 11" two days ahead; "will meet on 11 March" in a report dated 12 March)."""
    claim = resolve(m, anchor, future=tense == Tense.FUTURE)
    ref = timex.day_of(anchor)
    if claim is None or not claim.known or ref is None or m.kind != MentionKind.DAY_MONTH:
        return claim
    if claim.year == ref.year or not valid_date(ref.year, m.month, m.day):
        return claim
    gap = (dt.date(ref.year, m.month, m.day) - ref).days
    if (tense == Tense.FUTURE and -7 <= gap < 0) or (tense is None and 0 < gap <= 31):
        return replace(
            claim,
            year=ref.year,
            needs_review=True,
            derivation=f"day and month in text, {abs(gap)} days from the article's date "
            f"({anchor.value.label}): its year",
        )
    return claim


def _resolve_counted(
    text: str,
    tag: Tag,
    before: list[Tag],
    span: tuple[int, int],
    anchor: DateClaim,
    relative: Resolution,
) -> Tag:
    """ "The previous day": counted from the last day told before it (in its sentence first),
    else from the article's date."""
    days = [t for t in before if t.claim is not None and t.claim.precision == DAY]
    in_sentence = [t for t in days if t.start >= span[0]]
    base = (in_sentence or days or [None])[-1]
    if base is not None:
        day, resolution = timex.day_of(base.claim), Resolution.ANCHORED
        words = f"{base.claim.value.label} ('{text[base.start : base.end]}')"
        review = base.claim.needs_review or not in_sentence
    else:
        day, resolution = timex.day_of(anchor), relative
        words = f"the article's date ({anchor.value.label})" if day else ""
        review = anchor.needs_review
    if day is None:
        return replace(tag, resolution=Resolution.UNRESOLVED)
    day = day + dt.timedelta(days=tag.found.number)
    claim = DateClaim(
        DAY,
        day.year,
        day.month,
        day.day,
        evidence=text[tag.start : tag.end],
        evidence_start=tag.start,
        evidence_end=tag.end,
        derivation=f"'{text[tag.start : tag.end]}' counted from {words}",
        needs_review=review,
    )
    return replace(tag, claim=claim, value=claim.iso(), resolution=resolution)


def _resolve_period(tag: Tag, anchor: DateClaim, relative: Resolution) -> Tag:
    """Weeks, seasons, decades, centuries and "now"."""
    found = tag.found
    kind, future = found.kind, tag.tense == Tense.FUTURE
    value, resolution = None, Resolution.UNRESOLVED
    day = timex.day_of(anchor)
    if kind == FoundKind.DECADE:
        value, resolution = timex.decade_value(found.number), Resolution.EXPLICIT
    elif kind == FoundKind.CENTURY:
        value, resolution = timex.century_value(found.number), Resolution.EXPLICIT
    elif kind == FoundKind.PRESENT:
        value, resolution = timex.PRESENT_REF, Resolution.PRESENT
    elif kind == FoundKind.WEEK:
        value = timex.week_value(day, found.number) if day else "XXXX-WXX"
        resolution = relative if day else resolution
    elif kind == FoundKind.WEEKEND:
        value = timex.weekend_value(day, found.number) if day else "XXXX-WXX-WE"
        resolution = relative if day else resolution
    elif kind == FoundKind.SEASON:
        if found.number is not None:
            value, resolution = f"{found.number:04d}-{found.code}", Resolution.EXPLICIT
        elif found.relation.startswith("year") and anchor.known:
            year = anchor.year + int(found.relation[4:])
            value, resolution = f"{year:04d}-{found.code}", relative
        else:
            value = timex.season_value(found.code, found.relation, anchor, future=future)
            resolution = relative if value else resolution
            value = value or f"XXXX-{found.code}"
    claim = tag.claim
    if found.mention is not None and found.mention.kind == MentionKind.YEAR:
        claim = claim_from_mention(found.mention, derivation="explicit year in text")
    return replace(tag, value=value, resolution=resolution, claim=claim)
