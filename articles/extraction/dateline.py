"""The dateline: where a page prints its own date, and what date that is.

A page prints its date in many shapes: a line of its own near the title ("4. June 2012. |
10:15", "Published: 4 March 2012", "Thu, 03/05/2015", "4 March" with "2012" on the next
line), the end of a long title ("Remarks ..., Minsk, May 6, 2012"), a range in a title
("(March 3 - 5, 1999)": its first day), the opening of the lead ("BAKU, 5 May (Agency) -",
"Baku/16.12.13/Agency :", "МОСКВА, 14 марта. /ТАСС/.") or a crawler's line at the very top
(" date 2015-09-15"). An update stamp is never the article's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from articles.extraction import dates as d
from articles.extraction.mentions import Mention, MentionKind, valid_date
from articles.extraction.months import MONTH_PATTERN, month_number
from articles.extraction.places import place_in_dateline
from articles.extraction.vocabulary import vocabulary

if TYPE_CHECKING:
    from articles.extraction.layout import Block
    from articles.extraction.reading import Reading

# Date expressions a dateline may consist of: a calendar date with at least a month.
DATELINE_KINDS = (
    MentionKind.FULL,
    MentionKind.DAY_MONTH,
    MentionKind.MONTH_YEAR,
    MentionKind.NUMERIC_AMBIGUOUS,
)
_YEARLESS = (MentionKind.DAY_MONTH,)

_CALENDAR = vocabulary("calendar")


def _alternatives(words: list[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


_UPDATE = re.compile(rf"(?<!\w)(?:{_alternatives(_CALENDAR['update_words'])})(?!\w)", re.I)
_PUBLISHED = re.compile(rf"(?<!\w)(?:{_alternatives(_CALENDAR['publication_words'])})(?!\w)", re.I)
_WEEKDAY_NUMBERS = {name.lower(): i for i, name in enumerate(_CALENDAR["weekdays"])}
for _number, _names in enumerate(_CALENDAR["weekday_abbreviations"]):
    _WEEKDAY_NUMBERS.update(dict.fromkeys(_names, _number))
_WEEKDAY = _alternatives(list(_WEEKDAY_NUMBERS))
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?P<w>{_WEEKDAY})\.?,?\s*$", re.I)
_WEEKDAY_AFTER = re.compile(rf"\s*,?\s*\(?(?P<w>{_WEEKDAY})(?!\w)", re.I)
_NUMERIC = re.compile(r"(\d{1,2})[./](\d{1,2})[./]\d{2,4}")

# A range of days: "March 3 - 5, 1999", "27–29 November 2018", "30 March - 2 April 2019".
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = re.compile(
    rf"(?<![\w.:])(?:(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}}){_ORD}\s*[-–—]\s*"
    rf"(?:(?P<m2>{MONTH_PATTERN})\s+)?(?P<d2>\d{{1,2}}){_ORD}"
    rf"|(?P<d3>\d{{1,2}}){_ORD}(?:\s+(?P<m3>{MONTH_PATTERN}))?\s*[-–—]\s*"
    rf"(?P<d4>\d{{1,2}}){_ORD}\s+(?P<m4>{MONTH_PATTERN}))"
    rf"(?:,?\s+(?P<y>{d.YEAR_PATTERN})\b)?(?![\w%])",
    re.I,
)
_DIGIT = re.compile(r"\d")
_DASH = re.compile(r"[-–—]")
# A line that is a date, not a title: at most this many other words beside the date.
_DATE_LINE_WORDS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")
# A full date closing a long line or a title: "..., Minsk, May 6, 2012", "... - March 3, 2001".
_BEFORE_CLOSING = re.compile(r"(?:[,(|]|\s[-–—|:])\s*$")
# "2019 г.", "2019 года", "2019-cu il": words that may follow a year.
_YEAR_WORD = r"(?:\s*(?:г\.|года|-?c[iıuü]\s+il))?"
_AFTER_CLOSING = re.compile(rf"{_YEAR_WORD}[\s).\]]*")

# "CITY, date (Agency) -" at the start of the lead, and where the report's own words begin.
_CITY = r"[A-ZА-ЯЁƏİŞÇĞÖÜ](?:[^\W\d_]|['’ -]){1,40}"
_DATELINE_CITY = re.compile(rf"\s*{_CITY}(?:,\s*{_CITY})?(?:,|/(?=\d)|\.(?=\s+\d))\s*")
_AGENCY = r"[A-ZА-ЯЁƏİŞÇĞÖÜ][\w.-]{1,20}"
_AFTER_CITY_DATE = re.compile(
    rf"{_YEAR_WORD}\s*(?:[.,]\s*)?"
    rf"(?:\([^)\n]{{1,40}}\)|/[^/\n]{{1,20}}/|/\s*{_AGENCY}|,\s*{_AGENCY}"
    rf"|[-–—]\s*{_AGENCY}(?=\s*[-–—.:/]))?"
    r"\s*[-–—.:/]+\s*"
)
_LEAD_KINDS = DATELINE_KINDS

# A crawler's line at the very top of a scrape: " date 2015-09-15".
_CRAWLER = re.compile(
    r"\A\s*date:?[ \t]+(?P<date>(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-\d\d)?)\b[ \t]*"
)


def crawler_line_end(text: str) -> int:
    """Where a crawler's " date YYYY-MM-DD" line at the top of the text ends (0 if none)."""
    m = _CRAWLER.match(text)
    return m.end() if m else 0


def crawler_date(text: str, today: dt.date | None = None) -> Mention | None:
    """The date a crawler's line at the top of the text gives."""
    m = _CRAWLER.match(text)
    if not m:
        return None
    found = d.find_mentions(text, m.start("date"), m.end("date"), today=today)
    if found and found[0].kind == MentionKind.FULL:
        return found[0]
    year, month = int(m["y"]), int(m["m"])
    if (
        len(m["date"]) == 7
        and 1 <= month <= 12
        and dt.date(year, month, 1) <= (today or dt.date.max)
    ):
        # " date 2021-04": the crawler knew the month only
        return Mention(
            MentionKind.MONTH_YEAR, m.start("date"), m.end("date"), m["date"], year, month
        )
    return None


def lead_dateline(
    text: str, start: int, end: int, today: dt.date | None = None
) -> tuple[Mention, int] | None:
    """A "CITY, date (Agency) -" opening of the lead: its date and where the report begins."""
    city = _DATELINE_CITY.match(text, start, min(end, start + 120))
    if not city:
        return None
    rest = city.end()
    found = d.find_mentions(text, rest, min(end, rest + 40), today=today)
    if not found or found[0].start - rest > 2 or found[0].kind not in _LEAD_KINDS:
        return None
    mention = found[0]
    tail = _AFTER_CITY_DATE.match(text, mention.end, min(end, mention.end + 40))
    return (mention, tail.end()) if tail else None


def header_mentions(text: str, start: int, end: int, today: dt.date | None = None) -> list[Mention]:
    """Date expressions of a header line: ranges by their first day, numeric dates settled by
    the weekday printed beside them."""
    ranges = []
    if _DASH.search(text, start, end):
        ranges = [r for m in _RANGE.finditer(text, start, end) if (r := _range_start(m))]
    found = [
        _settle_by_weekday(text, m, start, end)
        for m in d.find_mentions(text, start, end, today=today)
        if not any(r.start < m.end and m.start < r.end for r in ranges)
    ]
    return sorted(ranges + found, key=lambda m: m.start)


def _range_start(m: re.Match) -> Mention | None:
    g = m.groupdict()
    if g["m1"]:
        first_month, last_month = month_number(g["m1"]), month_number(g["m2"] or g["m1"])
        first_day, last_day = int(g["d1"]), int(g["d2"])
    else:
        first_month, last_month = month_number(g["m3"] or g["m4"]), month_number(g["m4"])
        first_day, last_day = int(g["d3"]), int(g["d4"])
    if first_month is None or last_month is None:
        return None
    if (first_month, first_day) >= (last_month, last_day) and first_month <= last_month:
        return None  # "5 - 3 March": not a range of days
    year = int(g["y"]) if g["y"] else None
    if year and first_month > last_month:
        year -= 1  # "30 December - 2 January 1999" began in 1998
    if not valid_date(year, first_month, first_day) or not first_day:
        return None
    kind = MentionKind.FULL if year else MentionKind.DAY_MONTH
    return Mention(kind, m.start(), m.end(), m.group(0), year, first_month, first_day)


def _settle_by_weekday(text: str, m: Mention, start: int, end: int) -> Mention:
    """ "Thu, 03/05/2015": of the two readings of a numeric date, the one that is a Thursday.
    A weekday that fits no reading leaves only the year."""
    numeric = _NUMERIC.fullmatch(m.text)
    if not numeric or m.kind not in (MentionKind.FULL, MentionKind.NUMERIC_AMBIGUOUS):
        return m
    before = _WEEKDAY_BEFORE.search(text, start, m.start)
    after = _WEEKDAY_AFTER.match(text, m.end, end)
    named = before or after
    if not named:
        return m
    weekday = _WEEKDAY_NUMBERS[named.group("w").lower()]
    a, b = int(numeric.group(1)), int(numeric.group(2))
    readings = {(m.year, b, a), (m.year, a, b)}
    fitting = [r for r in readings if valid_date(*r) and dt.date(*r).weekday() == weekday]
    span_start = before.start() if before else m.start
    span_end = after.end() if after else m.end
    if len(fitting) != 1:
        return Mention(
            MentionKind.NUMERIC_AMBIGUOUS, span_start, span_end, text[span_start:span_end], m.year
        )
    year, month, day = fitting[0]
    span = text[span_start:span_end]
    return Mention(MentionKind.FULL, span_start, span_end, span, year, month, day)


def is_update(text: str, mention: Mention) -> bool:
    """Whether the line calls this date an update ("Updated:", "Last Modified", "обновлено")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start]
    updates = [m.end() for m in _UPDATE.finditer(before)]
    published = [m.end() for m in _PUBLISHED.finditer(before)]
    return bool(updates) and max(updates) > max(published, default=-1)


def _date_line_mention(text: str, start: int, end: int, found: list[Mention]) -> Mention | None:
    """The date of a line that is mostly a date (not a title): the first one not an update."""
    dated = [m for m in found if m.kind in DATELINE_KINDS]
    if not dated or len(text[start:end].split()) > 12:
        return None
    rest, cursor = [], start
    for m in found:
        rest.append(text[cursor : m.start])
        cursor = m.end
    rest.append(text[cursor:end])
    words = [
        w
        for w in _WORD.findall(" ".join(rest))
        if w.lower() not in _WEEKDAY_NUMBERS and not _UPDATE.fullmatch(w)
    ]
    if len(words) > _DATE_LINE_WORDS:
        return None
    return next((m for m in dated if not is_update(text, m)), dated[0])


def _closing_date(text: str, start: int, end: int, found: list[Mention]) -> Mention | None:
    """A full date that closes a title or a long line, after a comma or a dash."""
    if not found or found[-1].kind != MentionKind.FULL:
        return None
    m = found[-1]
    if _AFTER_CLOSING.fullmatch(text, m.end, end) and _BEFORE_CLOSING.search(text, start, m.start):
        return m
    return None


def closes_a_title(text: str, mention: Mention) -> bool:
    """Whether a header date ends a title or a long line rather than standing as a date line."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    if "\n" in mention.text or not _AFTER_CLOSING.fullmatch(text, mention.end, line_end):
        return False
    return not looks_like_dateline(text[line_start:line_end])


@lru_cache(maxsize=4096)
def looks_like_dateline(line: str) -> bool:
    """Whether a header line is a date line ("4 March 2012 | 10:15"), not a title."""
    if not _DIGIT.search(line) or len(line.split()) > 12:
        return False
    return _date_line_mention(line, 0, len(line), header_mentions(line, 0, len(line))) is not None


def _line_date(
    text: str, line: Block, following: Block | None, *, title: bool, today: dt.date
) -> tuple[Mention, bool] | None:
    """The date a header line gives, and whether the line is a date line (not a title)."""
    found = header_mentions(text, line.start, line.end, today)
    mention = None if title else _date_line_mention(text, line.start, line.end, found)
    if mention is None:
        closing = _closing_date(text, line.start, line.end, found)
        return (closing, False) if closing else None
    if mention.kind in _YEARLESS and following and re.match(r"(?:19|20)\d\d\b", following.text):
        # "4 March" on one line, "2012" on the next.
        joined = d.find_mentions(text, mention.start, following.end, today=today)
        if joined and joined[0].start == mention.start and joined[0].year:
            mention = joined[0]
    return mention, True


def find_dateline(reading: Reading) -> Mention | None:
    """The article's own date as the page prints it: a header line, the lead's "CITY, date
    (Agency) -", or a crawler's line at the top."""
    text, layout, today = reading.text, reading.layout, reading.context.today
    lines = [line for block in layout.header for line in block.lines()]
    dated = []
    for position, line in enumerate(lines):
        following = lines[position + 1] if position + 1 < len(lines) else None
        title = bool(layout.title) and line.start == layout.title_start
        found = _line_date(text, line, following, title=title, today=today)
        if found:
            dated.append((position, *found))
    if len(dated) > 2:
        # Many dated lines above the body are a list of other stories with their timestamps
        # (a sidebar scraped first): only a date between the title and the body can be the
        # article's own.
        after = [x for x in dated if x[1].start > layout.title_start]
        dated = after if len(after) <= 2 else after[-1:]
    if dated:
        # The publication before an update; a date with its year before one without; a line
        # that is a date before a title that ends in one; a date under the title before one
        # above it (the site's clock); then the first.
        below = bool(layout.title) and any(x[1].start > layout.title_start for x in dated)
        best = min(
            dated,
            key=lambda x: (
                is_update(text, x[1]),
                x[1].kind in _YEARLESS,
                not x[2],
                below and x[1].start < layout.title_start,
                x[0],
            ),
        )
        return best[1]
    if layout.body:
        first = layout.body[0]
        lead = lead_dateline(text, first.start, first.end, today)
        if lead:
            return lead[0]
    return crawler_date(text, today)


def dateline_place(text: str, dateline: Mention) -> str | None:
    """Where the report was filed: a place named on the dateline's line (a crawler's date line
    names none: the lead may run on after it)."""
    crawler = _CRAWLER.match(text)
    if crawler and crawler.start("date") == dateline.start:
        return None
    line_start = text.rfind("\n", 0, dateline.start) + 1
    line_end = text.find("\n", dateline.end)
    return place_in_dateline(text[line_start : line_end if line_end >= 0 else None])
