"""The one keeper of an event's searchable passages.

An event's ``passages`` hold the supporting passage of each of its sources, for full-text
search: each passage once, in the order the sources came, up to a cap (an event cited by a
thousand articles needs no thousand copies to be found). New events, events another article
backs, re-extracted articles and merges all build the text here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import F
from django.db.models.functions import Substr

from timeline.models import Event, Source

PASSAGES_LIMIT = 20_000  # characters of searchable passages kept per event


def passages_text(passages: Iterable[str], *, start: str = "") -> str:
    """``start`` followed by each passage not already in the text, while under the cap."""
    text = start
    for passage in passages:
        if passage and passage not in text and len(text) + len(passage) < PASSAGES_LIMIT:
            text = f"{text}\n{passage}" if text else passage
    return text


def refresh_passages(event_ids: Iterable[int]) -> None:
    """Rebuild these events' passages from their sources: one query, one bulk update."""
    ids = set(event_ids)
    if not ids:
        return
    length = F("passage_end") - F("passage_start")
    rows = (
        Source.objects.filter(event_id__in=ids)
        .order_by("event_id", "id")
        .annotate(text=Substr("article__raw_text", F("passage_start") + 1, length))
        .values_list("event_id", "text")
    )
    found: dict[int, list[str]] = defaultdict(list)
    for event_id, text in rows:
        found[event_id].append(text)
    events = Event.objects.filter(pk__in=ids).only("pk", "passages")
    changed = []
    for event in events:
        text = passages_text(found.get(event.pk, ()))
        if text != event.passages:
            event.passages = text
            changed.append(event)
    Event.objects.bulk_update(changed, ["passages"])


def add_passages(additions: dict[int, tuple[Event, list[str]]]) -> None:
    """Events another article now backs: their new sources are their latest, so their text
    gains these passages exactly as a rebuild would give it, without reading the passages of
    every article that backs them (thousands for a much-cited event)."""
    changed = []
    for event, passages in additions.values():
        text = passages_text(passages, start=event.passages)
        if text != event.passages:
            event.passages = text
            changed.append(event)
    Event.objects.bulk_update(changed, ["passages"])


__all__ = ["PASSAGES_LIMIT", "add_passages", "passages_text", "refresh_passages"]
