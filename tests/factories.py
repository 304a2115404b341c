"""Small factories for tests: real rows in the real database, nothing mocked."""

import datetime as dt
import hashlib
import itertools

from django.utils.text import slugify

from articles.models import Article
from timeline.models import Actor, Event, Participation, Role, Source, interval_for

_counter = itertools.count(1)


def make_article(
    *, text: str | None = None, title: str = "An article", file_name: str = "", **fields
) -> Article:
    n = next(_counter)
    text = text or f"{title}\n\nSomething happened in Baku, and it was reported at length {n}."
    return Article.objects.create(
        file_name=file_name or f"article-{n}.txt",
        raw_text=text,
        title=title,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        body_start=0,
        body_end=len(text),
        **fields,
    )


def make_actor(name: str = "", *, kind: str = "person", aliases=(), **fields) -> Actor:
    name = name or f"Person {next(_counter)}"
    return Actor.objects.create(
        name=name, slug=slugify(name), kind=kind, aliases=list(aliases), **fields
    )


def make_event(
    *,
    summary: str = "",
    date: dt.date | None = dt.date(2021, 5, 11),
    precision: str = "day",
    participants=(),
    mentioned=(),
    article: Article | None = None,
    passage: tuple[int, int] | None = None,
    **fields,
) -> Event:
    start, end = interval_for(precision, date)
    event = Event(
        summary=summary or f"Event {next(_counter)}",
        date_precision=precision,
        date_start=start,
        date_end=end,
        **fields,
    )
    event.save()
    for actor in participants:
        Participation.objects.create(event=event, actor=actor, role=Role.PARTICIPANT)
    for actor in mentioned:
        Participation.objects.create(event=event, actor=actor, role=Role.MENTIONED)
    article = article or make_article()
    start_at, end_at = passage or (0, min(len(article.raw_text), 40))
    Source.objects.create(
        event=event,
        article=article,
        extraction_key=f"k{next(_counter)}",
        is_main=not Source.objects.filter(article=article, is_main=True).exists(),
        passage_start=start_at,
        passage_end=end_at,
        # The source says what the event says, as an import leaves a one-source event.
        date_precision=precision if start else "unknown",
        date_start=start,
        date_end=end,
        kind=event.kind,
        place=event.place,
        label=event.label,
        planned=event.planned,
    )
    Event.objects.filter(pk=event.pk).update(source_count=1)
    event.source_count = 1
    return event
