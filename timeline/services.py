"""Editor-side writes beyond a single correction: merges, actor reviews and the editors'
accounts. Every function here is keyword-only and runs in one transaction; what an editor
sets stays locked against the machine (see ``timeline.corrections``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import Count, Q

from timeline.corrections import DATE_FIELDS, PARTICIPANTS
from timeline.importing.consensus import refresh_events
from timeline.importing.passages import passages_text
from timeline.models import (
    MACHINE_FIELDS,
    Actor,
    Decision,
    Event,
    Participation,
    Role,
    Source,
    Suggestion,
)

EDITORS_GROUP = "Editors"
# Exactly what an editor needs. Participations are the rows linking actors to events, so
# correcting who took part means adding and removing them; articles are only ever added
# (uploaded) and read, never changed or deleted: their text is the evidence.
EDITOR_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "timeline": {
        "event": ("view", "change"),
        "actor": ("view", "change"),
        "participation": ("view", "add", "change", "delete"),
        "source": ("view", "change"),
    },
    "articles": {"article": ("view", "add")},
}


@transaction.atomic
def mark_actors_reviewed(*, actors: Iterable[Actor]) -> int:
    count = 0
    for actor in Actor.objects.select_for_update().filter(
        pk__in=[a.pk for a in actors], reviewed=False
    ):
        actor.reviewed = True
        actor.save()
        count += 1
    return count


def oldest_event(events: Sequence[Event]) -> Event:
    return min(events, key=lambda e: (e.created_at, e.pk))


@transaction.atomic
def merge_events(*, events: Sequence[Event], keep: Event | None = None) -> Event:
    """Fold duplicate events into one (the oldest unless ``keep`` is given).

    Sources and participations move to the kept event without duplicating a participation
    (someone who took part in any duplicate took part in the merged event). An editor's
    correction on a duplicate wins over a machine value on the kept event; the merged
    participant list is an editor's decision, so it locks.
    """
    ids = {e.pk for e in events} | ({keep.pk} if keep else set())
    if len(ids) < 2:
        raise ValueError("Choose at least two events to merge.")
    rows = list(Event.objects.select_for_update().filter(pk__in=ids).order_by("created_at", "pk"))
    target = next(e for e in rows if e.pk == keep.pk) if keep else oldest_event(rows)
    others = [e for e in rows if e.pk != target.pk]

    locked = set(target.locked_fields)
    for other in others:
        taken = set(other.locked_fields) - locked
        if taken & set(DATE_FIELDS):
            taken |= set(DATE_FIELDS)
        for name in taken & set(MACHINE_FIELDS):
            setattr(target, name, getattr(other, name))
        locked |= set(other.locked_fields) | taken

    participations = {p.actor_id: p for p in target.participations.all()}
    for other in others:
        for moving in other.participations.all():
            present = participations.get(moving.actor_id)
            if present is None:
                moving.event = target
                moving.save()
                participations[moving.actor_id] = moving
                locked.add(PARTICIPANTS)
                continue
            if moving.role == Role.PARTICIPANT and present.role != Role.PARTICIPANT:
                present.role = Role.PARTICIPANT
                present.save()
            moving.delete()
    Source.objects.filter(event__in=others).update(event=target)

    target.locked_fields = sorted(locked)
    target.passages = passages_text(
        s.passage for s in Source.objects.filter(event=target).select_related("article")
    )
    target.save()
    # Suggestions about a duplicate now concern the merged event (those between the merged
    # events themselves are settled).
    _repoint_suggestions(target, others)
    Event.objects.filter(pk__in=[e.pk for e in others]).delete()
    refresh_events([target.pk], reason="merged")  # what all the sources agree on now
    target.refresh_from_db()
    return target


def _repoint_suggestions(target: Event, others: Sequence[Event]) -> None:
    gone = {e.pk for e in others}
    rows = Suggestion.objects.filter(Q(event_id__in=gone) | Q(other_id__in=gone))
    kept = []
    for row in rows:
        pair = {target.pk if pk in gone else pk for pk in (row.event_id, row.other_id)}
        if len(pair) == 2:
            kept.append(
                Suggestion(
                    event_id=min(pair), other_id=max(pair), reason=row.reason, decision=row.decision
                )
            )
    rows.delete()
    Suggestion.objects.bulk_create(kept, ignore_conflicts=True)


@transaction.atomic
def decide_suggestion(*, suggestion: Suggestion, merge: bool) -> Event | None:
    """An editor's answer to "probably the same": merge the two events (into the older), or
    keep them apart, which the import remembers (the pair is never suggested again)."""
    if merge:
        return merge_events(events=[suggestion.event, suggestion.other])
    Suggestion.objects.filter(pk=suggestion.pk).update(decision=Decision.APART)
    return None


def busiest_actor(actors: Sequence[Actor]) -> Actor:
    """The actor with the most participations (the oldest on a tie): the default merge target."""
    counts = dict(
        Participation.objects.filter(actor__in=actors)
        .values("actor")
        .annotate(n=Count("id"))
        .values_list("actor", "n")
    )
    return min(actors, key=lambda a: (-counts.get(a.pk, 0), a.created_at, a.pk))


@transaction.atomic
def merge_actors(*, into: Actor, others: Sequence[Actor]) -> Actor:
    """Fold duplicate actors into ``into``: every participation moves (one per event), and
    the duplicates' names and aliases become aliases, so extraction finds the merged actor
    under any of them."""
    target = Actor.objects.select_for_update().get(pk=into.pk)
    rows = list(
        Actor.objects.select_for_update()
        .filter(pk__in=[a.pk for a in others])
        .exclude(pk=target.pk)
        .order_by("pk")
    )
    if not rows:
        raise ValueError("Choose at least two actors to merge.")
    present = {p.event_id: p for p in target.participations.all()}
    aliases = list(target.aliases)
    for other in rows:
        for moving in other.participations.all():
            kept = present.get(moving.event_id)
            if kept is None:
                moving.actor = target
                moving.save()
                present[moving.event_id] = moving
                continue
            if moving.role == Role.PARTICIPANT and kept.role != Role.PARTICIPANT:
                kept.role = Role.PARTICIPANT
                kept.save()
            moving.delete()
        aliases += [other.name, *other.aliases]
        target.office = target.office or other.office
        target.offices = target.offices or other.offices
    seen = {target.name.casefold()}
    target.aliases = [a for a in aliases if not (a.casefold() in seen or seen.add(a.casefold()))]
    target.save()
    Actor.objects.filter(pk__in=[a.pk for a in rows]).delete()
    return target


@transaction.atomic
def ensure_editors_group() -> Group:
    """Create or update the Editors group so it holds exactly ``EDITOR_PERMISSIONS``."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    wanted = {
        (app, f"{action}_{model}")
        for app, models in EDITOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    perms = [
        p
        for p in Permission.objects.filter(
            content_type__app_label__in=EDITOR_PERMISSIONS,
            codename__in=[codename for _, codename in wanted],
        ).select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in perms}
    if missing:
        raise RuntimeError(f"permissions missing (run migrate first): {sorted(missing)}")
    group.permissions.set(perms)
    return group


@transaction.atomic
def create_editor(
    *, username: str, password: str | None = None, email: str = ""
) -> tuple[Any, bool]:
    """A staff account in the Editors group; True when the account is new.

    An existing account keeps its password unless one is given. A new account needs one:
    no password is ever invented.
    """
    user_model = get_user_model()
    group = ensure_editors_group()
    user = user_model.objects.filter(username=username).first()
    created = user is None
    if created:
        if not password:
            raise ValueError("A new editor needs a password.")
        user = user_model(username=username, email=email)
    if password:
        validate_password(password, user)
        user.set_password(password)
    if email:
        user.email = email
    user.is_staff = True
    user.is_active = True
    user.save()
    user.groups.add(group)
    return user, created
