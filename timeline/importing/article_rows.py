"""The articles of a batch as rows: new ones (linked to the previous version of their file,
inserted with COPY) and stored ones with their new extraction and feed values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils import timezone

from articles.models import Article
from timeline.importing.article_values import FIELDS, article_values
from timeline.importing.copying import copy_create

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
        copy_create(
            Article,
            [
                Article(
                    content_hash=x.file.content_hash,
                    file_name=x.file.name,
                    raw_text=x.file.text,
                    previous_version_id=previous.get(x.file.name),
                    extracted_at=now,
                    **article_values(x.result, x.file.meta),
                )
                for x in new
            ],
        )
    )
    updated = []
    for x in batch:
        if x.article is not None:
            for name, value in article_values(x.result, x.file.meta).items():
                setattr(x.article, name, value)
            x.article.extracted_at = now
            updated.append(x.article)
    Article.objects.bulk_update(updated, [*FIELDS, "extracted_at"])
    return [x.article if x.article is not None else next(created) for x in batch]
