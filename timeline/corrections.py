"""The rule this product keeps above all: an editor's correction is never overwritten.

A value an editor sets is locked against the machine (``Event.locked_fields``): re-importing
or re-extracting an article, a changed extractor, or one that no longer finds the event never
undoes it. Locks only grow through editing; ``unlock_events`` is the one way to hand a field
back to the machine. The editors' side (``apply_correction`` and friends) and the machine's
side (``apply_machine_values``, ``machine_sets_participants``, ``machine_may_delete``) both
live here, so the rule is read, changed and tested (``tests/test_corrections.py``) in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.extraction.datevalue import DateValue
from timeline.models import MACHINE_FIELDS, PRECISION_RANK, Event, validate_date

DATE_FIELDS = ("date_precision", "date_start", "date_end")
# Not a column: a lock on the event's participant list as a whole.
PARTICIPANTS = "participants"
# Fields whose disagreement with an editor sends the event back to review.
_DISAGREEING = ("date_precision", "date_start", "summary", "place", "kind")


def lockable_changes(*, before: Event | None, after: Event) -> set[str]:
    """The machine fields whose value differs between two states of an event.

    A date is one value: a change to any part of it locks precision, first and last day
    together. Confirming an event as reviewed confirms its date too, so that the machine
    cannot later move a date an editor has checked.
    """
    if before is None:
        return set(MACHINE_FIELDS)
    changed = {name for name in MACHINE_FIELDS if getattr(before, name) != getattr(after, name)}
    if changed & set(DATE_FIELDS) or (before.needs_review and not after.needs_review):
        changed |= set(DATE_FIELDS)
    return changed


@transaction.atomic
def apply_correction(*, event: Event, values: Mapping[str, Any] | None = None) -> set[str]:
    """Save an editor's values on an event and lock every field they change.

    ``event`` may already carry the new values (as a bound admin form leaves it); ``values``
    sets more. Returns the field names newly locked. When the date changes and the editor
    did not rewrite its derivation, the derivation says so, keeping what the machine said.
    """
    for name, value in (values or {}).items():
        setattr(event, name, value)
    errors = validate_date(event.date_precision, event.date_start, event.date_end)
    if errors:
        raise ValidationError(errors)
    before = Event.objects.select_for_update().filter(pk=event.pk).first() if event.pk else None
    changed = lockable_changes(before=before, after=event)
    date_changed = before is not None and any(
        getattr(before, name) != getattr(event, name) for name in DATE_FIELDS
    )
    if date_changed and before.date_derivation == event.date_derivation:
        was = before.date.label
        why = f": {before.date_derivation}" if before.date_derivation else ""
        event.date_derivation = f"corrected by an editor (the extractor said {was}{why})"[:500]
        changed.add("date_derivation")
    already = set(before.locked_fields) if before else set(event.locked_fields)
    event.locked_fields = sorted(already | changed)
    if before is None:
        event.save()
    else:
        # Only what an editor controls: an event rebuilt from history (a revert) lacks the
        # columns history does not keep, such as the searchable passages.
        event.save(update_fields=[*MACHINE_FIELDS, "locked_fields", "precision_rank", "updated_at"])
    return changed - already


@transaction.atomic
def lock_participants(*, event: Event) -> bool:
    """Lock an event's participant list after an editor changed it; True if newly locked."""
    current = Event.objects.select_for_update().get(pk=event.pk)
    if PARTICIPANTS in current.locked_fields:
        return False
    event.locked_fields = sorted({*current.locked_fields, PARTICIPANTS})
    Event.objects.filter(pk=event.pk).update(locked_fields=event.locked_fields)
    # The change was recorded in history by the save just before: record the lock with it.
    latest = event.history.order_by("-history_date", "-history_id").first()
    if latest is not None:
        type(latest).objects.filter(pk=latest.pk).update(locked_fields=event.locked_fields)
    return True


@transaction.atomic
def mark_reviewed(*, events: Iterable[Event]) -> int:
    """Take events off the review queue; their dates count as checked, and lock."""
    count = 0
    for event in Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]):
        locks = {"needs_review", *DATE_FIELDS}
        if not event.needs_review and locks <= set(event.locked_fields):
            continue
        event.needs_review = False
        event.locked_fields = sorted(set(event.locked_fields) | locks)
        event.save()
        count += 1
    return count


@transaction.atomic
def unlock_events(*, events: Iterable[Event]) -> int:
    """Hand every field of these events back to the machine at the next extraction."""
    count = 0
    for event in Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]):
        if not event.locked_fields:
            continue
        event.locked_fields = []
        event.save()
        count += 1
    return count


# -- The machine's side ---------------------------------------------------------------------


def apply_machine_values(event: Event, values: Mapping[str, Any], *, said: DateValue) -> None:
    """Set what extraction found on an event, except fields an editor locked.

    Where a locked value differs from what the machine now says (``said`` is the machine's
    date), the disagreement is recorded and the event goes back to review; the editor's
    values themselves stay. A date is one value: locking its interval locks its precision.
    """
    disagreements = []
    locked = set(event.locked_fields)
    if {"date_start", "date_end"} & locked:
        locked |= set(DATE_FIELDS)
    for name, value in values.items():
        if name in locked:
            if getattr(event, name) != value and name in _DISAGREEING:
                disagreements.append(name)
            continue
        setattr(event, name, value)
    if disagreements and event.pk:
        message = (
            f"extractor now says {said.iso() or 'date unknown'} ({said.precision}), "
            f"editor said {event.date_label}; differs in {', '.join(disagreements)}"
        )[:500]
        if message != event.machine_disagreement:
            # A new disagreement goes back to the review queue, even for a reviewed event.
            event.needs_review = True
        event.machine_disagreement = message
    elif event.pk:
        event.machine_disagreement = ""
    event.precision_rank = PRECISION_RANK[event.date_precision]


def machine_sets_participants(event: Event) -> bool:
    """Whether extraction may change who took part: not once an editor changed the list."""
    return PARTICIPANTS not in event.locked_fields


def machine_may_delete(event: Event, *, other_sources: int) -> bool:
    """An event its article no longer yields goes, unless an editor touched it or another
    article still backs it."""
    return not event.locked_fields and other_sources == 0


__all__ = [
    "DATE_FIELDS",
    "PARTICIPANTS",
    "apply_correction",
    "apply_machine_values",
    "lock_participants",
    "lockable_changes",
    "machine_may_delete",
    "machine_sets_participants",
    "mark_reviewed",
    "unlock_events",
]
