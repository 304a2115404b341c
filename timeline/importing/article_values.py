"""What an article's row holds besides its text: what extraction read, and what its feed said.

A feed's title and language stand before what extraction read from the text; its URL and
``published`` value are evidence for the article's date, ranked by
`articles.extraction.feed_dates.feed_article_date` (below a date the text states).
"""

from __future__ import annotations

from dataclasses import fields

from articles.extraction.feed_dates import FeedDates, feed_article_date
from articles.extraction.types import ExtractedArticle, TimeExpression
from articles.files import FeedMeta
from articles.models import Article

FIELDS = (
    "title",
    "body_start",
    "body_end",
    "published_date",
    "published_precision",
    "published_evidence",
    "published_derivation",
    "published_needs_review",
    "dates",
    "language",
    "url",
    "outlet",
    "feed_published",
)


def article_values(extracted: ExtractedArticle, meta: FeedMeta) -> dict:
    """The article's fields (`FIELDS`) from its extraction and its feed record."""
    published = feed_article_date(extracted.published, FeedDates(meta.url, meta.published))
    start, _ = published.interval()
    return {
        "title": (meta.title or extracted.title)[:500],
        "body_start": extracted.body_start,
        "body_end": extracted.body_end,
        "published_date": start,
        "published_precision": published.precision if start else "unknown",
        "published_evidence": published.evidence[:300],
        "published_derivation": published.derivation[:500],
        "published_needs_review": published.needs_review,
        "dates": dates_json(extracted),
        "language": meta.language or extracted.language,
        "url": meta.url[:2000],
        "outlet": meta.outlet[:200],
        "feed_published": meta.published[:100],
    }


_DATE_FIELDS = tuple(f.name for f in fields(TimeExpression))


def dates_json(extracted: ExtractedArticle) -> list[dict]:
    """``extracted.dates_json()``, built without ``asdict``'s deep copies: a date
    expression's fields are plain values (a JSON column could not store others)."""
    return [{name: getattr(e, name) for name in _DATE_FIELDS} for e in extracted.dates]


def stored_meta(article: Article) -> FeedMeta:
    """What the feed said about a stored article, to extract it again with the same evidence."""
    return FeedMeta(url=article.url, published=article.feed_published, outlet=article.outlet)
