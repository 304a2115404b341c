"""Writes: importing article files and storing what extraction found.

Every article is written in its own transaction, so a bad file or a lost
connection never leaves half an article behind. Fields an editor corrected
(``Event.locked_fields``) are never overwritten by the machine.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from articles.extraction import iter_extract_batch, load_default_actors
from articles.extraction.types import ExtractedArticle, ExtractedEvent, KnownActor, KnownEvent
from articles.files import ArticleFile, BadArticle, expand_paths, read_article_file
from articles.models import Article
from timeline.models import (
    PRECISION_RANK,
    Actor,
    Event,
    Participation,
    Role,
    Source,
)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    results: list[tuple[str, str]] = field(default_factory=list)  # (file, what happened)

    def fail(self, name: str, reason: str) -> None:
        self.failed += 1
        self.errors.append((name, reason))
        self.results.append((name, f"rejected: {reason}"))

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed"
        )


def known_actors() -> list[KnownActor]:
    """The registry as extraction sees it: the database once loaded, else the shipped list."""
    actors = [
        KnownActor(
            name=a.name, kind=a.kind, aliases=tuple(a.aliases), offices=tuple(a.offices or ())
        )
        for a in Actor.objects.only("name", "kind", "aliases", "offices")
    ]
    return actors or list(load_default_actors())


def ensure_actor_registry() -> int:
    """Create the shipped actors that the database lacks; never touch existing ones."""
    existing = set(Actor.objects.values_list("slug", flat=True))
    # A shipped actor an editor merged into another lives on as an alias: not recreated.
    existing |= {
        slugify(alias)
        for aliases in Actor.objects.values_list("aliases", flat=True)
        for alias in aliases
    }
    missing = [
        Actor(
            name=a.name,
            slug=slugify(a.name),
            kind=a.kind,
            aliases=list(a.aliases),
            offices=list(a.offices),
            office=_office_text(a.offices),
        )
        for a in load_default_actors()
        if slugify(a.name) not in existing
    ]
    Actor.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def _office_text(offices: Iterable[dict]) -> str:
    parts = []
    for office in offices:
        span = f"{office.get('from') or '?'}–{office.get('to') or ''}"
        parts.append(f"{office['title']} ({span})")
    return "; ".join(parts)


def known_events() -> list[KnownEvent]:
    """Labelled, dated events already on the timeline: other articles can be dated from them."""
    from articles.extraction.types import DateClaim

    out = []
    for event in (
        Event.objects.exclude(label="")
        .exclude(date_start=None)
        .exclude(needs_review=True)
        .only("label", "date_precision", "date_start")
        .order_by("precision_rank", "id")  # the most precise date of a document first
        .iterator(chunk_size=2000)
    ):
        d = event.date_start
        out.append(
            KnownEvent(
                label=event.label,
                date=DateClaim(
                    event.date_precision,
                    d.year,
                    d.month if event.date_precision in ("month", "day") else None,
                    d.day if event.date_precision == "day" else None,
                ),
                source=f"event {event.pk} on the timeline",
            )
        )
    return out


def import_paths(
    paths: list[str],
    *,
    reextract: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import article files and folders: idempotent, one transaction per article."""
    report = ImportReport()
    files, missing = expand_paths(paths)
    for name, reason in missing:
        report.fail(name, reason)
    loaded: list[ArticleFile] = []
    for path in files:
        try:
            loaded.append(read_article_file(path, max_bytes=settings.ARTICLE_MAX_BYTES))
        except BadArticle as exc:
            report.fail(path.name, str(exc))
    import_files(loaded, report=report, reextract=reextract, dry_run=dry_run, progress=progress)
    return report


def import_files(
    files: list[ArticleFile],
    *,
    report: ImportReport | None = None,
    reextract: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    report = report or ImportReport()
    if not dry_run:
        ensure_actor_registry()
    existing = dict(
        Article.objects.filter(content_hash__in=[f.content_hash for f in files]).values_list(
            "content_hash", "id"
        )
    )
    seen: set[str] = set()
    todo: list[ArticleFile] = []
    for f in files:
        if f.content_hash in seen or (f.content_hash in existing and not reextract):
            report.unchanged += 1
            report.results.append((f.name, "unchanged (same text already imported)"))
            continue
        seen.add(f.content_hash)
        todo.append(f)
    if not todo:
        return report
    workers = 2 if len(todo) >= 400 and (os.cpu_count() or 1) > 1 else 1
    stream = iter_extract_batch(
        [(f.name, f.text) for f in todo],
        actors=known_actors(),
        known_events=known_events(),
        workers=workers,
    )
    if dry_run:
        for index, result in stream:
            f = todo[index]
            report.results.append((f.name, f"would import: {len(result.events)} events"))
            report.created += f.content_hash not in existing
            report.updated += f.content_hash in existing
        return report
    # Articles are stored while the rest are still being extracted (in other processes).
    writer = _Writer(report=report, total=len(todo), progress=progress)
    for index, result in stream:
        f = todo[index]
        if f.content_hash in existing:
            writer.store_one(f, result, known_new=False)
        else:
            writer.add_new(f, result)
    writer.flush()
    return report


class _Writer:
    """Stores extracted articles: new ones a chunk at a time, the chunk one article at a time
    when it fails (so that a bad article is isolated and reported)."""

    def __init__(self, *, report: ImportReport, total: int, progress) -> None:
        self.report, self.total, self.progress = report, total, progress
        self.pending: list[tuple[ArticleFile, ExtractedArticle]] = []
        self.actor_cache: dict[str, Actor] = {}
        self.done = 0

    def add_new(self, f: ArticleFile, result: ExtractedArticle) -> None:
        self.pending.append((f, result))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        chunk, self.pending = self.pending, []
        if len(chunk) > 1:
            try:
                store_new_articles(chunk, actor_cache=self.actor_cache)
            except DatabaseError as exc:
                if isinstance(exc, OperationalError):
                    raise  # the connection is gone: nothing more can be stored
                self.actor_cache.clear()
            else:
                for f, result in chunk:
                    self.report.created += 1
                    self.report.results.append(
                        (f.name, f"created with {len(result.events)} events")
                    )
                self._advance(len(chunk))
                return
        for f, result in chunk:
            self.store_one(f, result, known_new=True)

    def store_one(self, f: ArticleFile, result: ExtractedArticle, *, known_new: bool) -> None:
        _store_one(f, result, self.report, known_new=known_new, actor_cache=self.actor_cache)
        self._advance(1)

    def _advance(self, n: int) -> None:
        self.done += n
        if self.progress:
            self.progress(self.done, self.total)


def _store_one(
    f: ArticleFile,
    result: ExtractedArticle,
    report: ImportReport,
    *,
    known_new: bool,
    actor_cache: dict[str, Actor],
) -> None:
    try:
        created = store_article(
            file=f, extracted=result, known_new=known_new, actor_cache=actor_cache
        )
    except IntegrityError as exc:
        actor_cache.clear()  # the rolled-back article may have created some
        if Article.objects.filter(content_hash=f.content_hash).exists():
            # Another import stored the same text meanwhile: that is the same article.
            report.unchanged += 1
            report.results.append((f.name, "unchanged (imported concurrently)"))
        else:
            report.fail(f.name, f"could not be stored: {str(exc).splitlines()[0]}")
        return
    if created:
        report.created += 1
        report.results.append((f.name, f"created with {len(result.events)} events"))
    else:
        report.updated += 1
        report.results.append((f.name, "re-extracted"))


def reextract_articles(articles: Iterable[Article]) -> ImportReport:
    files = [
        ArticleFile(
            name=a.file_name, text=a.raw_text, content_hash=a.content_hash, encoding="utf-8"
        )
        for a in articles
    ]
    return import_files(files, reextract=True)


@transaction.atomic
def store_article(
    *,
    file: ArticleFile,
    extracted: ExtractedArticle,
    known_new: bool = False,
    actor_cache: dict[str, Actor] | None = None,
) -> bool:
    """Store one article and its events; True when the article is new.

    ``known_new`` skips the look-up of an article the caller just saw missing (the unique
    content hash still refuses a concurrent duplicate)."""
    start, _ = extracted.published.interval()
    values = {
        "title": extracted.title[:500],
        "body_start": extracted.body_start,
        "body_end": extracted.body_end,
        "published_date": start,
        "published_precision": extracted.published.precision if start else "unknown",
        "published_evidence": extracted.published.evidence[:300],
        "extracted_at": timezone.now(),
    }
    article = None if known_new else Article.objects.filter(content_hash=file.content_hash).first()
    created = article is None
    if created:
        previous = (
            Article.objects.filter(file_name=file.name)
            .order_by("-imported_at", "-id")
            .values_list("id", flat=True)
            .first()
        )
        article = Article.objects.create(
            content_hash=file.content_hash,
            file_name=file.name,
            raw_text=file.text,
            previous_version_id=previous,
            **values,
        )
    else:
        for name, value in values.items():
            setattr(article, name, value)
        article.save(update_fields=list(values))
    _register_new_actors(extracted)
    sync_events(article=article, extracted=extracted, new=created, actor_cache=actor_cache)
    return created


CHUNK = 25


def store_new_articles(
    pairs: list[tuple[ArticleFile, ExtractedArticle]], *, actor_cache: dict[str, Actor]
) -> None:
    """Store articles not yet in the database, many at a time, in one transaction.

    The fast path of a large import: a few statements for the whole chunk instead of a
    dozen per article. It is all or nothing; the caller stores the chunk one article at a
    time when it fails, so a bad article is still isolated and reported.
    """
    with transaction.atomic():
        previous = dict(
            Article.objects.filter(file_name__in={f.name for f, _ in pairs})
            .order_by("file_name", "-imported_at", "-id")
            .distinct("file_name")
            .values_list("file_name", "id")
        )
        now = timezone.now()
        articles = Article.objects.bulk_create(
            [
                Article(
                    content_hash=f.content_hash,
                    file_name=f.name,
                    raw_text=f.text,
                    previous_version_id=previous.get(f.name),
                    extracted_at=now,
                    **_article_values(x),
                )
                for f, x in pairs
            ]
        )
        for _, x in pairs:
            _register_new_actors(x)
        actors = _actors_by_name(
            {n for _, x in pairs for e in x.events for n in e.participants + e.mentioned},
            actor_cache,
        )
        items = {(i, e.key): e for i, (_, x) in enumerate(pairs) for e in x.events}
        matches = _matching_events(items, actors)
        made: dict[tuple, list[tuple[Event, set[int]]]] = {}  # events this chunk creates
        new_events: list[tuple[Event, ExtractedEvent]] = []
        grown: dict[int, tuple[Event, list[ExtractedEvent]]] = {}
        grown_passages: dict[int, tuple[Event, list[str]]] = {}
        sources: list[Source] = []
        for (i, _key), item in items.items():
            article = articles[i]
            start, end = item.date.interval()
            ids = {actors[n].pk for n in item.participants}
            event = matches.get((i, item.key))
            if event is None and start is not None and ids:
                event = next(
                    (e for e, people in made.get((item.kind, start, end), ()) if people & ids),
                    None,
                )
            if event is None:
                event = Event(passages=article.raw_text[item.evidence_start : item.evidence_end])
                _apply_machine_values(event, item)
                new_events.append((event, item))
                if start is not None and ids:
                    made.setdefault((item.kind, start, end), []).append((event, ids))
            else:
                grown.setdefault(id(event), (event, []))[1].append(item)
                grown_passages.setdefault(id(event), (event, []))[1].append(
                    article.raw_text[item.evidence_start : item.evidence_end]
                )
            sources.append(_new_source(event, article, item))
        Event.objects.bulk_create([e for e, _ in new_events])
        _record_creation([e.pk for e, _ in new_events])
        created_ids = {e.pk for e, _ in new_events}
        roles = {
            (event.pk, actors[name].pk): (event, actors[name], role)
            for event, item in new_events
            for name, role in _roles(item).items()
        }
        for event, later in grown.values():
            if event.pk in created_ids:  # made earlier in this chunk: its people join
                for item in later:
                    for name, role in _roles(item).items():
                        roles.setdefault((event.pk, actors[name].pk), (event, actors[name], role))
        Participation.objects.bulk_create(
            [Participation(event=e, actor=a, role=r) for e, a, r in roles.values()]
        )
        for source in sources:
            source.event_id = source.event.pk
        Source.objects.bulk_create(sources)
        for event, later in grown.values():
            if event.pk not in created_ids and "participants" not in event.locked_fields:
                for item in later:
                    _add_participants(event, item, actors)
        _append_passages([(event, passages) for event, passages in grown_passages.values()])


def _new_source(event: Event, article: Article, item: ExtractedEvent) -> Source:
    return Source(
        event=event,
        article=article,
        extraction_key=item.key,
        is_main=item.main,
        passage_start=item.evidence_start,
        passage_end=item.evidence_end,
        date_evidence_start=item.date.evidence_start,
        date_evidence_end=item.date.evidence_end,
    )


def _article_values(extracted: ExtractedArticle) -> dict:
    start, _ = extracted.published.interval()
    return {
        "title": extracted.title[:500],
        "body_start": extracted.body_start,
        "body_end": extracted.body_end,
        "published_date": start,
        "published_precision": extracted.published.precision if start else "unknown",
        "published_evidence": extracted.published.evidence[:300],
    }


def _record_creation(event_ids: list[int]) -> None:
    """The history's first record of each new event, written by the database in one statement
    (what simple-history would write one object at a time)."""
    if not event_ids:
        return
    history = Event.history.model
    copied = [
        f.column for f in history._meta.concrete_fields if not f.column.startswith("history_")
    ]
    columns = ", ".join(f'"{c}"' for c in copied)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {history._meta.db_table}
                ({columns}, history_date, history_change_reason, history_type, history_user_id)
            SELECT {columns}, now(), 'imported', '+', NULL
            FROM {Event._meta.db_table} WHERE id = ANY(%s)
            """,
            [event_ids],
        )


def _register_new_actors(extracted: ExtractedArticle) -> None:
    """People the text introduces with an office: added unreviewed, for editors to confirm."""
    if extracted.new_actors:
        Actor.objects.bulk_create(
            [
                Actor(
                    name=p.name[:200],
                    slug=slugify(p.name)[:200],
                    kind="person",
                    reviewed=False,
                    office=p.office[:300],
                )
                for p in extracted.new_actors
                if slugify(p.name)
            ],
            ignore_conflicts=True,
        )


def sync_events(
    *,
    article: Article,
    extracted: ExtractedArticle,
    new: bool = False,
    actor_cache: dict[str, Actor] | None = None,
) -> None:
    """Make the article's sources match extraction, never overwriting an editor's correction."""
    sources = (
        {}
        if new
        else {
            s.extraction_key: s
            for s in Source.objects.filter(article=article).select_related("event")
        }
    )
    actors = _actors_by_name(
        {n for e in extracted.events for n in e.participants + e.mentioned}, actor_cache
    )
    text = article.raw_text
    kept: set[str] = set()
    new_events: list[tuple[Event, ExtractedEvent]] = []
    new_sources: list[Source] = []
    grown: list[tuple[Event, ExtractedEvent]] = []
    matches = _matching_events({e.key: e for e in extracted.events if e.key not in sources}, actors)
    for item in extracted.events:
        kept.add(item.key)
        source = sources.get(item.key)
        if source is None:
            # A mentioned event the timeline already has gains a source; its values stay.
            event = matches.get(item.key)
            if event is None:
                event = Event(passages=text[item.evidence_start : item.evidence_end])
                _apply_machine_values(event, item)
                new_events.append((event, item))
            else:
                grown.append((event, item))
            new_sources.append(_new_source(event, article, item))
        else:
            event = source.event
            if not event.sources.filter(pk__lt=source.pk).exists():  # this article owns it
                _apply_machine_values(event, item)
                event.save()
            Source.objects.filter(pk=source.pk).update(
                is_main=item.main,
                passage_start=item.evidence_start,
                passage_end=item.evidence_end,
                date_evidence_start=item.date.evidence_start,
                date_evidence_end=item.date.evidence_end,
            )
            if "participants" not in event.locked_fields:
                _set_participants(event, item, actors)
    if new_events:
        bulk_create_with_history([e for e, _ in new_events], Event)
        Participation.objects.bulk_create(
            [
                Participation(event=event, actor=actors[name], role=role)
                for event, item in new_events
                for name, role in _roles(item).items()
            ]
        )
    for source in new_sources:
        source.event_id = source.event.pk
    Source.objects.bulk_create(new_sources)
    for event, item in grown:
        if "participants" not in event.locked_fields:
            _add_participants(event, item, actors)
    if sources:
        _refresh_passages(article)
    elif grown:
        _refresh_passages(article, only=[e.pk for e, _ in grown])
    for key, source in sources.items():
        if key in kept:
            continue
        event = source.event
        if event.locked_fields or event.sources.exclude(pk=source.pk).exists():
            continue  # an editor's work, or backed by other articles: keep it
        source.delete()
        event.delete()


def _roles(item: ExtractedEvent) -> dict[str, str]:
    roles = {name: Role.PARTICIPANT for name in item.participants}
    for name in item.mentioned:
        roles.setdefault(name, Role.MENTIONED)
    return roles


def _add_participants(event: Event, item: ExtractedEvent, actors: dict[str, Actor]) -> None:
    """Another article's people join an event it backs; nobody is removed or demoted."""
    present = set(event.participations.values_list("actor_id", flat=True))
    Participation.objects.bulk_create(
        [
            Participation(event=event, actor=actors[name], role=role)
            for name, role in _roles(item).items()
            if actors[name].pk not in present
        ],
        ignore_conflicts=True,
    )


PASSAGES_LIMIT = 20_000  # characters of searchable passages kept per event


def _append_passages(updates: list[tuple[Event, list[str]]]) -> None:
    """Add new sources' passages to events' searchable text: each passage once, up to a cap
    (an event cited by a thousand articles needs no thousand copies to be found)."""
    changed = []
    for event, passages in updates:
        text = event.passages
        for passage in passages:
            if passage and passage not in text and len(text) + len(passage) < PASSAGES_LIMIT:
                text = f"{text}\n{passage}" if text else passage
        if text != event.passages:
            event.passages = text
            changed.append(event)
    Event.objects.bulk_update(changed, ["passages"])


def _refresh_passages(article: Article, only: list[int] | None = None) -> None:
    """Keep each event's searchable passages in step with its sources, in one statement."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE timeline_event e SET passages = left(sub.text, 20000)
            FROM (
                SELECT s.event_id, string_agg(DISTINCT
                    substr(a.raw_text, s.passage_start + 1, s.passage_end - s.passage_start),
                    E'\\n') AS text
                FROM timeline_source s JOIN articles_article a ON a.id = s.article_id
                WHERE s.event_id IN (SELECT event_id FROM timeline_source WHERE article_id = %s)
                GROUP BY s.event_id
            ) sub
            WHERE e.id = sub.event_id AND e.passages IS DISTINCT FROM left(sub.text, 20000)
              AND (%s::bigint[] IS NULL OR e.id = ANY(%s::bigint[]))
            """,
            [article.pk, only, only],
        )


def _apply_machine_values(event: Event, item: ExtractedEvent) -> None:
    start, end = item.date.interval()
    values = {
        "summary": item.summary[:500],
        "kind": item.kind,
        "place": (item.place or "")[:120],
        "label": item.label[:200],
        "date_precision": item.date.precision if start else "unknown",
        "date_start": start,
        "date_end": end,
        "date_evidence": item.date.evidence,
        "date_derivation": item.date.derivation[:500],
        "needs_review": item.date.needs_review,
    }
    disagreements = []
    locked = set(event.locked_fields)
    if {"date_start", "date_end"} & locked:
        locked |= {"date_precision", "date_start", "date_end"}
    for name, value in values.items():
        if name in locked:
            if getattr(event, name) != value and name in (
                "date_precision",
                "date_start",
                "summary",
                "place",
                "kind",
            ):
                disagreements.append(name)
            continue
        setattr(event, name, value)
    if disagreements and event.pk:
        message = (
            f"extractor now says {item.date.iso() or 'date unknown'} ({item.date.precision}), "
            f"editor said {event.date_label}; differs in {', '.join(disagreements)}"
        )[:500]
        if message != event.machine_disagreement:
            # A new disagreement goes back to the review queue, even for a reviewed event;
            # the editor's values themselves stay.
            event.needs_review = True
        event.machine_disagreement = message
    elif event.pk:
        event.machine_disagreement = ""
    event.precision_rank = PRECISION_RANK[event.date_precision]


def _matching_events(items: dict, actors: dict[str, Actor]) -> dict:
    """Events the timeline already has for these items (same kind, same date, overlapping
    participants): {key: event} for ``items`` given as {key: item}."""
    wanted: dict = {}
    for key, item in items.items():
        start, end = item.date.interval()
        ids = {actors[n].pk for n in item.participants if n in actors}
        if start is not None and ids:
            wanted[key] = (item.kind, start, end, ids)
    if not wanted:
        return {}
    # Candidate events by kind and date (the kind index), then their participants: both
    # index look-ups, whatever the number of events an actor has.
    condition = Q()
    for kind, start, end in {(k, s, e) for k, s, e, _ in wanted.values()}:
        condition |= Q(kind=kind, date_start=start, date_end=end)
    candidates = {
        pk: (kind, start, end)
        for pk, kind, start, end in Event.objects.filter(condition).values_list(
            "pk", "kind", "date_start", "date_end"
        )
    }
    if not candidates:
        return {}
    rows = (
        Participation.objects.filter(
            event_id__in=candidates,
            role=Role.PARTICIPANT,
            actor_id__in={i for *_, ids in wanted.values() for i in ids},
        )
        .values_list("event_id", "actor_id")
        .order_by("event_id")
    )
    found: dict = {}
    for event_id, actor_id in rows:
        for key, (kind, start, end, ids) in wanted.items():
            if key not in found and candidates[event_id] == (kind, start, end) and actor_id in ids:
                found[key] = event_id
    events = Event.objects.in_bulk(set(found.values()))
    return {key: events[event_id] for key, event_id in found.items()}


def _actors_by_name(names: set[str], cache: dict[str, Actor] | None = None) -> dict[str, Actor]:
    """Actors by canonical name, created (unreviewed) when missing; ``cache`` spares queries
    across the articles of one import."""
    cache = {} if cache is None else cache
    missing = names - cache.keys()
    if missing:
        cache.update({a.name: a for a in Actor.objects.filter(name__in=missing)})
    found = {n: cache[n] for n in names if n in cache}
    for name in sorted(names - found.keys()):
        actor, _ = Actor.objects.get_or_create(
            slug=slugify(name)[:200] or "actor", defaults={"name": name, "reviewed": False}
        )
        found[name] = cache[name] = actor
    return found


def _set_participants(event: Event, item: ExtractedEvent, actors: dict[str, Actor]) -> None:
    wanted = {actors[n].pk: Role.PARTICIPANT for n in item.participants}
    for name in item.mentioned:
        wanted.setdefault(actors[name].pk, Role.MENTIONED)
    current = {p.actor_id: p for p in event.participations.all()}
    for actor_id, participation in current.items():
        if actor_id not in wanted:
            participation.delete()
        elif participation.role != wanted[actor_id]:
            participation.role = wanted[actor_id]
            participation.save(update_fields=["role"])
    Participation.objects.bulk_create(
        [
            Participation(event=event, actor_id=a, role=r)
            for a, r in wanted.items()
            if a not in current
        ]
    )


def today() -> dt.date:
    return timezone.now().date()


__all__ = [
    "BadArticle",
    "ImportReport",
    "Path",
    "import_files",
    "import_paths",
    "reextract_articles",
    "store_article",
]
