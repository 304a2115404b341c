"""The articles of a batch as rows: new ones (linked to the previous version of their file)
and stored ones with their new extraction values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils import timezone

from articles.extraction.types import ExtractedArticle
from articles.models import Article

if TYPE_CHECKING:
    from timeline.importing.store import Extracted


def store_articles(batch: Sequence[Extracted]) -> list[Article]:
    """New articles (linked to the previous version of the same file name) and the stored
    ones' extraction values."""
    now = timezone.now()
    new = [x for x in batch if x.article is None]
    previous = dict(
        Article.objects.filter(file_name__in={x.file.name for x in new})
        .order_by("file_name", "-imported_at", "-id")
        .distinct("file_name")
        .values_list("file_name", "id")
    )
    created = iter(
        Article.objects.bulk_create(
            [
                Article(
                    content_hash=x.file.content_hash,
                    file_name=x.file.name,
                    raw_text=x.file.text,
                    previous_version_id=previous.get(x.file.name),
                    extracted_at=now,
                    **article_values(x.result),
                )
                for x in new
            ]
        )
    )
    updated = []
    for x in batch:
        if x.article is not None:
            for name, value in article_values(x.result).items():
                setattr(x.article, name, value)
            x.article.extracted_at = now
            updated.append(x.article)
    Article.objects.bulk_update(updated, [*article_fields(), "extracted_at"])
    return [x.article if x.article is not None else next(created) for x in batch]


def article_values(extracted: ExtractedArticle) -> dict:
    start, _ = extracted.published.interval()
    return {
        "title": extracted.title[:500],
        "body_start": extracted.body_start,
        "body_end": extracted.body_end,
        "published_date": start,
        "published_precision": extracted.published.precision if start else "unknown",
        "published_evidence": extracted.published.evidence[:300],
        "dates": extracted.dates_json(),
        "language": extracted.language,
    }


def article_fields() -> list[str]:
    return [
        "title",
        "body_start",
        "body_end",
        "published_date",
        "published_precision",
        "published_evidence",
        "dates",
        "language",
    ]
