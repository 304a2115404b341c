"""Extraction: raw article text in, dated events with their participants out.

Plain Python with no Django import, so it runs (and is tested) without a
database: ``manage.py extract --json`` prints exactly what these functions return.

The steps, in the order ``pipeline.extract_one`` runs them: ``reading`` (layout, sentences,
date expressions and names), ``article_date`` (with ``dateline`` and ``year_clues``),
``main_event``, ``mentioned_events``, ``people``; ``batch`` runs them over many articles with
a second pass for articles another article of the batch dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from articles.extraction.actors import load_default_actors
from articles.extraction.batch import extract_batch, iter_extract_batch
from articles.extraction.known_events import load_history
from articles.extraction.pipeline import extract_one
from articles.extraction.reading import make_context
from articles.extraction.types import ExtractedArticle, KnownActor, KnownEvent

__all__ = [
    "ExtractedArticle",
    "KnownActor",
    "KnownEvent",
    "extract",
    "extract_batch",
    "iter_extract_batch",
    "load_default_actors",
    "load_history",
]


def extract(
    text: str,
    *,
    actors: Sequence[KnownActor] | None = None,
    known_events: Sequence[KnownEvent] = (),
    today: dt.date | None = None,
) -> ExtractedArticle:
    """Extract one article: title, body span, its own date, and its dated events.

    ``actors`` defaults to the shipped registry; ``known_events`` are dated events the
    timeline already has, used only to date articles that do not state their year;
    ``today`` bounds every date from above (an article cannot report the future as past).
    Never raises on any text.
    """
    return extract_one(text, make_context(actors, known_events, today))
