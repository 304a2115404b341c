"""The dateline: the header line (or "CITY, date (Agency) -" lead) that gives a report's date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from articles.extraction import dates as d
from articles.extraction.dates import MentionKind
from articles.extraction.places import place_in_dateline

if TYPE_CHECKING:
    from articles.extraction.reading import Reading

# Date expressions a dateline may consist of: a calendar date with at least a month.
DATELINE_KINDS = (
    MentionKind.FULL,
    MentionKind.DAY_MONTH,
    MentionKind.MONTH_YEAR,
    MentionKind.NUMERIC_AMBIGUOUS,
)

_DATELINE_CITY = re.compile(r"^\s*[A-Z][A-Za-z' -]{1,40}(?:,|\.(?=\s+\d))\s*")
_AFTER_CITY_DATE = re.compile(
    r"\s*(?:\([^)]{1,40}\)|/[^/]{1,20}/|,\s*[A-Z][\w.-]{1,20}|[.,])?\s*[-–—.:/]"
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|last\s+changed)\b", re.I)


def looks_like_dateline(line: str) -> bool:
    """Whether a header line is a short line with a calendar date: not a title."""
    words = line.split()
    if len(words) > 12:
        return False
    found = d.find_mentions(line)
    return any(m.kind in DATELINE_KINDS for m in found)


def find_dateline(reading: Reading) -> d.Mention | None:
    """The article's own date: a short header line with a date, or 'CITY, date (Agency) -'."""
    text, layout, today = reading.text, reading.layout, reading.context.today
    lines = [line for block in layout.header for line in block.lines()]
    dated = []
    for position, line in enumerate(lines):
        if len(line.text.split()) > 12:
            continue
        for m in d.find_mentions(text, line.start, line.end, today=today):
            if m.kind in DATELINE_KINDS:
                dated.append((position, m))
                break
    if len(dated) <= 2:
        if dated:
            # "Published 26 November ... Updated 27 November": the publication is the date.
            preferred = [m for pos, m in dated if not _UPDATED.search(lines[pos].text)]
            return (preferred or [dated[0][1]])[0]
    else:
        # Many dated lines above the body are a list of other stories with their timestamps
        # (a sidebar scraped first): only a date between the title and the body can be the
        # article's own.
        mention = dated[-1][1]
        if mention.start > layout.title_start:
            return mention
    if layout.body:
        first = layout.body[0]
        lead = text[first.start : min(first.end, first.start + 120)]
        city = _DATELINE_CITY.match(lead)
        if city:
            rest = first.start + city.end()
            for m in d.find_mentions(text, rest, min(first.end, rest + 40), today=today):
                if m.start - rest <= 2 and m.kind in (
                    MentionKind.FULL,
                    MentionKind.DAY_MONTH,
                    MentionKind.MONTH_YEAR,
                ):
                    tail = text[m.end : m.end + 40]
                    if _AFTER_CITY_DATE.match(tail):
                        return m
    return None


def dateline_place(text: str, dateline: d.Mention) -> str | None:
    """Where the report was filed: a place named on the dateline's line."""
    line_start = text.rfind("\n", 0, dateline.start) + 1
    line_end = text.find("\n", dateline.end)
    return place_in_dateline(text[line_start : line_end if line_end >= 0 else None])
