"""Events, the actors who took part in them, and the articles that back them."""

from __future__ import annotations

import datetime as dt

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.extraction.datevalue import RANK, DateValue, Precision
from articles.extraction.kinds import EventKind as ExtractedKind
from timeline.querysets import ActorQuerySet, EventQuerySet

DatePrecision = models.TextChoices(
    "DatePrecision", [(p.name, (p.value, p.value)) for p in Precision]
)


# The event fields extraction may fill; an editor's correction of any of them locks it.
MACHINE_FIELDS = (
    "title",
    "summary",
    "kind",
    "place",
    "label",
    "date_precision",
    "date_start",
    "date_end",
    "date_evidence",
    "date_derivation",
    "needs_review",
    "planned",
)

SEARCHED_FIELDS = ("summary", "label", "place", "passages")
PRECISION_RANK = {str(p): rank for p, rank in RANK.items()}


class ActorKind(models.TextChoices):
    PERSON = "person", "person"
    COUNTRY = "country", "country"
    ORGANISATION = "organisation", "organisation"


# Extraction names the kinds (``articles.extraction.kinds.EventKind``); pages label them.
EVENT_KIND_LABELS = {
    ExtractedKind.VISIT: "visit",
    ExtractedKind.MEETING: "talks or meeting",
    ExtractedKind.CALL: "phone call",
    ExtractedKind.AGREEMENT: "agreement or signing",
    ExtractedKind.STATEMENT: "statement",
    ExtractedKind.INCIDENT: "incident",
    ExtractedKind.ECONOMIC: "economic",
    ExtractedKind.OTHER: "other",
}
EventKind = models.TextChoices(
    "EventKind", [(k.name, (k.value, EVENT_KIND_LABELS[k])) for k in ExtractedKind]
)


class Role(models.TextChoices):
    PARTICIPANT = "participant", "took part"
    MENTIONED = "mentioned", "mentioned"


class Actor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=12, choices=ActorKind.choices, default=ActorKind.PERSON)
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other spellings and names, comma-separated.",
    )
    office = models.CharField(max_length=300, blank=True)
    offices = models.JSONField(
        default=list,
        blank=True,
        help_text='Offices held: [{"title": "President of Russia", "from": 2000, "to": 2008}]',
    )
    reviewed = models.BooleanField(
        default=True, help_text="False for actors the extractor found and nobody has checked yet."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [GinIndex(fields=["aliases"], name="actor_aliases_gin")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actor_detail", args=[self.slug])


class Event(models.Model):
    title = models.CharField(max_length=200, blank=True, help_text="The headline readers scan.")
    summary = models.CharField(
        max_length=500, help_text="The sentence of the first source that reports the event."
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices, default=EventKind.OTHER)
    place = models.CharField(max_length=120, blank=True)
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text='A name the event is known by ("Declaration on Allied Interaction"); other '
        "articles that mention it by name can be dated from it.",
    )

    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_start = models.DateField(null=True, blank=True, help_text="First day the date can mean.")
    date_end = models.DateField(null=True, blank=True, help_text="Last day the date can mean.")
    precision_rank = models.PositiveSmallIntegerField(default=3, editable=False)
    date_evidence = models.TextField(blank=True, help_text="The words that justify the date.")
    date_derivation = models.CharField(
        max_length=500, blank=True, help_text="How the date was derived, in words."
    )
    needs_review = models.BooleanField(default=False)
    planned = models.BooleanField(
        default=False, help_text="Announced, and no source reports it has happened yet."
    )
    source_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many articles tell this event."
    )

    locked_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        help_text="Fields an editor corrected: extraction never overwrites them.",
    )
    machine_disagreement = models.CharField(
        max_length=500,
        blank=True,
        help_text="What the extractor says now where it differs from an editor's correction.",
    )
    passages = models.TextField(
        blank=True,
        editable=False,
        help_text="The supporting passages of all sources, kept for full-text search.",
    )
    search_vector = models.GeneratedField(
        # English and Russian stems, and the words as written (Azerbaijani has no stemmer).
        expression=(
            SearchVector(*SEARCHED_FIELDS, config="english")
            + SearchVector(*SEARCHED_FIELDS, config="russian")
            + SearchVector(*SEARCHED_FIELDS, config="simple")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["search_vector", "passages", "updated_at", "source_count"]
    )

    class Meta:
        ordering = ["date_start", "precision_rank", "id"]
        indexes = [
            models.Index(fields=["date_start", "precision_rank", "id"], name="event_chrono_idx"),
            # Newest first puts undated events last, as the query says: NULLS LAST.
            models.Index(
                models.F("date_end").desc(nulls_last=True),
                "precision_rank",
                models.F("id").desc(),
                name="event_newest_idx",
            ),
            # A kind's events in the chronology's order: deep pages skip rows in the index.
            models.Index(
                fields=["kind", "date_start", "precision_rank", "id"], name="event_kind_idx"
            ),
            # Named documents by kind and day: what a mention naming one is compared with.
            models.Index(
                fields=["kind", "date_start"], condition=~models.Q(label=""), name="event_named_idx"
            ),
            models.Index(fields=["place"], name="event_place_idx"),
            models.Index(fields=["needs_review", "date_start"], name="event_review_idx"),
            GinIndex(fields=["search_vector"], name="event_search_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        date_precision="unknown", date_start__isnull=True, date_end__isnull=True
                    )
                    | (
                        ~models.Q(date_precision="unknown")
                        & models.Q(date_start__isnull=False, date_end__isnull=False)
                    )
                ),
                name="event_date_present_unless_unknown",
            ),
            models.CheckConstraint(
                condition=models.Q(date_end__gte=models.F("date_start"))
                | models.Q(date_start__isnull=True),
                name="event_date_interval_ordered",
            ),
            models.CheckConstraint(
                condition=~models.Q(date_precision="day")
                | models.Q(date_end=models.F("date_start")),
                name="event_day_precision_is_one_day",
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=["year", "month", "day", "unknown"]),
                name="event_date_precision_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values), name="event_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_label}: {self.heading}"

    def save(self, *args, **kwargs) -> None:
        self.precision_rank = PRECISION_RANK.get(self.date_precision, 3)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("event_detail", args=[self.pk])

    def clean(self) -> None:
        errors = validate_date(self.date_precision, self.date_start, self.date_end)
        if errors:
            raise ValidationError(errors)

    @property
    def heading(self) -> str:
        """What a reader sees as the event's name: its headline, or its sentence if none."""
        return self.title or self.summary

    @property
    def date(self) -> DateValue:
        return DateValue.from_start(self.date_precision, self.date_start)

    @property
    def date_label(self) -> str:
        return self.date.label

    @property
    def year(self) -> int | None:
        return self.date_start.year if self.date_start else None


def interval_for(precision: str, start: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date at this precision can mean."""
    return DateValue.from_start(precision, start).interval()


def validate_date(precision: str, start: dt.date | None, end: dt.date | None) -> dict:
    errors: dict[str, str] = {}
    if precision == DatePrecision.UNKNOWN:
        if start or end:
            errors["date_start"] = "An unknown date has no day, month or year: clear the dates."
    elif start is None or end is None:
        errors["date_start"] = f"A date of {precision} precision needs its first and last day."
    elif end < start:
        errors["date_end"] = "The interval ends before it starts."
    elif precision == DatePrecision.DAY and start != end:
        errors["date_end"] = "A day-precision date covers exactly one day."
    return errors


class Source(models.Model):
    """An article backing an event, with the passage that supports it."""

    # No index of their own: (event, article) and (article, extraction_key) lead with them.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sources", db_index=False
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="sources", db_index=False
    )
    extraction_key = models.CharField(
        max_length=200,
        editable=False,
        help_text="Which extracted event of the article this is; re-imports match on it.",
    )
    is_main = models.BooleanField(default=False, help_text="The article's main event.")
    passage_start = models.PositiveIntegerField()
    passage_end = models.PositiveIntegerField()
    date_evidence_start = models.PositiveIntegerField(null=True, blank=True)
    date_evidence_end = models.PositiveIntegerField(null=True, blank=True)
    # What this passage says of the event: the event's values are what its sources agree on.
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_derivation = models.CharField(max_length=500, blank=True)
    date_evidence = models.TextField(blank=True)
    date_needs_review = models.BooleanField(default=False)
    kind = models.CharField(max_length=12, choices=EventKind.choices, default=EventKind.OTHER)
    place = models.CharField(max_length=120, blank=True)
    label = models.CharField(max_length=200, blank=True)
    planned = models.BooleanField(default=False, help_text="The passage announces the event.")

    class Meta:
        ordering = ["article_id", "passage_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "extraction_key"], name="source_unique_extraction_key"
            ),
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(is_main=True),
                name="source_one_main_event_per_article",
            ),
            models.CheckConstraint(
                condition=models.Q(passage_end__gte=models.F("passage_start")),
                name="source_passage_ordered",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        date_precision="unknown", date_start__isnull=True, date_end__isnull=True
                    )
                    | (
                        ~models.Q(date_precision="unknown")
                        & models.Q(date_start__isnull=False, date_end__gte=models.F("date_start"))
                    )
                ),
                name="source_date_interval_valid",
            ),
        ]
        indexes = [models.Index(fields=["event", "article"], name="source_event_article_idx")]

    def __str__(self) -> str:
        return f"{self.article} [{self.passage_start}:{self.passage_end}]"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#event-{self.event_id}"

    @property
    def passage(self) -> str:
        return self.article.raw_text[self.passage_start : self.passage_end]

    @property
    def date(self) -> DateValue:
        """The date this passage gives the event."""
        return DateValue.from_start(self.date_precision, self.date_start)


class Participation(models.Model):
    # No index of their own: the unique (event, actor) and (actor, event) lead with them.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participations", db_index=False
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="participations", db_index=False
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    # The event's first day, kept by the database (triggers of migration 0009, whoever writes
    # the event or the participation): a participant's events around a day are found in the
    # index below, however many events the timeline holds on that day.
    event_date = models.DateField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["event_date"])

    class Meta:
        ordering = ["role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="participation_unique_actor"),
        ]
        indexes = [
            models.Index(fields=["actor", "event"], name="participation_actor_idx"),
            models.Index(
                fields=["actor", "event_date"],
                condition=models.Q(role=Role.PARTICIPANT),
                name="participation_day_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


# Suggestions, import jobs and claim tallies live in their own modules (suggestions.py,
# jobs.py, tallies.py); Django finds their models through here.
from timeline.jobs import ImportChunk, ImportItem, ImportJob  # noqa: E402, F401
from timeline.suggestions import Decision, Suggestion  # noqa: E402, F401
from timeline.tallies import ClaimTally  # noqa: E402, F401
