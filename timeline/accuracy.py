"""How well the current extractor does on what editors have checked.

Every event an editor reviewed or corrected is gold: its date (and, when an editor settled its
participant list, its participants). The current extractor runs again over the articles behind
those events, without writing anything, and each source gets the verdict the benchmark
(`bench/accuracy.py`) uses: exact, coarse, miss, wrong or unsupported. Editors see whether a new
extractor is better before they re-extract.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from articles.extraction import extract_batch
from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.types import ExtractedArticle, ExtractedEvent
from timeline.corrections import DATE_FIELDS, PARTICIPANTS
from timeline.importing.registry import known_actors, known_events
from timeline.models import Event, Role, Source

VERDICTS = ("exact", "coarse", "miss", "wrong", "unsupported")


def verdict(claim: DateValue, truth: DateValue) -> str:
    """The benchmark's verdict of a claimed date against an editor's date (whose precision
    is what the text supports): exact, coarse, miss, wrong or unsupported."""
    if not claim.known:
        return "exact" if not truth.known else "miss"
    if not truth.known:
        return "unsupported"  # the editor said the sources do not tell when
    shared = min(len(claim.iso()), len(truth.iso()))
    if claim.iso()[:shared] != truth.iso()[:shared]:
        return "wrong"
    if claim.specificity > truth.specificity:
        return "unsupported"
    return "exact" if claim.specificity == truth.specificity else "coarse"


@dataclass(frozen=True)
class Checked:
    """One source of a checked event, and what the extractor says of it now."""

    event: Event
    source: Source
    said: DateValue
    verdict: str
    found_people: frozenset[str] = frozenset()
    gold_people: frozenset[str] | None = None  # None: the editor did not settle them


@dataclass
class AccuracyReport:
    checked: list[Checked] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(c.verdict for c in self.checked)

    @property
    def dated_rate(self) -> float | None:
        """Of the sources whose editor gave a date, the share the extractor gets exactly."""
        dated = [c for c in self.checked if c.event.date.known]
        return sum(c.verdict == "exact" for c in dated) / len(dated) if dated else None

    @property
    def bad_rate(self) -> float | None:
        """Wrong or over-precise, out of everything checked."""
        if not self.checked:
            return None
        return (self.counts["wrong"] + self.counts["unsupported"]) / len(self.checked)

    @property
    def participants(self) -> tuple[float, float, float] | None:
        """Precision, recall and F1 over events whose participant list an editor settled."""
        settled = [c for c in self.checked if c.gold_people is not None]
        if not settled:
            return None
        tp = sum(len(c.found_people & c.gold_people) for c in settled)
        fp = sum(len(c.found_people - c.gold_people) for c in settled)
        fn = sum(len(c.gold_people - c.found_people) for c in settled)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def summary(self) -> str:
        counts = self.counts
        parts = [f"{len(self.checked)} checked sources"]
        parts += [f"{counts[v]} {v}" for v in VERDICTS]
        if self.dated_rate is not None:
            parts.append(f"dated rate {self.dated_rate:.0%}")
        if self.bad_rate is not None:
            parts.append(f"bad rate {self.bad_rate:.0%}")
        if self.participants is not None:
            p, r, f1 = self.participants
            parts.append(f"participants P {p:.2f} R {r:.2f} F1 {f1:.2f}")
        return ", ".join(parts)


def checked_events():
    """Events an editor reviewed or corrected: their date is an editor's word."""
    return Event.objects.filter(locked_fields__overlap=list(DATE_FIELDS))


def measure(events=None) -> AccuracyReport:
    """Run the current extractor over the articles behind checked events; write nothing."""
    events = checked_events() if events is None else events
    sources = list(
        Source.objects.filter(event__in=events)
        .select_related("event", "article")
        .prefetch_related("event__participations__actor")
        .order_by("event__date_start", "event_id", "id")
    )
    articles = {s.article_id: s.article for s in sources}
    measured = {s.event_id for s in sources}
    # An event is not evidence for its own date.
    own = {f"event {pk} on the timeline" for pk in measured}
    known = [k for k in known_events() if k.source not in own]
    results = extract_batch(
        [(a.file_name, a.raw_text) for a in articles.values()],
        actors=known_actors(),
        known_events=known,
    )
    by_article = dict(zip(articles, results, strict=True))
    report = AccuracyReport()
    for source in sources:
        found = _counterpart(source, by_article[source.article_id])
        said = found.date.value if found else DateValue(Precision.UNKNOWN)
        event = source.event
        gold_people = None
        if PARTICIPANTS in event.locked_fields:
            gold_people = frozenset(
                p.actor.name for p in event.participations.all() if p.role == Role.PARTICIPANT
            )
        report.checked.append(
            Checked(
                event=event,
                source=source,
                said=said,
                verdict=verdict(said, event.date),
                found_people=frozenset(found.participants if found else ()),
                gold_people=gold_people,
            )
        )
    return report


def _counterpart(source: Source, extracted: ExtractedArticle) -> ExtractedEvent | None:
    """The extracted event that stands for this source: the main event for a main source,
    else the same key, else the event whose evidence overlaps the source's passage."""
    events = extracted.events
    if source.is_main:
        return next((e for e in events if e.main), None)
    same = next((e for e in events if e.key == source.extraction_key), None)
    if same is not None:
        return same
    return next(
        (
            e
            for e in events
            if e.evidence_start < source.passage_end and source.passage_start < e.evidence_end
        ),
        None,
    )
