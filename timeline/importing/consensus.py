"""What an event's sources agree on: its date, kind, place, name, headline and passages.

Every source keeps what its passage says (``Source.date_*``, ``kind``, ``place``, ``label``,
``planned``); the event shows what they agree on. Its date is the most precise one all its
sources fit ("February 2022" and "22 February 2022" agree on the day); sources that disagree
leave the finest date they share and send the event to review, each source's date kept for
editors and readers to compare. A field an editor corrected stays theirs
(``corrections.apply_machine_values``). Imports and merges call ``refresh_events``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import F
from django.db.models.functions import Substr

from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.eventhood import TALK_KINDS
from articles.extraction.headlines import fallback_sentence, headline, short_name
from articles.extraction.known_events import label_key
from timeline.corrections import apply_machine_values
from timeline.importing.history import Change, record_history
from timeline.importing.passages import passages_text
from timeline.importing.tallying import CLAIM_FIELDS, counted, keep_tallies, tallied
from timeline.models import MACHINE_FIELDS, ActorKind, Event, Participation, Role, Source


@dataclass(frozen=True)
class Claim:
    """What one source says of its event (in the order the sources came)."""

    date: DateValue
    derivation: str = ""
    needs_review: bool = False
    evidence: str = ""
    kind: str = "other"
    place: str = ""
    label: str = ""
    planned: bool = False


def agreed_date(
    claims: Sequence[Claim], counts: Sequence[int] | None = None
) -> tuple[DateValue, str, bool, str]:
    """The date, its explanation, whether it needs review, and its evidence (``counts``: how
    many sources make each claim, one each when not given)."""
    counts = counts or [1] * len(claims)
    told = sum(n for c, n in zip(claims, counts, strict=True) if c.date.known)
    known = [c for c in claims if c.date.known]
    if not known:
        first = claims[0] if claims else Claim(DateValue(Precision.UNKNOWN))
        return first.date, first.derivation, True, first.evidence
    # The first of the most precise (``max`` keeps the first of equals).
    finest = max(known, key=lambda c: c.date.specificity)
    start, end = finest.date.interval()
    # Each different date once: many sources of an event give the same.
    if all(d.first <= start and end <= d.last for d in {c.date for c in known}):
        if told == 1:
            return finest.date, finest.derivation, finest.needs_review, finest.evidence
        # Not how many: the explanation stays the same as more sources tell the event.
        why = f"the sources agree; the most precise: {finest.derivation}"
        return finest.date, why[:500], finest.needs_review, finest.evidence
    shared = _shared(c.date for c in known) or known[0].date
    dates = ", ".join(dict.fromkeys(c.date.label for c in known))
    why = f"the sources disagree ({dates}); {shared.label} is what they share"
    return shared, why[:500], True, finest.evidence


def _shared(dates: Iterable[DateValue]) -> DateValue | None:
    """The finest month or year every date falls in, if any."""
    dates = list(dates)
    years = {d.year for d in dates}
    if len(years) != 1:
        return None
    months = {d.month for d in dates}
    if None not in months and len(months) == 1:
        return DateValue(Precision.MONTH, dates[0].year, dates[0].month)
    return DateValue(Precision.YEAR, dates[0].year)


def _most_common(values: Iterable[str], weights: Iterable[int], key=lambda v: v) -> str:
    """The value most sources give (the first of equals); ``weights``: how many give each."""
    counts: Counter = Counter()
    given = []
    for value, weight in zip(values, weights, strict=True):
        if value:
            counts[key(value)] += weight
            given.append(value)
    if not given:
        return ""
    top = max(counts.values())
    return next(v for v in given if counts[key(v)] == top)


@lru_cache(maxsize=4096)
def _label_key(label: str) -> frozenset[str] | str:
    return label_key(label) or label


def agreed_values(
    claims: Sequence[Claim],
    people: Sequence[str],
    fallback: str,
    counts: Sequence[int] | None = None,
) -> dict:
    """The machine values of an event told by ``claims`` (first source first; ``counts``: how
    many sources make each, one each when not given), whose participants are ``people`` as a
    headline names them; ``fallback`` is its sentence."""
    counts = counts or [1] * len(claims)
    date, derivation, needs_review, evidence = agreed_date(claims, counts)
    start, end = date.interval()
    specific = [
        (c.kind, n) for c, n in zip(claims, counts, strict=True) if c.kind not in TALK_KINDS
    ]
    kind = _most_common([k for k, _ in specific], [n for _, n in specific]) or (
        claims[0].kind if claims else "other"
    )
    place = _most_common([c.place for c in claims], counts)
    label = _most_common([c.label for c in claims], counts, key=_label_key)
    planned = bool(claims) and all(c.planned for c in claims)
    return {
        "title": headline(
            kind=kind, people=people, label=label, place=place, planned=planned, fallback=fallback
        )[:200],
        "kind": kind,
        "place": place[:120],
        "label": label[:200],
        "date_precision": date.precision if start else Precision.UNKNOWN,
        "date_start": start,
        "date_end": end,
        "date_evidence": evidence,
        "date_derivation": derivation[:500],
        "needs_review": needs_review,
        "planned": planned,
    }


def refresh_events(
    event_ids: Iterable[int],
    *,
    reason: str = "sources agree",
    added: Mapping[int, list[str]] | None = None,
    grown: Mapping[int, list[tuple[int, tuple]]] | None = None,
) -> None:
    """Rebuild these events from their sources: what they agree on, how many they are, and
    passages. ``added``: the passages this batch adds to events (kept ones are not read
    again); ``grown``: the claims of the sources this batch adds to events, with their
    articles, all new (an event keeping its tally is counted from it and these alone). A few
    queries and one update."""
    ids = set(event_ids)
    if not ids:
        return
    added = added or {}
    grown = {pk: rows for pk, rows in (grown or {}).items() if pk in ids}
    tallies, articles = tallied(grown)
    recounted, recounted_articles = counted(ids - tallies.keys())
    tallies.update(recounted)
    articles.update(recounted_articles)
    made: dict[tuple, Claim] = {}
    claims: dict[int, list[Claim]] = {}
    for event_id, rows in tallies.items():
        claims[event_id] = [made.get(r) or made.setdefault(r, _claim(r)) for r in rows]
    passages = _passages(ids - added.keys())
    people: dict[int, list[str]] = defaultdict(list)
    for event_id, name, kind in Participation.objects.filter(
        event_id__in=ids, role=Role.PARTICIPANT
    ).values_list("event_id", "actor__name", "actor__kind"):
        people[event_id].append(short_name(name) if kind == ActorKind.PERSON else name)
    changed: dict[frozenset[str], list[Event]] = defaultdict(list)
    told = []
    for event in Event.objects.filter(pk__in=ids).defer("search_vector"):
        before = {name: getattr(event, name) for name in _WRITTEN}
        if event.pk in added:
            event.passages = passages_text(added[event.pk], start=event.passages)
        else:
            event.passages = passages_text(passages[event.pk])
        if claims.get(event.pk):
            fallback = fallback_sentence(event.summary, event.passages.split("\n", 1)[0])
            values = agreed_values(
                claims[event.pk],
                sorted(people[event.pk]),
                fallback,
                list(tallies[event.pk].values()),
            )
            said = DateValue.from_start(values["date_precision"], values["date_start"])
            apply_machine_values(event, values, said=said)
        event.source_count = articles.get(event.pk, 0)  # articles; one may tell it twice
        fields = frozenset(n for n, value in before.items() if getattr(event, n) != value)
        if fields & set(MACHINE_FIELDS):
            told.append(event.pk)
        if fields:
            changed[fields].append(event)
    # Most events change only in their passages and count: only what changed is written.
    if changed:
        fields = sorted(frozenset().union(*changed))
        update_rows([e for events in changed.values() for e in events], fields)
    record_history(Event, told, Change.CHANGED, reason)
    keep_tallies({pk: tallies.get(pk, {}) for pk in ids}, articles)


def update_rows(events: Sequence[Event], fields: Sequence[str]) -> None:
    """``bulk_update`` in one plain statement: UPDATE ... FROM (VALUES ...), each value cast
    to its column's type (building Django's CASE expressions costs more than the update)."""
    columns = [Event._meta.get_field(name) for name in fields]
    casts = ", ".join(f"%s::{f.db_type(connection)}" for f in columns)
    rows = ", ".join(f"(%s::bigint, {casts})" for _ in events)
    names = ", ".join(f.column for f in columns)
    assignments = ", ".join(f'"{f.column}" = v."{f.column}"' for f in columns)
    params = [
        value
        for event in events
        for value in [
            event.pk,
            *(f.get_db_prep_save(getattr(event, f.attname), connection) for f in columns),
        ]
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Event._meta.db_table} AS e SET {assignments} "
            f"FROM (VALUES {rows}) AS v(id, {names}) WHERE e.id = v.id",
            params,
        )


_WRITTEN = (
    *MACHINE_FIELDS,
    "machine_disagreement",
    "precision_rank",
    "passages",
    "source_count",
)


def _passages(ids: set[int]) -> dict[int, list[str]]:
    """Each source's passage of these events, in the order the sources came."""
    found: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return found
    length = F("passage_end") - F("passage_start")
    for event_id, text in (
        Source.objects.filter(event_id__in=ids)
        .order_by("event_id", "id")
        .annotate(text=Substr("article__raw_text", F("passage_start") + 1, length))
        .values_list("event_id", "text")
    ):
        found[event_id].append(text)
    return found


def _claim(values: tuple) -> Claim:
    row = dict(zip(CLAIM_FIELDS, values, strict=True))
    return Claim(
        date=DateValue.from_start(row["date_precision"], row["date_start"]),
        derivation=row["date_derivation"],
        needs_review=row["date_needs_review"],
        evidence=row["date_evidence"],
        kind=row["kind"],
        place=row["place"],
        label=row["label"],
        planned=row["planned"],
    )


__all__ = [
    "CLAIM_FIELDS",
    "Claim",
    "agreed_date",
    "agreed_values",
    "refresh_events",
]
