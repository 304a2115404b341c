"""Year clues: fixing a year the article never states, only from real evidence, and saying how.

Clues, strongest first:
- an anniversary: "the first anniversary of the declaration signed on February 22, 2022";
  "the 100th anniversary of <a well-known birth>";
- a known event said to be of this year or last year: "the Declaration ... signed earlier
  this year", when the timeline (or the same import batch, or the built-in history) dates it;
- a span since a known event: "more than a year and a half has passed since the end of the
  second Karabakh war";
- weakest, and only to complete a dateline's day and month: a period next year named with its
  year ("deliveries end early next year ... 'in the beginning of 2015'", "sum up the outgoing
  year and plan the start of 2023"): the article's year is the one before.
(For a day and month with no year, ``article_date`` also tries the weekday the text names.)
If clues disagree, or none exists, the year stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articles.extraction.caseless import CaselessPattern
from articles.extraction.date_claims import FUTURE
from articles.extraction.dates import NUMBER_WORDS, YEAR_PATTERN
from articles.extraction.known_events import (
    document_names,
    find_known,
)
from articles.extraction.mentions import EXPLICIT, MentionKind
from articles.extraction.types import DAY, MONTH, YEAR
from articles.extraction.vocabulary import vocabulary

if TYPE_CHECKING:
    from articles.extraction.reading import Reading

# "first" ... "hundredth", "centenary": anniversaries in words.
ORDINALS: dict[str, int] = vocabulary("numbers")["ordinals"]
_ANNIVERSARY = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))\s+anniversary\s+of\b"
    r"|\b(?P<cent>centenary|centennial)\s+of\b",
    re.I,
)
# The words without which neither can match: only the sentences that have them are searched.
_ANNIVERSARY_WORD = CaselessPattern(r"anniversary|centenary|centennial")
_SINCE_WORD = CaselessPattern(r"since")
_SPAN_SINCE = re.compile(
    r"\b(?P<q>more\s+than|over|almost|nearly|about|around|some)?\s*"
    r"(?P<n>a\s+year\s+and\s+a\s+half|one\s+and\s+a\s+half\s+years|half\s+a\s+year"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"(?:\s+and\s+a\s+half)?\s+(?:years?|months?))"
    r"\s+(?:have|has)\s+(?:already\s+)?(?:passed|elapsed|gone\s+by)\s+since\b",
    re.I,
)


@dataclass(frozen=True)
class YearClue:
    """A year the text implies, with the reason in words and where the text says it."""

    year: int
    reason: str
    evidence_start: int
    evidence_end: int


def _sentences_with(
    word: CaselessPattern, text: str, sentences: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences that have the word (the text is searched once, not sentence by sentence)."""
    found = word.spans(text)
    if not found:
        return []
    starts = [a for a, _ in found]
    out = []
    for s, e in sentences:
        i = bisect_left(starts, s)
        if any(b <= e for a, b in found[i:] if a < e):
            out.append((s, e))
    return out


def year_clues(reading: Reading) -> list[YearClue]:
    """Every year clue the article gives: anniversaries, "this year", spans since (the weak
    ``next_year_clues`` only when a dateline's day and month need a year)."""
    return anniversary_clues(reading) + this_year_clues(reading) + span_clues(reading)


# "next year", "the outgoing year" (the article's year is ending), in English, Russian and
# Azerbaijani; and the start of a year named by its number.
_NEXT_YEAR = re.compile(
    r"\b(?:next|outgoing)\s+year\b|\b(?:следующ|будущ|наступающ|уходящ)\w*\s+год\w*"
    r"|\b(?:gələn|növbəti)\s+il\w*",
    re.I,
)
_YEAR_START = re.compile(
    rf"\b(?:beginning|start|early\s+part|first\s+(?:half|quarter|months?))\s+of\s+"
    rf"(?P<y>{YEAR_PATTERN})\b|\bearly\s+(?P<y2>{YEAR_PATTERN})\b"
    rf"|\bначал[оаеу]\s+(?P<y3>{YEAR_PATTERN})\b|\b(?P<y4>{YEAR_PATTERN})-?c[iıuü]\s+ilin\s+əvvəl",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:будет|будут|план\w*|намер\w*|предстоящ\w*|наметить|ожида\w*|olacaq|planlaş\w*)",
    re.I,
)
_NEAR = 3  # sentences between "next year" and the year it names


def next_year_clues(reading: Reading) -> list[YearClue]:
    """'Early next year' near 'the beginning of 2015' (said of what is planned): 2014. Weak:
    it completes a dateline's day and month, never dates an article alone."""
    text, sents = reading.text, reading.sentences
    if not sents:
        return []
    first, last = sents[0][0], sents[-1][1]
    starts = [s for s, _ in sents]
    nexts = {bisect_right(starts, m.start()) - 1: m for m in _NEXT_YEAR.finditer(text, first, last)}
    if not nexts:
        return []
    clues = []
    for m in _YEAR_START.finditer(text, first, last):
        i = bisect_right(starts, m.start()) - 1
        s, e = sents[i]
        planned = FUTURE.search(text, s, e) or _PLANNED.search(text, s, e)
        near = [j for j in nexts if j == i or (planned and abs(j - i) <= _NEAR)]
        if not near:
            continue
        year = int(next(y for y in m.group("y", "y2", "y3", "y4") if y))
        said = nexts[near[0]]
        clues.append(
            YearClue(
                year - 1,
                f"'{said.group(0)}' is '{m.group(0)}'",
                min(s, said.start()),
                max(e, said.end()),
            )
        )
    return clues


def anniversary_clues(reading: Reading) -> list[YearClue]:
    """'The 30th anniversary of <a dated document or a known event>': that year plus 30."""
    text, known, history = reading.text, reading.context.known_events, reading.context.history
    clues: list[YearClue] = []
    for s, e in _sentences_with(_ANNIVERSARY_WORD, text, reading.sentences):
        sentence = text[s:e]
        for m in _ANNIVERSARY.finditer(sentence):
            if m.group("num"):
                n = int(m.group("num"))
            elif m.group("cent"):
                n = 100
            else:
                n = ORDINALS.get(m.group("word").lower())
            if not n:
                continue
            rest_start = s + m.end()
            base = next(
                (
                    mm
                    for mm in reading.mentions
                    if rest_start <= mm.start < e and mm.year and mm.kind in EXPLICIT
                ),
                None,
            )
            if base is not None:
                names = document_names(text[rest_start : base.start])
                base_year = base.year
                base_words = f"the {names[0].lower()} ({base.text})" if names else f"'{base.text}'"
            else:
                found = find_known(text[rest_start:e], known, history, people=True)
                if found is None:
                    continue
                label, start, _end, origin = found
                base_year, base_words = start.year, f"{label} ({start.value.label}, {origin})"
            year = base_year + n
            shift = _year_shift(sentence)
            clues.append(
                YearClue(
                    year + shift,
                    f"the {_ordinal_words(n)} anniversary of {base_words}"
                    + (f" is {'next' if shift < 0 else 'last'} year" if shift else ""),
                    s + m.start(),
                    e,
                )
            )
    return clues


def _year_shift(sentence: str) -> int:
    lowered = sentence.lower()
    if "next year" in lowered:
        return -1
    if re.search(r"\blast year\b", lowered):
        return 1
    return 0


def _ordinal_words(n: int) -> str:
    words = {
        v: k for k, v in ORDINALS.items() if "-" not in k and k not in ("centenary", "centennial")
    }
    return words.get(n, _ordinal(n))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def this_year_clues(reading: Reading) -> list[YearClue]:
    """A known event said to have happened this year (or last year)."""
    text, sentences, mentions = reading.text, reading.sentences, reading.mentions
    known, history = reading.context.known_events, reading.context.history
    clues = []
    for mention in mentions:
        if mention.kind != MentionKind.RELATIVE_YEAR or mention.offset not in (0, -1):
            continue
        if "ago" in mention.text.lower():
            continue
        s, e = next(((s, e) for s, e in sentences if s <= mention.start < e), (None, None))
        if s is None:
            continue
        sentence = text[s:e]
        if _ANNIVERSARY.search(sentence):
            continue
        found = find_known(sentence, known, history)
        if found is None:
            continue
        label, start, _end, origin = found
        if start.precision not in (DAY, MONTH, YEAR):
            continue
        year = start.year - mention.offset
        clues.append(
            YearClue(
                year,
                f"{label} ({start.value.label}, from {origin}) happened '{mention.text}'",
                mention.start,
                mention.end,
            )
        )
    return clues


def span_clues(reading: Reading) -> list[YearClue]:
    """'More than a year and a half has passed since <known event>'."""
    text, known, history = reading.text, reading.context.known_events, reading.context.history
    clues: list[YearClue] = []
    for s, e in _sentences_with(_SINCE_WORD, text, reading.sentences):
        sentence = text[s:e]
        for m in _SPAN_SINCE.finditer(sentence):
            found = find_known(sentence[m.end() :], known, history)
            if found is None:
                continue
            label, start, end, origin = found
            use_end = bool(re.match(r"\s+the\s+end\s+of\b", sentence[m.end() :], re.I))
            anchor = end if use_end else start
            if anchor.precision not in (DAY, MONTH):
                continue
            months = _span_months(m.group("n"))
            base = dt.date(anchor.year, anchor.month, anchor.day or 15)
            qualifier = (m.group("q") or "").lower()
            if qualifier in ("more than", "over"):
                low, high = months, months + (6 if "half" in m.group("n") else 12)
            elif qualifier in ("almost", "nearly"):
                low, high = months - 3, months
            else:
                low, high = months - 2, months + 2
            first, last = _add_months(base, low), _add_months(base, high)
            if first.year != last.year:
                continue
            point = "end" if use_end else "start"
            clues.append(
                YearClue(
                    first.year,
                    f"'{m.group(0).strip()}' the {point} of {label} "
                    f"({anchor.value.label}, from {origin})",
                    s + m.start(),
                    e,
                )
            )
    return clues


def _span_months(words: str) -> int:
    words = words.lower()
    if "year and a half" in words or "one and a half years" in words:
        return 18
    if words.startswith("half a year"):
        return 6
    n_word, unit = words.split()[0], words.split()[-1]
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word, 1)
    months = n * 12 if unit.startswith("year") else n
    if "and a half" in words:
        months += 6 if unit.startswith("year") else 0
    return months


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
