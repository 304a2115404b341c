"""The one store: how extracted articles and their events reach the database.

New files, changed files (a new article linked to its previous version) and stored articles
extracted again all go through ``store_batch``: one transaction and a fixed number of
statements per batch, whatever its size. The caller retries a failed batch one article at a
time, so that a bad article is isolated and reported. What an editor corrected is never
overwritten: every event value goes through ``timeline.corrections``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone

from articles.extraction.types import ExtractedArticle, ExtractedEvent
from articles.files import ArticleFile
from articles.models import Article
from timeline.corrections import (
    apply_machine_values,
    machine_may_delete,
    machine_sets_participants,
)
from timeline.importing.article_values import FIELDS as ARTICLE_FIELDS
from timeline.importing.article_values import article_values
from timeline.importing.copying import copy_create
from timeline.importing.history import Change, delete_with_history, record_history
from timeline.importing.matching import BatchEvents, matching_events
from timeline.importing.passages import add_passages, passages_text, refresh_passages
from timeline.importing.registry import actors_by_name, register_new_actors
from timeline.models import MACHINE_FIELDS, Actor, Event, Participation, Role, Source


@dataclass
class Extracted:
    """One article's extraction, waiting to be stored; ``article`` when already stored."""

    file: ArticleFile
    result: ExtractedArticle
    article: Article | None = None


def machine_values(item: ExtractedEvent) -> dict:
    """The event fields extraction fills, as the database stores them."""
    start, end = item.date.interval()
    return {
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


def roles(item: ExtractedEvent) -> dict[str, str]:
    """Canonical name → role: who took part, then who is only mentioned."""
    out = {name: Role.PARTICIPANT for name in item.participants}
    for name in item.mentioned:
        out.setdefault(name, Role.MENTIONED)
    return out


@dataclass
class _Plan:
    """What one batch will write, gathered before any statement runs."""

    new_events: list[Event] = field(default_factory=list)
    updated_events: dict[int, Event] = field(default_factory=dict)
    new_sources: list[Source] = field(default_factory=list)
    changed_sources: list[Source] = field(default_factory=list)
    kept_sources: set[int] = field(default_factory=set)
    # Participants by event: a new event's, a re-extracted event's (replacing the list) and
    # those another article adds (nobody removed or demoted).
    new_roles: dict[int, tuple[Event, dict[str, str]]] = field(default_factory=dict)
    replace_roles: dict[int, dict[str, str]] = field(default_factory=dict)
    add_roles: dict[int, dict[str, str]] = field(default_factory=dict)
    refresh: set[int] = field(default_factory=set)  # events whose passages to rebuild
    # Events another article backs, with the passages it adds (their sources only grow).
    extend: dict[int, tuple[Event, list[str]]] = field(default_factory=dict)


def store_batch(batch: Sequence[Extracted], *, actor_cache: dict[str, Actor]) -> list[Article]:
    """Store articles and their events in one transaction; the stored articles, in order."""
    with transaction.atomic():
        _wait_for_other_stores()
        articles = _store_articles(batch)
        register_new_actors(x.result for x in batch)
        actors = actors_by_name(
            {n for x in batch for e in x.result.events for n in e.participants + e.mentioned},
            actor_cache,
        )
        stored = [a.pk for a, x in zip(articles, batch, strict=True) if x.article is not None]
        sources = {
            (s.article_id, s.extraction_key): s
            for s in Source.objects.filter(article_id__in=stored).select_related("event")
        }
        plan = _plan(batch, articles, actors, sources)
        _write_events(plan)
        _write_participations(plan, actors)
        _write_sources(plan)
        _remove_stale(sources, plan)
        refresh_passages(plan.refresh)
        add_passages({pk: x for pk, x in plan.extend.items() if pk not in plan.refresh})
    return articles


# Imports running at once (workers on any host, two commands) store one batch at a time:
# otherwise two articles reporting one event, stored at the same moment, would each find it
# missing and create it twice. Extraction, most of the work, still runs side by side.
STORE_LOCK = 0x7132 << 40


def _wait_for_other_stores() -> None:
    """Take the store's lock until this transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])


def _store_articles(batch: Sequence[Extracted]) -> list[Article]:
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
    Article.objects.bulk_update(updated, [*ARTICLE_FIELDS, "extracted_at"])
    return [x.article if x.article is not None else next(created) for x in batch]


def _plan(
    batch: Sequence[Extracted],
    articles: list[Article],
    actors: dict[str, Actor],
    sources: dict[tuple[int, str], Source],
) -> _Plan:
    plan = _Plan()
    first_source = dict(
        Source.objects.filter(event_id__in={s.event_id for s in sources.values()})
        .values("event_id")
        .annotate(first=Min("id"))
        .values_list("event_id", "first")
    )
    unmatched = {
        (i, item.key): item
        for i, x in enumerate(batch)
        for item in x.result.events
        if (articles[i].pk, item.key) not in sources
    }
    matches = matching_events(unmatched, actors)
    made = BatchEvents()
    for i, x in enumerate(batch):
        article = articles[i]
        for item in x.result.events:
            passage = article.raw_text[item.evidence_start : item.evidence_end]
            source = sources.get((article.pk, item.key))
            if source is not None:
                _plan_known_source(plan, source, item, owner=first_source[source.event_id])
                continue
            people = {actors[n].pk for n in item.participants}
            event = matches.get((i, item.key)) or made.find(item, people)
            if event is None:
                event = Event(passages=passages_text([passage]))
                apply_machine_values(event, machine_values(item), said=item.date.value)
                plan.new_events.append(event)
                plan.new_roles[id(event)] = (event, roles(item))
                made.add(event, item, people)
            elif event.pk is None:  # made earlier in this batch: its people join
                event.passages = passages_text([passage], start=event.passages)
                for name, role in roles(item).items():
                    plan.new_roles[id(event)][1].setdefault(name, role)
            else:  # already on the timeline: another article backs it; its values stay
                if machine_sets_participants(event):
                    plan.add_roles.setdefault(event.pk, {}).update(roles(item))
                plan.extend.setdefault(event.pk, (event, []))[1].append(passage)
            plan.new_sources.append(_source(event, article, item))
    return plan


def _plan_known_source(plan: _Plan, source: Source, item: ExtractedEvent, *, owner: int) -> None:
    """An event this article backed before: its source follows the new extraction, and so
    do the event's values when this article is its first source."""
    event = plan.updated_events.get(source.event_id, source.event)
    plan.kept_sources.add(source.pk)
    for name, value in _source_values(item).items():
        setattr(source, name, value)
    plan.changed_sources.append(source)
    if owner == source.pk:
        apply_machine_values(event, machine_values(item), said=item.date.value)
        plan.updated_events[event.pk] = event
    if machine_sets_participants(event):
        plan.replace_roles[event.pk] = roles(item)
    plan.refresh.add(event.pk)


def _source_values(item: ExtractedEvent) -> dict:
    return {
        "extraction_key": item.key,
        "is_main": item.main,
        "passage_start": item.evidence_start,
        "passage_end": item.evidence_end,
        "date_evidence_start": item.date.evidence_start,
        "date_evidence_end": item.date.evidence_end,
    }


def _source(event: Event, article: Article, item: ExtractedEvent) -> Source:
    return Source(event=event, article=article, **_source_values(item))


def _write_events(plan: _Plan) -> None:
    copy_create(Event, plan.new_events)
    record_history(Event, [e.pk for e in plan.new_events], Change.CREATED, "imported")
    now = timezone.now()
    updated = list(plan.updated_events.values())
    for event in updated:
        event.updated_at = now
    Event.objects.bulk_update(
        updated, [*MACHINE_FIELDS, "machine_disagreement", "precision_rank", "updated_at"]
    )
    record_history(Event, [e.pk for e in updated], Change.CHANGED, "re-extracted")


def _write_participations(plan: _Plan, actors: dict[str, Actor]) -> None:
    """Participants of new events; of re-extracted ones (the list follows extraction); and
    those another article adds (added only). Never for a list an editor changed."""
    wanted: dict[tuple[int, int], str] = {}
    for event, by_name in plan.new_roles.values():
        for name, role in by_name.items():
            wanted[event.pk, actors[name].pk] = role
    touched = plan.replace_roles.keys() | plan.add_roles.keys()
    current = {
        (p.event_id, p.actor_id): p for p in Participation.objects.filter(event_id__in=touched)
    }
    changed, removed = [], []
    for event_id, by_name in plan.replace_roles.items():
        want = {actors[name].pk: role for name, role in by_name.items()}
        for (e, actor_id), p in current.items():
            if e != event_id:
                continue
            if actor_id not in want:
                removed.append(p.pk)
            elif p.role != want[actor_id]:
                p.role = want[actor_id]
                changed.append(p)
        for actor_id, role in want.items():
            if (event_id, actor_id) not in current:
                wanted[event_id, actor_id] = role
    for event_id, by_name in plan.add_roles.items():
        for name, role in by_name.items():
            key = (event_id, actors[name].pk)
            if key not in current and not (event_id in plan.replace_roles and key in wanted):
                wanted.setdefault(key, role)
    created = copy_create(
        Participation,
        [Participation(event_id=e, actor_id=a, role=r) for (e, a), r in wanted.items()],
    )
    record_history(Participation, [p.pk for p in created], Change.CREATED, "imported")
    Participation.objects.bulk_update(changed, ["role"])
    record_history(Participation, [p.pk for p in changed], Change.CHANGED, "re-extracted")
    delete_with_history(Participation, removed, "re-extracted")


def _write_sources(plan: _Plan) -> None:
    for source in plan.new_sources:
        source.event_id = source.event.pk
    # A main source that stops being main first, so that one article never has two at once.
    fields = list(_source_values_fields())
    for is_main in (False, True):
        Source.objects.bulk_update(
            [s for s in plan.changed_sources if s.is_main == is_main], fields
        )
    copy_create(Source, plan.new_sources)


def _source_values_fields() -> tuple[str, ...]:
    return (
        "is_main",
        "passage_start",
        "passage_end",
        "date_evidence_start",
        "date_evidence_end",
    )


def _remove_stale(sources: dict[tuple[int, str], Source], plan: _Plan) -> None:
    """Sources a re-extracted article no longer yields go; so do their events, unless an
    editor touched them or another article backs them."""
    stale = [s for s in sources.values() if s.pk not in plan.kept_sources]
    if not stale:
        return
    stale_ids = [s.pk for s in stale]
    others = dict(
        Source.objects.filter(event_id__in={s.event_id for s in stale})
        .exclude(pk__in=stale_ids)
        .values("event_id")
        .annotate(n=Count("id"))
        .values_list("event_id", "n")
    )
    gone = {
        s.event_id
        for s in stale
        if machine_may_delete(s.event, other_sources=others.get(s.event_id, 0))
    }
    keep_sources = [s.pk for s in stale if s.event_id not in gone]
    Source.objects.filter(pk__in=[pk for pk in stale_ids if pk not in keep_sources]).delete()
    if gone:
        participations = Participation.objects.filter(event_id__in=gone).values_list(
            "pk", flat=True
        )
        delete_with_history(Participation, list(participations), "re-extracted")
        delete_with_history(Event, gone, "re-extracted")
