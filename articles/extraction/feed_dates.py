"""What a feed says about an article's date, beside what its text says.

A scraper's record may carry the article's address and a ``published`` value. A date in the
URL's path (``/2019/04/05/``) and the feed's value are evidence for the article's own date,
each with its own derivation: below a date the text states (a dateline with its year), above
a date only inferred from clues. When the two disagree with each other, or with what the text
states, the date needs review. Plain Python, no Django: ``feed_article_date`` takes the date
extraction read from the text and returns the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from articles.extraction.types import DAY, MONTH, DateClaim

# /2019/04/05/, /2019/4/5, /2019/04/ (a month), /2019-04-05/ or /2019-04-05-title in a path
_PATH_DAY = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|\.)")
_PATH_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])(?=/)")
_PATH_ISO = re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=/|$|[-_.])")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


class BadFeedDate(ValueError):
    """A ``published`` value that is no date; the message says what was expected."""


@dataclass(frozen=True)
class FeedDates:
    """What a feed record says about the article's date: its URL and ``published`` value."""

    url: str = ""
    published: str = ""


def url_date(url: str) -> DateClaim | None:
    """The date written in a URL's path, at the precision it gives; None without one."""
    if not url:
        return None
    path = unquote(urlsplit(url).path)
    for pattern in (_PATH_DAY, _PATH_ISO):
        match = pattern.search(path)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if not _valid(year, month, day):
                return None  # /2019/02/30/ is no date, nor a month worth trusting
            return DateClaim(
                DAY,
                year,
                month,
                day,
                evidence=match.group(0),
                derivation=f"the date in the article's URL path ({match.group(0)}/)",
            )
    match = _PATH_MONTH.search(path)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return DateClaim(
            MONTH,
            year,
            month,
            evidence=match.group(0),
            derivation=f"the month in the article's URL path ({match.group(0)}/)",
        )
    return None


def published_date(value: str) -> DateClaim | None:
    """A feed's ``published`` value as a date: ISO 8601 (a date, a month, a date and time)
    or an RSS date ("Fri, 05 Apr 2019 10:00:00 +0000"); None when empty. Raises
    `BadFeedDate` for anything else."""
    value = (value or "").strip()
    if not value:
        return None
    day = _ISO_DATE.match(value)
    if day:
        year, month, day_ = (int(g) for g in day.groups())
        if not _valid(year, month, day_):
            raise BadFeedDate(f"published {value!r} is not a real date")
        found = dt.date(year, month, day_)
    elif month := _ISO_MONTH.match(value):
        year, month_ = int(month.group(1)), int(month.group(2))
        if not 1 <= month_ <= 12:
            raise BadFeedDate(f"published {value!r} is not a real month")
        return DateClaim(
            MONTH,
            year,
            month_,
            evidence=value,
            derivation=f"the feed's published value ({value})",
        )
    else:
        try:
            found = parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError) as exc:
            raise BadFeedDate(
                f"published {value[:40]!r} is not a date: use ISO 8601 (2019-04-05 or "
                "2019-04-05T10:00:00Z) or an RSS date"
            ) from exc
    return DateClaim(
        DAY,
        found.year,
        found.month,
        found.day,
        evidence=value,
        derivation=f"the feed's published value ({value})",
    )


def feed_article_date(text_date: DateClaim, feed: FeedDates) -> DateClaim:
    """The article's date from what its text says and what its feed record says.

    A date the text states (known, not needing review) stays; a feed date that disagrees
    with it is named and the date needs review. Otherwise the feed's evidence dates the
    article: the URL's date and the ``published`` value, the more precise first; if they
    disagree, or disagree with a year the text's clues give, the date needs review.
    """
    found = [c for c in (published_date(feed.published), url_date(feed.url)) if c is not None]
    if not found:
        return text_date
    if text_date.known and not text_date.needs_review:
        against = [c for c in found if not _agree(text_date, c)]
        if not against:
            return text_date
        return replace(
            text_date,
            needs_review=True,
            derivation=f"{text_date.derivation}; but "
            + "; ".join(f"{c.derivation} says {c.iso()}" for c in against),
        )
    best = max(found, key=lambda c: c.specificity)
    others = [c for c in found if c is not best]
    disagree = [c for c in others if not _agree(best, c)]
    if text_date.known and not _agree(best, text_date):
        disagree.append(text_date)
    derivation = best.derivation + "".join(
        f"; {c.derivation} agrees" for c in others if c not in disagree
    )
    if disagree:
        derivation += "; but " + "; ".join(f"{c.derivation} says {c.iso()}" for c in disagree)
    return replace(best, derivation=derivation, needs_review=bool(disagree))


def _agree(a: DateClaim, b: DateClaim) -> bool:
    """Whether two dates can be the same day: equal at the precision both give."""
    fields = ("year", "month", "day")[: min(a.specificity, b.specificity)]
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
