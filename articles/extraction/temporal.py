"""The temporal tagger: every date expression of an article, with its TIMEX3 value.

The article's own text is read (its title, its dateline and its body; never the sidebars of
other stories): the expressions ``dates`` finds, and those of the tagger's own grammar
(``timex_grammar``, ``timex_periods``, ``timex_grammar_ru``), merged so that no two overlap,
each shown without its preposition ("in 2015" is "2015") but with its modifier ("the end of
October"). ``timex_resolution`` resolves them against the article's date (never today's).
``mentioned_events`` takes its dates from these tags.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.dates import find_mentions
from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.mentions import Mention, MentionKind
from articles.extraction.months import month_number
from articles.extraction.reading import Reading
from articles.extraction.timex_grammar import (
    EN_MONTH,
    EN_PATTERNS,
    YEAR4,
    Found,
    mod_of,
)
from articles.extraction.timex_grammar_ru import RU_AZ_PATTERNS
from articles.extraction.timex_periods import PERIOD_PATTERNS
from articles.extraction.timex_resolution import Tag, resolve_tags
from articles.extraction.types import DateClaim, TimeExpression

_PATTERNS = EN_PATTERNS + PERIOD_PATTERNS + RU_AZ_PATTERNS


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
    return resolve_tags(reading, tags, anchor, from_main=from_main)


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
    ranges = list(regions)
    if sents:
        ranges.append((sents[0][0], sents[-1][1]))
    out = []
    for start, end in ranges:
        low = text[start:end].lower()
        if len(low) != end - start:  # a letter whose lower case is longer: read it all
            low = None
        foreign = bool(_NOT_ENGLISH.search(text, start, end))
        for trigger, rules, in_foreign_words in _TRIGGERS:
            if in_foreign_words and not foreign:
                continue  # no Cyrillic (or "ə") in the text: no Russian (Azerbaijani) rule runs
            windows = _windows(text, start, end, low, trigger)
            for pattern, build in rules if windows else ():
                for a, b in windows:
                    for match in pattern.finditer(text, a, b):
                        found = build(match)
                        out += [f for f in found if _inside(reading, regions, f.start, f.end)]
    return out


_NOT_ENGLISH = re.compile("[а-яёА-ЯЁəƏ]")


# The rules by what triggers them: each trigger is looked for once.
_BY_TRIGGER: dict = {}
for _pattern, _build, _trigger in _PATTERNS:
    _BY_TRIGGER.setdefault(_trigger, []).append((_pattern, _build))
# Triggers in Russian or Azerbaijani words: only texts in those languages need their rules.
# (Listed, not looked up: hashing a compiled pattern hashes all its code.)
_TRIGGERS = [
    (t, rules, isinstance(t, tuple) and any(not word.isascii() for word in t))
    for t, rules in _BY_TRIGGER.items()
]


_MARGIN = 80  # characters a rule's match may reach from its trigger


def _windows(text: str, start: int, end: int, low: str | None, trigger) -> list[tuple[int, int]]:
    """Where in text[start:end] a rule may match: around its trigger words (or pattern)."""
    if low is None:
        return [(start, end)]
    if isinstance(trigger, tuple):
        hits = []
        for word in trigger:
            at = low.find(word)
            while at >= 0:
                hits.append((at, at + len(word)))
                at = low.find(word, at + 1)
    else:
        hits = [m.span() for m in trigger.finditer(text, start, end)]
        hits = [(a - start, b - start) for a, b in hits]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(hits):
        a, b = max(start, start + a - _MARGIN), min(end, start + b + _MARGIN)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


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
