"""Reading an article: what the timeline knows, and what one pass over the text finds.

``read`` finds the layout, the body's sentences, the date expressions and the names once;
every later step (the article's date, the main event, the events it mentions, new people)
takes the resulting ``Reading`` instead of a handful of positional values.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from articles.extraction import dates
from articles.extraction.actors import NameHit, Registry, load_default_actors
from articles.extraction.known_events import HistoryEvent, KnownIndex, load_history
from articles.extraction.layout import Layout, analyse, body_spans
from articles.extraction.text import sentences
from articles.extraction.types import UNKNOWN_DATE, DateClaim, KnownActor, KnownEvent

# A news article is a few thousand characters; past this, text is not read for events.
MAX_BODY_CHARS = 200_000


@dataclass(frozen=True)
class Context:
    """What the rest of the timeline knows, for dating articles that do not state their year."""

    registry: Registry
    known_events: KnownIndex
    history: tuple[HistoryEvent, ...]
    today: dt.date


@dataclass(frozen=True)
class Reading:
    """What has been read of one article so far; each step adds to it with ``replace``."""

    text: str
    layout: Layout
    sentences: list[tuple[int, int]]  # in the body, in order
    mentions: list[dates.Mention]  # date expressions in the body
    hits: list[NameHit]  # known actors named in the body
    context: Context
    dateline: dates.Mention | None = None  # the article's own date as its header gives it
    published: DateClaim = UNKNOWN_DATE  # the article's own date, once ``article_date`` ran

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        """The sentence a text position falls in, if it is in one."""
        sents = self.sentences
        i = bisect_right(sents, (pos, float("inf"))) - 1
        if i >= 0 and sents[i][0] <= pos < sents[i][1]:
            return sents[i]
        return None


def read(text: str, context: Context) -> Reading:
    """Layout, body sentences, date expressions and names of one article's raw text."""
    layout = analyse(text)
    spans = body_spans(text, layout)
    limit = layout.body_start + MAX_BODY_CHARS
    spans = [(s, min(e, limit)) for s, e in spans if s < limit]
    sents = sentences(text, spans)
    if spans:
        first, last = spans[0][0], spans[-1][1]
        starts = [s for s, _ in spans]

        def inside(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and pos < spans[i][1]

        mentions = [
            m
            for m in dates.find_mentions(text, first, last, today=context.today)
            if inside(m.start) and inside(m.end - 1)
        ]
        hits = [h for h in context.registry.find(text, first, last) if inside(h.start)]
    else:
        mentions, hits = [], []
    return Reading(text, layout, sents, mentions, hits, context)


# -- The context: registry, known events and today, built once per set of actors ---------

_registries: dict[int, Registry] = {}


def _registry(actors: Sequence[KnownActor]) -> Registry:
    key = hash(
        tuple((a.name, a.kind, a.aliases, json.dumps(a.offices, sort_keys=True)) for a in actors)
    )
    if key not in _registries:
        _registries.clear()
        _registries[key] = Registry(actors)
    return _registries[key]


@cache
def _default_registry() -> Registry:
    return Registry(load_default_actors())


def make_context(
    actors: Sequence[KnownActor] | None,
    known_events: Sequence[KnownEvent],
    today: dt.date | None,
) -> Context:
    """The context for a call: the registry of ``actors`` (default: the shipped one), the
    known events indexed by name, the built-in history, and today."""
    registry = _default_registry() if actors is None else _registry(tuple(actors))
    return Context(
        registry=registry,
        known_events=KnownIndex(known_events),
        history=load_history(),
        today=today or dt.date.today(),
    )
