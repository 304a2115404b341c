"""What one extracted event says, as the store writes it: the claim its source keeps, the
values of an event it alone tells, its people and their roles, and how identity sees it."""

from __future__ import annotations

from articles.extraction import eventhood
from articles.extraction.headlines import fallback_sentence, short_name
from articles.extraction.types import ExtractedEvent
from timeline.corrections import machine_may_delete
from timeline.importing.consensus import CLAIM_FIELDS, Claim, agreed_values
from timeline.importing.identity import Telling
from timeline.models import Actor, ActorKind, Role, Source


def claim(item: ExtractedEvent, *, planned: bool) -> Claim:
    """What this extracted event says of the happening it tells."""
    return Claim(
        date=item.date.value,
        derivation=item.date.derivation,
        needs_review=item.date.needs_review,
        evidence=item.date.evidence,
        kind=item.kind,
        place=item.place or "",
        label=item.label,
        planned=planned,
    )


def machine_values(item: ExtractedEvent, *, planned: bool, people: list[str], passage: str) -> dict:
    """The event fields extraction fills for an event this item alone tells (``people``:
    its participants as a headline names them; ``passage``: its passage)."""
    fallback = fallback_sentence(item.summary, passage)
    values = agreed_values([claim(item, planned=planned)], people, fallback)
    return {"summary": item.summary[:500], **values}


def telling(item: ExtractedEvent, actors: dict[str, Actor], *, planned: bool = False) -> Telling:
    """The item as event identity compares it (``importing.identity``)."""
    start, end = item.date.interval()
    return Telling(
        kind=item.kind,
        start=start,
        end=end,
        # Who took part, as far as this passage tells: nobody when it only talks about it.
        people=frozenset(actors[n].pk for n in item.participants if eventhood.reported(item)),
        label=item.label,
        place=item.place or "",
        planned=planned,
    )


def headline_names(item: ExtractedEvent, actors: dict[str, Actor]) -> list[str]:
    return sorted(
        short_name(n) if actors[n].kind == ActorKind.PERSON else n for n in item.participants
    )


def roles(item: ExtractedEvent, *, told: bool = True) -> dict[str, str]:
    """Canonical name → role: who took part, then who is only mentioned. In a passage that
    only talks about the event (``told`` False), everyone named is only mentioned."""
    out = {name: Role.PARTICIPANT for name in item.participants if told}
    for name in item.mentioned:
        out.setdefault(name, Role.MENTIONED)
    return out


def source_values(item: ExtractedEvent, *, planned: bool) -> dict:
    start, end = item.date.interval()
    return {
        "extraction_key": item.key,
        "is_main": item.main,
        "passage_start": item.evidence_start,
        "passage_end": item.evidence_end,
        "date_evidence_start": item.date.evidence_start,
        "date_evidence_end": item.date.evidence_end,
        "date_precision": item.date.precision if start else "unknown",
        "date_start": start,
        "date_end": end,
        "date_derivation": item.date.derivation[:500],
        "date_evidence": item.date.evidence,
        "date_needs_review": item.date.needs_review,
        "kind": item.kind,
        "place": (item.place or "")[:120],
        "label": item.label[:200],
        "planned": planned,
    }


def source_fields() -> tuple[str, ...]:
    return (
        "is_main",
        "passage_start",
        "passage_end",
        "date_evidence_start",
        "date_evidence_end",
        *CLAIM_FIELDS,
    )


def detachable(source: Source, item: ExtractedEvent, *, told_by: int) -> bool:
    """A passage that was an event of its own and now only talks about one: its event goes
    (it has no other source and no editor touched it), the passage is placed afresh."""
    return (
        told_by == 1
        and not eventhood.listable(item)
        and machine_may_delete(source.event, other_sources=0)
    )
