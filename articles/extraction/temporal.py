"""The temporal tagger: every date expression of an article, with its TIMEX3 value.

The article's own text is read (its title, its dateline and its body; never the sidebars of
other stories): the expressions ``dates`` finds, and those of the tagger's own grammar
(``timex_grammar``, ``timex_grammar_ru``), merged so that no two overlap. Each is resolved
against the article's date (never today's) in the direction its clause's tense gives: "on
Friday" in "they met on Friday" is the Friday before, in "they will meet on Friday" the one
after. What the text leaves open stays open (``XXXX-10``, "unresolved"), and a value coarser
than the expression says so. ``mentioned_events`` takes its dates from these tags.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from articles.extraction import timex
from articles.extraction.date_claims import claim_from_mention, resolve
from articles.extraction.dates import (
    EXPLICIT,
    Mention,
    MentionKind,
    find_mentions,
    month_number,
    valid_date,
)
from articles.extraction.datevalue import MONTH_NAMES, SPECIFICITY
from articles.extraction.reading import Reading
from articles.extraction.text import Tense, tense_at, tense_markers
from articles.extraction.timex import Mod, Resolution
from articles.extraction.timex_grammar import (
    EN_MONTH,
    EN_PATTERNS,
    YEAR4,
    Found,
    FoundKind,
    mod_of,
)
from articles.extraction.timex_grammar_ru import RU_AZ_PATTERNS
from articles.extraction.types import DAY, MONTH, DateClaim, TimeExpression

_PATTERNS = EN_PATTERNS + RU_AZ_PATTERNS


@dataclass(frozen=True)
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


def tag_dates(reading: Reading, anchor: DateClaim, *, from_main: bool = False) -> list[Tag]:
    """Every date expression of the article's own text, resolved against ``anchor`` (the
    article's date, or the main event's when ``from_main``)."""
    text = reading.text
    regions = _regions(reading)
    base = list(reading.mentions)
    for start, end in regions:
        base += find_mentions(text, start, end, today=reading.context.today)
    if reading.dateline and not any(m.start == reading.dateline.start for m in base):
        base.append(reading.dateline)
    found = _find(reading, regions)
    tags = _coordinate(text, _merge(text, base, found))
    return _resolve_all(reading, tags, anchor, from_main=from_main)


def time_expressions(text: str, tags: list[Tag]) -> list[TimeExpression]:
    """The tags as ``extract --json`` lists them."""
    return [
        TimeExpression(
            t.start,
            t.end,
            text[t.start : t.end],
            t.value,
            str(t.resolution),
            str(t.mod) if t.mod else None,
        )
        for t in tags
    ]


# -- Finding ------------------------------------------------------------------------------


def _regions(reading: Reading) -> list[tuple[int, int]]:
    """The title's line and the dateline's, where they stand outside the body."""
    layout, out = reading.layout, []
    if layout.title_end > layout.title_start and layout.title_end <= layout.body_start:
        out.append((layout.title_start, layout.title_end))
    dateline = reading.dateline
    if dateline is not None and reading.sentence_of(dateline.start) is None:
        start = reading.text.rfind("\n", 0, dateline.start) + 1
        end = reading.text.find("\n", dateline.end)
        end = len(reading.text) if end < 0 else end
        if not any(s < end and start < e for s, e in out):
            out.append((start, end))
    return out


def _find(reading: Reading, regions: list[tuple[int, int]]) -> list[Found]:
    """The tagger's own expressions in the body's sentences and the header regions."""
    text, sents = reading.text, reading.sentences
    windows = list(regions)
    if sents:
        windows.append((sents[0][0], sents[-1][1]))
    out = []
    for start, end in windows:
        for pattern, build in _PATTERNS:
            for match in pattern.finditer(text, start, end):
                out += [f for f in build(match) if _inside(reading, regions, f.start, f.end)]
    return out


def _inside(reading: Reading, regions: list[tuple[int, int]], start: int, end: int) -> bool:
    if any(s <= start and end <= e for s, e in regions):
        return True
    return reading.sentence_of(start) is not None and reading.sentence_of(end - 1) is not None


_PREPOSITION = re.compile(
    r"(?:(?:in|on|at|since|from|until|till|by|before|after|during|of|to|through|between|and"
    r"|в|во|с|со|до|к|ко|после|от|по|на|за|около)\s+)+",
    re.I,
)
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:very\s+)?(?:(?:early|mid|late)[\s-]+"
    r"|(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?)$",
    re.I,
)


def _base_tag(text: str, m: Mention) -> Tag:
    """A ``dates`` mention as a tag: its leading preposition left out, a modifier before it
    ("the end of October") kept in."""
    start = m.start
    lead = _PREPOSITION.match(text, start, m.end)
    if lead and lead.end() < m.end:
        start = lead.end()
    mod = mod_of(m.preposition) if m.preposition else None
    if mod is None:
        before = _MODIFIER_BEFORE.search(text, max(0, start - 24), start)
        if before:
            start, mod = before.start(), mod_of(before.group(0))
    return Tag(start, _end(text, m.end), mention=m, mod=mod)


_ABBREVIATED = frozenset(n[:3].lower() for n in MONTH_NAMES) | {"sept"}


def _end(text: str, end: int) -> int:
    """A full stop that ends the sentence is not part of "in June."; "Mar." keeps its own."""
    if end and text[end - 1] == ".":
        word = re.search(r"(\w+)\.$", text[max(0, end - 12) : end])
        if word and word.group(1).lower() not in _ABBREVIATED:
            return end - 1
    return end


def _merge(text: str, base: list[Mention], found: list[Found]) -> list[Tag]:
    """Expressions that never overlap: overriding findings first, then ``dates``'s, then the
    rest of the tagger's own, longest first."""
    taken: list[tuple[int, int]] = []
    tags: list[Tag] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def by_length(f: Found) -> tuple[int, int]:
        return (f.start - f.end, f.start)

    for f in sorted((f for f in found if f.overrides), key=by_length):
        if free(f.start, f.end):
            taken.append((f.start, f.end))
            tags.append(Tag(f.start, _end(text, f.end), mention=f.mention, found=f, mod=f.mod))
    for m in sorted(base, key=lambda m: m.start):
        if free(m.start, m.end):
            taken.append((m.start, m.end))
            tags.append(_base_tag(text, m))
    for f in sorted((f for f in found if not f.overrides), key=by_length):
        if free(f.start, f.end):
            taken.append((f.start, f.end))
            tags.append(Tag(f.start, _end(text, f.end), mention=f.mention, found=f, mod=f.mod))
    return sorted(tags, key=lambda t: t.start)


_COORDINATED = re.compile(
    rf"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:in\s+)?(?P<x>{YEAR4}|{EN_MONTH})"
    r"(?![\w-])(?!\s*(?:\d|%|people|persons|troops))"
)


def _coordinate(text: str, tags: list[Tag]) -> list[Tag]:
    """ "in 1997 and 1998", "in April and June": the second date takes the first one's
    preposition, so that it too dates a happening."""
    out: list[Tag] = []
    for tag in tags:
        prev = out[-1] if out else None
        m = tag.mention
        if (
            prev is not None
            and prev.mention is not None
            and m is not None
            and prev.mention.kind in (MentionKind.YEAR, MentionKind.MONTH)
            and prev.mention.preposition in ("in", "during")
            and m.kind == prev.mention.kind
            and m.preposition in ("and", "")
            and re.fullmatch(r"\s*,?\s*", text[prev.mention.end : m.start])
        ):
            tag = replace(tag, mention=replace(m, preposition=prev.mention.preposition))
        out.append(tag)
        if tag.mention is not None and tag.mention.kind in (MentionKind.YEAR, MentionKind.MONTH):
            out += _coordinated_after(text, tag, tags)
    return sorted(out, key=lambda t: t.start)


def _coordinated_after(text: str, tag: Tag, tags: list[Tag]) -> list[Tag]:
    """The dates coordinated after ``tag`` that no expression covers yet ("and June")."""
    m = tag.mention
    if m is None or m.preposition not in ("in", "during"):
        return []
    out, end = [], m.end
    while match := _COORDINATED.match(text, end):
        x0, x1 = match.span("x")
        if any(t.start < x1 and x0 < t.end for t in tags):
            break
        word = match.group("x")
        if m.kind == MentionKind.YEAR and word.isdigit():
            new = Mention(MentionKind.YEAR, x0, x1, word, int(word), preposition=m.preposition)
        elif m.kind == MentionKind.MONTH and word[0].isupper():
            month = month_number(word)
            new = Mention(MentionKind.MONTH, x0, x1, word, month=month, preposition=m.preposition)
        else:
            break
        out.append(Tag(x0, x1, mention=new))
        end = x1
    return out


# -- Resolving ----------------------------------------------------------------------------


def _resolve_all(
    reading: Reading, tags: list[Tag], anchor: DateClaim, *, from_main: bool
) -> list[Tag]:
    text = reading.text
    relative = Resolution.RELATIVE_MAIN if from_main else Resolution.RELATIVE
    if anchor.needs_review and not from_main:
        relative = Resolution.RELATIVE_INFERRED
    markers: dict[int, list] = {}
    out: list[Tag] = []
    for tag in tags:
        span = reading.sentence_of(tag.start) or _line(text, tag.start)
        sentence = text[span[0] : span[1]]
        if span[0] not in markers:
            markers[span[0]] = tense_markers(sentence)
        tense = tense_at(sentence, tag.start - span[0], markers[span[0]])
        tag = replace(tag, tense=tense)
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
    else:
        claim = replace(
            start, day=m.day, evidence_start=m.start, evidence_end=m.end, evidence=m.text
        )
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
    if claim is not None and claim.known and found is not None and found.ago:
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
