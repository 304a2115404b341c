"""The article's own date (its publication), at the precision the text supports.

A dateline with its year is the date. A dateline with a day and month but no year takes its
year from the clues (anniversaries, "this year", spans since known events) or, failing them,
from the weekday the text names within the terms of the offices it gives people. Without a
dateline, a single year the clues agree on dates the article to the year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from articles.extraction import dates as d
from articles.extraction.date_claims import claim_from_mention
from articles.extraction.dateline import closes_a_title, crawler_date, find_dateline, is_update
from articles.extraction.datevalue import MONTH_NAMES
from articles.extraction.mentions import EXPLICIT, Mention, MentionKind, valid_date
from articles.extraction.offices import office_window
from articles.extraction.reading import Reading
from articles.extraction.types import DAY, UNKNOWN, YEAR, DateClaim
from articles.extraction.year_clues import next_year_clues, year_clues


def article_date(reading: Reading) -> tuple[DateClaim, Mention | None]:
    """The article's own date, and the dateline it was read from (None if it has none)."""
    text, today = reading.text, reading.context.today
    dateline = find_dateline(reading)
    clues = year_clues(reading)
    if dateline is not None and dateline.kind in (
        MentionKind.FULL,
        MentionKind.MONTH_YEAR,
        MentionKind.NUMERIC_AMBIGUOUS,
    ):
        claim = claim_from_mention(dateline, derivation="dateline")
        if is_update(text, dateline) and claim.known:
            # Only an update stamp: published on or before it, in that year or any before (an
            # archive republishes old stories with this year's stamp): no date of its own.
            return replace(
                claim,
                precision=UNKNOWN,
                year=None,
                month=None,
                day=None,
                needs_review=True,
                derivation=f"only an update stamp ('{dateline.text}'): the article was "
                "published on or before it, in a year the page does not give",
            ), None
        if claim.known and claim.interval()[0] <= today:
            against = [c for c in clues if c.year != claim.year]
            if against:  # two clues disagree: keep the dateline, but say so and ask for review
                claim = replace(
                    claim,
                    needs_review=True,
                    derivation="dateline; but "
                    + "; ".join(f"{c.reason} points to {c.year}" for c in against),
                )
            later = _later_year(reading, dateline)
            if later and not claim.needs_review:
                # "Khojaly, February 26, 1992" may title a memorial written decades later.
                claim = replace(
                    claim,
                    needs_review=True,
                    derivation=f"date closing the title; but the text reports '{later.text}'",
                )
            return claim, dateline
    low, high = office_window(reading)
    clues = [c for c in clues if low.year <= c.year <= high.year]
    years = {c.year for c in clues}
    if dateline is not None and dateline.kind == MentionKind.DAY_MONTH:
        if not clues:  # the weak clue completes a dateline, when no other clue does
            clues = [c for c in next_year_clues(reading) if low.year <= c.year <= high.year]
            years = {c.year for c in clues}
        base = {
            "evidence": dateline.text,
            "evidence_start": dateline.start,
            "evidence_end": dateline.end,
        }
        crawled = _crawler_year(reading, dateline)
        if crawled is not None:
            return replace(crawled, **base), dateline
        if len(years) == 1:
            clue = clues[0]
            year = clue.year
            return DateClaim(
                DAY,
                year,
                dateline.month,
                dateline.day,
                **base,
                derivation=f"dateline day and month; year {year} from {clue.reason}",
                needs_review=True,
            ), dateline
        if not years:
            weekday = _weekday_year(reading, dateline, low=low, high=high)
            if weekday:
                return replace(weekday, **base), dateline
        reason = (
            "clues disagree: " + "; ".join(f"{c.year} from {c.reason}" for c in clues)
            if years
            else "nothing in the text fixes the year"
        )
        return DateClaim(
            UNKNOWN,
            None,
            None,
            None,
            **base,
            derivation=f"dateline '{dateline.text}' has no year; {reason}",
            needs_review=True,
        ), dateline
    if len(years) == 1:
        clue = clues[0]
        return DateClaim(
            YEAR,
            clue.year,
            evidence=text[clue.evidence_start : clue.evidence_end],
            evidence_start=clue.evidence_start,
            evidence_end=clue.evidence_end,
            derivation=f"year {clue.year} from {clue.reason} (no dateline)",
            needs_review=True,
        ), None
    if len(years) > 1:
        return DateClaim(
            UNKNOWN,
            derivation="no dateline; clues disagree: "
            + "; ".join(f"{c.year} from {c.reason}" for c in clues),
            needs_review=True,
        ), None
    return DateClaim(
        UNKNOWN, derivation="no dateline and nothing in the text fixes the year", needs_review=True
    ), None


def _later_year(reading: Reading, dateline: Mention) -> Mention | None:
    """For a date that closes a title (not a date line): a year the body states after it."""
    if not closes_a_title(reading.text, dateline):
        return None
    return next(
        (m for m in reading.mentions if m.kind in EXPLICIT and m.year > dateline.year), None
    )


def _crawler_year(reading: Reading, dateline: Mention) -> DateClaim | None:
    """A day and month with no year, and a crawler's date line a few days from it: its year."""
    crawled = crawler_date(reading.text, reading.context.today)
    if crawled is None:
        return None
    stamp = dt.date(crawled.year, crawled.month, crawled.day)
    for year in (stamp.year, stamp.year - 1, stamp.year + 1):
        if not valid_date(year, dateline.month, dateline.day):
            continue
        date = dt.date(year, dateline.month, dateline.day)
        if abs((date - stamp).days) <= 7:
            return DateClaim(
                DAY,
                year,
                dateline.month,
                dateline.day,
                derivation=f"dateline day and month; year {year} from the crawler's date "
                f"line ({stamp.isoformat()})",
                needs_review=date != stamp,
            )
    return None


def _weekday_year(
    reading: Reading, dateline: Mention, *, low: dt.date, high: dt.date
) -> DateClaim | None:
    """A day and month with no year, and a weekday the text gives: the years that fit."""
    if low.year <= 1900:
        return None  # without an office window the weekday alone fits too many years
    mentions = reading.mentions
    weekdays = [
        m
        for m in mentions
        if m.kind == MentionKind.WEEKDAY and m.offset == 0 and m.preposition in ("on", "")
    ]
    for m in weekdays:
        sentence = reading.sentence_of(m.start)
        if sentence is None:
            continue
        # Another day in the same sentence: the weekday may be that day's.
        others = [
            x
            for x in mentions
            if sentence[0] <= x.start < sentence[1] and x is not m and x.kind.precision == DAY
        ]
        if others:
            continue
        years = weekday_years(dateline.month, dateline.day, m.weekday, low=low, high=high)
        if len(years) == 1:
            year = years[0]
            return DateClaim(
                DAY,
                year,
                dateline.month,
                dateline.day,
                derivation=(
                    f"dateline day and month; year {year} is the only year from "
                    f"{low.year} to {high.year} (while the people named held the offices "
                    f"the text gives them) in which {dateline.day} "
                    f"{MONTH_NAMES[dateline.month - 1]} was a "
                    f"{weekday_name(m.weekday)} ('{m.text}')"
                ),
                needs_review=True,
            )
    return None


def weekday_years(month: int, day: int, weekday: int, *, low: dt.date, high: dt.date) -> list[int]:
    """The years from ``low`` to ``high`` in which that day of that month is that weekday."""
    years = []
    for year in range(max(low.year, 1900), min(high.year, 2100) + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if low <= date <= high and date.weekday() == weekday:
            years.append(year)
    return years


def weekday_name(index: int) -> str:
    """ "Monday" for 0, ... "Sunday" for 6."""
    return next(name for name, i in d.WEEKDAYS.items() if i == index).capitalize()
