"""The batch: articles extracted together, and a second pass for those another article dates.

An article whose main event has no stated date but names a document with "this year" or
"anniversary" may be dated by a document another article of the batch dates; such articles
are extracted again with those documents known. With several workers, extraction runs in
processes, a chunk of articles at a time.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from articles.extraction.known_events import (
    DOCUMENT_NAME,
    document_names,
    label_key,
    label_words,
    labels_match,
)
from articles.extraction.pipeline import extract_one, extract_with_reading
from articles.extraction.reading import Context, Reading, make_context, read
from articles.extraction.types import DAY, MONTH, ExtractedArticle, KnownActor, KnownEvent
from articles.extraction.year_clues import year_clues

# Words by which an undated article can be dated from a document another article dates.
_CLUE_WORDS = re.compile(
    r"\b(?:this|last|previous|current)\s+year\b|\banniversary\b"
    r"|\b(?:passed|elapsed|gone\s+by)\s+since\b",
    re.I,
)
# Articles per task when extraction runs in processes.
CHUNK = 50


def may_need_second_pass(result: ExtractedArticle, text: str) -> bool:
    """Whether another article of the batch could date this one: its main event has no
    stated date, and it names a document with words like "this year" or "anniversary"."""
    main = next((e for e in result.events if e.main), None)
    if main is None or (main.date.known and not main.date.needs_review):
        return False
    body = text[result.body_start : result.body_end]
    # The clues that use other articles tie a document and such words in one sentence.
    return any(
        DOCUMENT_NAME.search(body, max(0, m.start() - 200), m.end() + 200)
        for m in _CLUE_WORDS.finditer(body)
    )


# Where a date another article of the same import gives comes from, as a derivation says it
# (a reader needs no file name to follow it).
_SIBLING = "another article imported with this one"


def second_pass_plan(
    items: Sequence[tuple[str, str]],
    first: list[ExtractedArticle],
) -> list[tuple[int, list[KnownEvent]]]:
    """Which articles to extract again, and with which documents the rest of the batch dates.

    Only articles whose main date is not stated and that name a document are redone.
    """
    batch_known: list[tuple[int, KnownEvent]] = []
    for index, result in enumerate(first):
        for event in result.events:
            if (
                event.label
                and event.date.known
                and event.date.precision in (DAY, MONTH)
                and not event.date.needs_review
            ):
                batch_known.append((index, KnownEvent(event.label, event.date, source=_SIBLING)))
    if not batch_known:
        return []
    # One date per document name; a name the batch dates differently is left out.
    by_label: dict[frozenset, list[tuple[int, KnownEvent]]] = {}
    for index, known in batch_known:
        by_label.setdefault(label_key(known.label), []).append((index, known))
    by_word: dict[tuple[str, str], set[frozenset]] = {}
    for key, entries in by_label.items():
        words = label_words(entries[0][1].label)
        for word in set(words[1:]) or {""}:
            by_word.setdefault((words[0], word), set()).add(key)
    plan = []
    for index, (result, (_, text)) in enumerate(zip(first, items, strict=True)):
        if not may_need_second_pass(result, text):
            continue
        names = document_names(text[result.body_start : result.body_end])
        keys = set()
        for name in names:
            words = label_words(name)
            if words:
                for word in set(words[1:]) or {""}:
                    keys |= by_word.get((words[0], word), set())
        others = []
        for key in keys:
            entries = by_label[key]
            candidates = [k for i, k in entries if i != index]
            if not candidates or not any(labels_match(n, candidates[0].label) for n in names):
                continue
            best = max(candidates, key=lambda k: k.date.specificity)
            if all(k.date.year == best.date.year for k in candidates):
                others.append(best)
        if others:
            others.sort(key=lambda k: -k.date.specificity)
            plan.append((index, others))
    return plan


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
        results = (r for part in pool.map(_extract_chunk, chunks) for r in part)
    else:
        pool = None
        ctx = make_context(actors, known_events, today)

        def one_by_one() -> Iterator[ExtractedArticle]:
            for index, (_, text) in enumerate(items):
                result, readings[index] = extract_with_reading(text, ctx)
                yield result

        results = one_by_one()
    # What was read of the articles that may be extracted again: their year clues are read
    # again from it, not from the text.
    readings: dict[int, Reading] = {}
    try:
        for index, result in enumerate(results):
            first[index] = result
            if may_need_second_pass(result, items[index][1]):
                deferred.append(index)
            else:
                readings.pop(index, None)
                yield index, result
        plan = dict(second_pass_plan(items, first))  # type: ignore[arg-type]
        redo = [i for i in deferred if i in plan]
        if pool is not None:
            redone = pool.map(
                _extract_again_in_worker, [items[i] for i in redo], [plan[i] for i in redo]
            )
            again = dict(zip(redo, redone, strict=True))
        else:
            again = {
                i: extract_again(items[i][1], ctx, plan[i], reading=readings.get(i)) for i in redo
            }
        for index in deferred:
            result = again.get(index)
            yield index, first[index] if result is None else result  # type: ignore[misc]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def extract_again(
    text: str, ctx: Context, extra: Sequence[KnownEvent], *, reading: Reading | None = None
) -> ExtractedArticle | None:
    """The article extracted again with the documents the rest of the batch dates (``extra``)
    known; None when knowing them changes nothing, so that the first extraction stands.

    Of all the steps, only the year clues (``year_clues``, which ``article_date`` asks) read
    the known events: when the clues are the same with ``extra`` as without, so is the whole
    extraction. Finding that out costs the clues read again from what the first extraction
    read (``reading``), or a reading of the text without looking for names (the clues read
    the sentences, the date expressions and the known events, never the actors named): not a
    whole extraction again.
    """
    wider = replace(ctx, known_events=ctx.known_events.plus(extra))
    if reading is None:  # ``reading``: what the first extraction read of the text, if kept
        reading = read(text, replace(ctx, registry=_NO_NAMES))
    with_extra = replace(reading, context=replace(reading.context, known_events=wider.known_events))
    if year_clues(reading) == year_clues(with_extra):
        return None
    return extract_one(text, wider)


class _NoNames:
    """A registry that finds no one in a text (for `extract_again`'s reading)."""

    def find(self, *args, **kwargs) -> list:
        return []


_NO_NAMES = _NoNames()


_worker_context: Context | None = None


def _init_worker(actors, known_events, today) -> None:
    global _worker_context
    _worker_context = make_context(actors, known_events, today)


def _extract_again_in_worker(
    item: tuple[str, str], extra: Sequence[KnownEvent]
) -> ExtractedArticle | None:
    return extract_again(item[1], _worker_context, extra)  # type: ignore[arg-type]


def _extract_chunk(items: list[tuple[str, str]]) -> list[ExtractedArticle]:
    return [extract_one(text, _worker_context) for _, text in items]  # type: ignore[arg-type]
