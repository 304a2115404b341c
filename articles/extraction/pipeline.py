"""One article's raw text to its dated events: the steps of extraction, in order."""

from __future__ import annotations

from dataclasses import replace

from articles.extraction.article_date import article_date
from articles.extraction.language import detect_language
from articles.extraction.main_event import main_event
from articles.extraction.mentioned_events import (
    mentioned_events,
    number_repeated_keys,
    one_event_per_document,
)
from articles.extraction.people import new_actors
from articles.extraction.reading import Context, Reading, read
from articles.extraction.temporal import tag_dates, time_expressions
from articles.extraction.types import ExtractedArticle


def extract_one(text: str, context: Context) -> ExtractedArticle:
    """Read the article, date it, find its main event, then the events it mentions."""
    return extract_with_reading(text, context)[0]


def extract_with_reading(text: str, context: Context) -> tuple[ExtractedArticle, Reading]:
    """`extract_one`, and what was read of the text (its layout, sentences, date expressions
    and names), for a caller that may look at the text again."""
    reading = first_reading = read(text, context)
    published, dateline = article_date(reading)
    reading = replace(reading, published=published, dateline=dateline)
    main = main_event(reading)
    events = [main] if main else []
    # Relative dates in the body count from the best-dated point the article has: its own
    # date, or the main event's when that is more precise ("today" in an undated report).
    anchor = published
    if main and main.date.known and main.date.specificity > published.specificity:
        anchor = main.date
    # Every date expression, resolved against the same point; mentioned events come from them.
    tags = tag_dates(reading, anchor, from_main=anchor is not published)
    events += mentioned_events(reading, tags, anchor=anchor, main=main)
    events = one_event_per_document(events)
    number_repeated_keys(events)
    layout = reading.layout
    result = ExtractedArticle(
        title=layout.title,
        body_start=layout.body_start,
        body_end=layout.body_end,
        published=published,
        events=events,
        new_actors=new_actors(reading),
        dates=time_expressions(reading.text, tags),
        language=detect_language(reading.text[layout.body_start : layout.body_end] or text),
    )
    return result, first_reading
