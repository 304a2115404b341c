"""Extraction: raw article text in, dated events with their participants out.

Plain Python with no Django import, so it runs (and is tested) without a
database: ``manage.py extract --json`` prints exactly what these functions return.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path

from articles.extraction.actors import Registry
from articles.extraction.inference import HistoryEvent, KnownIndex, parse_iso
from articles.extraction.pipeline import (
    Context,
    extract_one,
    may_need_second_pass,
    second_pass_plan,
)
from articles.extraction.types import ExtractedArticle, KnownActor, KnownEvent

DATA = Path(__file__).resolve().parent / "data"

__all__ = [
    "ExtractedArticle",
    "KnownActor",
    "KnownEvent",
    "extract",
    "extract_batch",
    "load_default_actors",
    "load_history",
]


@cache
def load_default_actors() -> tuple[KnownActor, ...]:
    """The shipped starting registry (``data/actors.json``)."""
    path = DATA / "actors.json"
    if not path.exists():
        return ()
    actors = []
    for item in json.loads(path.read_text(encoding="utf-8"))["actors"]:
        aliases = list(item.get("aliases", []))
        patronymic = item.get("patronymic")
        if patronymic and item.get("kind", "person") == "person":
            first = item["name"].split()[0]
            aliases.append(f"{first} {patronymic}")
            aliases.append(f"{first} {patronymic} {item['name'].split()[-1]}")
        actors.append(
            KnownActor(
                name=item["name"],
                kind=item.get("kind", "person"),
                aliases=tuple(dict.fromkeys(aliases)),
                offices=tuple(item.get("offices", ())),
            )
        )
    return tuple(actors)


@cache
def load_history() -> tuple[HistoryEvent, ...]:
    """Well-known dated events (``data/history.json``) an article may name without a date."""
    path = DATA / "history.json"
    if not path.exists():
        return ()
    out = []
    for item in json.loads(path.read_text(encoding="utf-8"))["events"]:
        start = parse_iso(item["start"])
        end = parse_iso(item.get("end")) or start
        out.append(
            HistoryEvent(
                label=item["label"],
                patterns=tuple(p.lower() for p in item.get("patterns", ())),
                start=start,
                end=end,
                kind=item.get("kind", "event"),
            )
        )
    return tuple(out)


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


def _context(actors, known_events, today) -> Context:
    registry = _default_registry() if actors is None else _registry(tuple(actors))
    return Context(
        registry=registry,
        known_events=KnownIndex(known_events),
        history=list(load_history()),
        today=today or dt.date.today(),
    )


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
    return extract_one(text, _context(actors, known_events, today))


def extract_batch(
    items: Sequence[tuple[str, str]],
    *,
    actors: Sequence[KnownActor] | None = None,
    known_events: Sequence[KnownEvent] = (),
    today: dt.date | None = None,
    workers: int = 1,
) -> list[ExtractedArticle]:
    """Extract ``(file name, text)`` pairs together, so that an article without a year can be
    dated from a document another article of the batch dates.

    With ``workers`` > 1 and enough articles, extraction runs in that many processes.
    """
    out: list[ExtractedArticle | None] = [None] * len(items)
    for index, result in iter_extract_batch(
        items, actors=actors, known_events=known_events, today=today, workers=workers
    ):
        out[index] = result
    return out  # type: ignore[return-value]


def iter_extract_batch(
    items: Sequence[tuple[str, str]],
    *,
    actors: Sequence[KnownActor] | None = None,
    known_events: Sequence[KnownEvent] = (),
    today: dt.date | None = None,
    workers: int = 1,
) -> Iterator[tuple[int, ExtractedArticle]]:
    """Like `extract_batch`, but yields ``(index, result)`` as soon as each result is final,
    so that a caller can store articles while the others are still being extracted. Articles
    that another article of the batch may yet date come last."""
    parallel = workers > 1 and len(items) >= 4 * CHUNK
    first: list[ExtractedArticle | None] = [None] * len(items)
    deferred: list[int] = []
    if parallel:
        actors_arg = None if actors is None else tuple(actors)
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(actors_arg, tuple(known_events), today),
        )
        chunks = [list(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
        results = (r for part in pool.map(_extract_chunk, chunks, [()] * len(chunks)) for r in part)
    else:
        pool = None
        ctx = _context(actors, known_events, today)
        results = (extract_one(text, ctx) for _, text in items)
    try:
        for index, result in enumerate(results):
            first[index] = result
            if may_need_second_pass(result, items[index][1]):
                deferred.append(index)
            else:
                yield index, result
        plan = dict(second_pass_plan(items, first))  # type: ignore[arg-type]
        redo = [i for i in deferred if i in plan]
        if pool is not None:
            redone = pool.map(
                _extract_chunk, [[items[i]] for i in redo], [tuple(plan[i]) for i in redo]
            )
            again = dict(zip(redo, (part[0] for part in redone), strict=True))
        else:
            again = {
                i: extract_one(
                    items[i][1], replace(ctx, known_events=ctx.known_events.plus(plan[i]))
                )
                for i in redo
            }
        for index in deferred:
            yield index, again.get(index, first[index])  # type: ignore[misc]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


CHUNK = 50
_worker_context: Context | None = None


def _init_worker(actors, known_events, today) -> None:
    global _worker_context
    _worker_context = _context(actors, known_events, today)


def _extract_chunk(
    items: list[tuple[str, str]],
    extra: tuple[KnownEvent, ...],
) -> list[ExtractedArticle]:
    ctx = _worker_context
    if extra:
        ctx = replace(ctx, known_events=ctx.known_events.plus(extra))
    return [extract_one(text, ctx) for _, text in items]
