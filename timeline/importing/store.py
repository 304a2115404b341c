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
from django.db.models import Count, Min, Q
from django.utils import timezone

from articles.extraction import eventhood
from articles.extraction.types import ExtractedArticle, ExtractedEvent
from articles.files import ArticleFile
from articles.models import Article
from timeline.corrections import (
    apply_machine_values,
    machine_may_delete,
    machine_sets_participants,
)
from timeline.importing.article_rows import store_articles
from timeline.importing.consensus import refresh_events
from timeline.importing.copying import copy_create
from timeline.importing.extracted import (
    detachable,
    headline_names,
    machine_values,
    roles,
    source_fields,
    source_values,
    telling,
)
from timeline.importing.history import Change, delete_with_history, record_history
from timeline.importing.identity import Telling, nested
from timeline.importing.matching import BatchEvents, Found, matching_events
from timeline.importing.passages import passages_text
from timeline.importing.registry import actors_by_name, register_new_actors
from timeline.importing.tallying import grown_by, tallied_inserts
from timeline.models import MACHINE_FIELDS, Actor, Event, Participation, Source, Suggestion


@dataclass
class Extracted:
    """One article's extraction, waiting to be stored; ``article`` when already stored."""

    file: ArticleFile
    result: ExtractedArticle
    article: Article | None = None


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
    refresh: set[int] = field(default_factory=set)  # events to rebuild from their sources
    rebuild: list[Event] = field(default_factory=list)  # new events told more than once
    suggestions: list[tuple[Event, Event, str]] = field(default_factory=list)
    # Sources whose passage no longer tells an event of its own (an older extraction listed
    # a quotation): they go with their event, and the passage is placed afresh.
    detached: dict[int, Source] = field(default_factory=dict)


class StoreBusy(Exception):
    """Another import is storing a batch (raised before anything is written)."""


def store_batch(
    batch: Sequence[Extracted], *, actor_cache: dict[str, Actor], wait: bool = True
) -> list[Article]:
    """Store articles and their events in one transaction; the stored articles, in order.

    ``wait=False``: raise `StoreBusy` at once if another import is storing meanwhile (its
    caller may extract more articles and try again)."""
    with transaction.atomic():
        if not _take_store_lock(wait=wait):
            raise StoreBusy
        articles = store_articles(batch)
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
        _remove_stale(list(plan.detached.values()))
        _write_events(plan)
        _write_participations(plan, actors)
        _write_sources(plan)
        shrunk = _remove_stale(
            [
                s
                for s in sources.values()
                if s.pk not in plan.kept_sources and s.pk not in plan.detached
            ]
        )
        new_articles = {a.pk for a, x in zip(articles, batch, strict=True) if x.article is None}
        refresh_events(
            plan.refresh | shrunk | {e.pk for e in plan.rebuild},
            added=_added_passages(plan, reread=shrunk),
            grown=grown_by(plan.new_sources, new_articles),
        )
        _write_suggestions(plan)
    return articles


# Imports running at once (workers on any host, two commands) store one batch at a time:
# otherwise two articles reporting one event, stored at the same moment, would each find it
# missing and create it twice. Extraction, most of the work, still runs side by side.
STORE_LOCK = 0x7132 << 40


def _take_store_lock(*, wait: bool) -> bool:
    """Take the store's lock until this transaction ends (waiting for it, or only if free);
    and no JIT: it would spend longer compiling the candidates' query than running it."""
    take = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT set_config('jit', 'off', true), {take}(%s)", [STORE_LOCK])
        return wait or cursor.fetchone()[1]


def _plan(
    batch: Sequence[Extracted],
    articles: list[Article],
    actors: dict[str, Actor],
    sources: dict[tuple[int, str], Source],
) -> _Plan:
    plan = _Plan()
    first_source, told_by = {}, {}
    for event_id, first, n in (
        Source.objects.filter(event_id__in={s.event_id for s in sources.values()})
        .values("event_id")
        .annotate(first=Min("id"), n=Count("id"))
        .values_list("event_id", "first", "n")
    ):
        first_source[event_id], told_by[event_id] = first, n
    for i, x in enumerate(batch):
        for item in x.result.events:
            source = sources.get((articles[i].pk, item.key))
            if source is not None and detachable(source, item, told_by=told_by[source.event_id]):
                plan.detached[source.pk] = source
    announced = {
        (i, item.key): eventhood.planned(item, x.result.published)
        for i, x in enumerate(batch)
        for item in x.result.events
    }
    unmatched = {
        (i, item.key): telling(item, actors, planned=announced[i, item.key])
        for i, x in enumerate(batch)
        for item in x.result.events
        if (source := sources.get((articles[i].pk, item.key))) is None or source.pk in plan.detached
    }
    # An event told by one passage only, re-extracted: is another event the same? (Events
    # that predate identity, or told apart by an older extraction.) Editors decide.
    alone = {
        ("again", s.pk): (s, item)
        for i, x in enumerate(batch)
        for item in x.result.events
        if (s := sources.get((articles[i].pk, item.key))) is not None
        and s.pk not in plan.detached
        and told_by[s.event_id] == 1
        and eventhood.listable(item)
    }
    found = matching_events(
        unmatched | {key: telling(item, actors) for key, (_, item) in alone.items()},
        leaving={s.event_id for s in plan.detached.values()},
        own={key: s.event_id for key, (s, _) in alone.items()},
    )
    for key, (s, _) in alone.items():
        if (again := found.get(key)) is not None:
            plan.suggestions += [(s.event, e, why) for e, why in again.probable]
            if again.event is not None:
                plan.suggestions.append((s.event, again.event, "told alike (re-extraction)"))
    made = BatchEvents()
    for i, x in enumerate(batch):
        article = articles[i]
        main: tuple[Event, Telling] | None = None
        for item in sorted(x.result.events, key=lambda e: not e.main):
            planned = announced[i, item.key]
            source = sources.get((article.pk, item.key))
            if source is not None and source.pk not in plan.detached:
                event = _plan_known_source(
                    plan, source, item, actors, planned=planned, owner=first_source[source.event_id]
                )
                if item.main:
                    main = (event, telling(item, actors))
                continue
            told = unmatched[i, item.key]
            event, probable = _identify(found.get((i, item.key)), made.find(told))
            listable = eventhood.listable(item)
            says = listable and eventhood.reported(item)  # whether those it names took part
            if event is None and not listable:
                # Talk about an event: a source of the article's own event if it fits, or nothing.
                if main is None or not nested(told, main[1]):
                    continue
                event = main[0]
            passage = article.raw_text[item.evidence_start : item.evidence_end]
            if event is None:
                people = headline_names(item, actors) if says else []
                values = machine_values(item, planned=planned, people=people, passage=passage)
                event = Event(passages=passages_text([passage]), source_count=1)
                apply_machine_values(event, values, said=item.date.value)
                plan.new_events.append(event)
                plan.new_roles[id(event)] = (event, roles(item, told=says))
                plan.suggestions += [(event, other, why) for other, why in probable]
                made.add(event, told)
            elif event.pk is None:  # made earlier in this batch: its people join
                for name, role in roles(item, told=says).items():
                    plan.new_roles[id(event)][1].setdefault(name, role)
                if all(e is not event for e in plan.rebuild):
                    plan.rebuild.append(event)
                made.widen(event, told)
            else:  # already on the timeline: another article tells it
                if machine_sets_participants(event):
                    plan.add_roles.setdefault(event.pk, {}).update(roles(item, told=says))
                plan.refresh.add(event.pk)
            if item.main:
                main = (event, told)
            plan.new_sources.append(_source(event, article, item, planned=planned))
    return plan


def _identify(in_timeline: Found | None, in_batch: Found) -> tuple[Event | None, list]:
    """The event a mention surely tells (the timeline's first), else the probable ones."""
    in_timeline = in_timeline or Found()
    event = in_timeline.event or in_batch.event
    if event is not None:
        return event, []
    return None, in_timeline.probable + in_batch.probable


def _plan_known_source(
    plan: _Plan,
    source: Source,
    item: ExtractedEvent,
    actors: dict[str, Actor],
    *,
    planned: bool,
    owner: int,
) -> Event:
    """An event this article told before: its source follows the new extraction, and so
    does the event's sentence when this article is its first source; the rest of the event
    is what all its sources agree on (``consensus``)."""
    event = plan.updated_events.get(source.event_id, source.event)
    plan.kept_sources.add(source.pk)
    for name, value in source_values(item, planned=planned).items():
        setattr(source, name, value)
    plan.changed_sources.append(source)
    if owner == source.pk and event.summary != item.summary[:500]:
        apply_machine_values(event, {"summary": item.summary[:500]}, said=item.date.value)
        plan.updated_events[event.pk] = event
        if machine_sets_participants(event):
            plan.replace_roles[event.pk] = roles(item, told=eventhood.reported(item))
    elif machine_sets_participants(event):
        plan.add_roles.setdefault(event.pk, {}).update(roles(item, told=eventhood.reported(item)))
    plan.refresh.add(event.pk)
    return event


def _source(event: Event, article: Article, item: ExtractedEvent, *, planned: bool) -> Source:
    return Source(event=event, article=article, **source_values(item, planned=planned))


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
    fields = list(source_fields())
    for is_main in (False, True):
        Source.objects.bulk_update(
            [s for s in plan.changed_sources if s.is_main == is_main], fields
        )
    with tallied_inserts():  # refresh_events counts them into their events' tallies
        copy_create(Source, plan.new_sources)


def _added_passages(plan: _Plan, *, reread: set[int]) -> dict[int, list[str]]:
    """The passages this batch adds to events; not for events whose passages must be read
    again (a source moved within its article, or went)."""
    added: dict[int, list[str]] = {}
    for source in plan.new_sources:
        text = source.article.raw_text[source.passage_start : source.passage_end]
        added.setdefault(source.event_id, []).append(text)
    moved = {s.event_id for s in plan.changed_sources} | reread
    return {pk: texts for pk, texts in added.items() if pk not in moved}


def _write_suggestions(plan: _Plan) -> None:
    """Probable matches, for editors: one row per pair, never again once decided."""
    pairs = {
        (min(a.pk, b.pk), max(a.pk, b.pk)): why for a, b, why in plan.suggestions if a.pk != b.pk
    }
    Suggestion.objects.bulk_create(
        [Suggestion(event_id=a, other_id=b, reason=why[:300]) for (a, b), why in pairs.items()],
        ignore_conflicts=True,
    )


def _remove_stale(stale: list[Source]) -> set[int]:
    """Sources a re-extracted article no longer yields go; so do their events, unless an
    editor touched them or another article backs them. The events that stay, told less."""
    if not stale:
        return set()
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
        Suggestion.objects.filter(Q(event_id__in=gone) | Q(other_id__in=gone)).delete()
        delete_with_history(Event, gone, "re-extracted")
    return {s.event_id for s in stale} - gone
