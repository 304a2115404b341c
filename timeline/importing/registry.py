"""Who and what the import already knows: the actor registry and the timeline's named events,
as extraction needs them, and the actors an article's events name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django.utils.text import slugify

from articles.extraction import load_default_actors
from articles.extraction.types import (
    DateClaim,
    ExtractedArticle,
    KnownActor,
    KnownEvent,
    NewActor,
)
from timeline.models import Actor, ActorKind, Event


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
    shipped = _shipped()
    # Every import runs this: one look-up of the shipped slugs settles it when all are there.
    existing = set(
        Actor.objects.filter(slug__in={slug for slug, _ in shipped}).values_list("slug", flat=True)
    )
    if all(slug in existing for slug, _ in shipped):
        return 0
    # A shipped actor an editor merged into another lives on as an alias: not recreated.
    existing |= {
        slugify(alias)
        for aliases in Actor.objects.values_list("aliases", flat=True)
        for alias in aliases
    }
    missing = [
        Actor(
            name=a.name,
            slug=slug,
            kind=a.kind,
            aliases=list(a.aliases),
            offices=list(a.offices),
            office=office_text(a.offices),
        )
        for slug, a in shipped
        if slug not in existing
    ]
    Actor.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


@cache
def _shipped() -> tuple[tuple[str, KnownActor], ...]:
    return tuple((slugify(a.name), a) for a in load_default_actors())


def office_text(offices: Iterable[dict]) -> str:
    """ "President (2003–)" for the offices an actor held ("Deputy Minister" when undated)."""
    parts = []
    for office in offices:
        if office.get("from") or office.get("to"):
            span = f"{office.get('from') or '?'}–{office.get('to') or ''}"
            parts.append(f"{office['title']} ({span})")
        else:
            parts.append(office["title"])
    return "; ".join(parts)


def written_office(person: NewActor) -> dict:
    """A new person's office as the text wrote it, undated, with the country and the
    organisation it names (for editors to check and date)."""
    office = {"title": person.office[:300]}
    if person.country:
        office["country"] = person.country
    if person.organisation:
        office["organisation"] = person.organisation
    return office


def known_events() -> list[KnownEvent]:
    """Labelled, dated events already on the timeline: other articles can be dated from them.

    Extraction keeps the first date listed for a name, so the most precise come first; and
    of the many events one document's name labels (thousands, once every article mentioning
    it is imported), only the first of each label is read.
    """
    firsts = (
        Event.objects.exclude(label="")
        .exclude(date_start=None)
        .exclude(needs_review=True)
        .order_by("label", "precision_rank", "id")
        .distinct("label")
        .only("label", "date_precision", "date_start", "precision_rank")
    )
    out = []
    for event in sorted(firsts, key=lambda e: (e.precision_rank, e.pk)):
        value = event.date
        out.append(
            KnownEvent(
                label=event.label,
                date=DateClaim(value.precision, value.year, value.month, value.day),
                source=f"event {event.pk} on the timeline",
            )
        )
    return out


def register_new_actors(extracted: Iterable[ExtractedArticle]) -> None:
    """People the texts introduce with an office: added unreviewed, for editors to confirm."""
    Actor.objects.bulk_create(
        [
            Actor(
                name=p.name[:200],
                slug=slugify(p.name)[:200],
                kind=ActorKind.PERSON,
                reviewed=False,
                office=p.office[:300],
                offices=[written_office(p)],
            )
            for x in extracted
            for p in x.new_actors
            if slugify(p.name)
        ],
        ignore_conflicts=True,
    )


def actors_by_name(names: set[str], cache: dict[str, Actor]) -> dict[str, Actor]:
    """Actors by canonical name, created (unreviewed) when missing; ``cache`` spares queries
    across the batches of one import."""
    missing = names - cache.keys()
    if missing:
        cache.update({a.name: a for a in Actor.objects.filter(name__in=missing)})
    unknown = sorted(names - cache.keys())
    if unknown:
        slugs = {name: slugify(name)[:200] or "actor" for name in unknown}
        Actor.objects.bulk_create(
            [Actor(name=n, slug=s, reviewed=False) for n, s in slugs.items()],
            ignore_conflicts=True,
        )
        by_slug = {a.slug: a for a in Actor.objects.filter(slug__in=set(slugs.values()))}
        cache.update({name: by_slug[slug] for name, slug in slugs.items()})
    return {n: cache[n] for n in names}
