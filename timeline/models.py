"""Events, the actors who took part in them, and the articles that back them."""

from __future__ import annotations

import datetime as dt

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.extraction.datevalue import RANK, DateValue, Precision
from articles.extraction.kinds import EventKind as ExtractedKind

DatePrecision = models.TextChoices(
    "DatePrecision", [(p.name, (p.value, p.value)) for p in Precision]
)


# The event fields extraction may fill; an editor's correction of any of them locks it.
MACHINE_FIELDS = (
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
)

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


class ActorQuerySet(models.QuerySet):
    def with_event_counts(self) -> ActorQuerySet:
        """Annotate `event_count`: a count per actor in the (actor, event) index alone, faster
        than joining and grouping every participation (an actor is in an event once)."""
        return self.annotate(
            event_count=models.Subquery(
                Participation.objects.filter(actor=models.OuterRef("pk"))
                .order_by()
                .values(n=models.Func(models.F("event"), function="COUNT"))
            )
        )


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


class EventQuerySet(models.QuerySet):
    def chronological(self, *, newest_first: bool = False) -> EventQuerySet:
        """Oldest first by first possible day; newest first by last possible day.

        Either way a year-precision event heads its year and a month-precision event
        heads its month, and undated events come last.
        """
        if newest_first:
            return self.order_by(
                models.F("date_end").desc(nulls_last=True), "precision_rank", "-id"
            )
        return self.order_by(models.F("date_start").asc(nulls_last=True), "precision_rank", "id")

    def for_actor(self, actor: Actor) -> EventQuerySet:
        return self.filter(participations__actor=actor).distinct()

    def for_actors(self, actors) -> EventQuerySet:
        qs = self
        for actor in actors:
            qs = qs.filter(participations__actor=actor)
        return qs.distinct()

    def in_year(self, year: int) -> EventQuerySet:
        return self.filter(date_start__year=year)

    def needing_review(self) -> EventQuerySet:
        return self.filter(needs_review=True)

    def with_related(self) -> EventQuerySet:
        """Participants and sources, with only what a list of events shows of them."""
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor")
                .only("event", "role", "actor", "actor__name", "actor__slug")
                .order_by("role", "actor__name"),
            ),
            models.Prefetch(
                "sources",
                queryset=Source.objects.select_related("article").only(
                    "id",
                    "event_id",
                    "article_id",
                    "passage_start",
                    "passage_end",
                    "is_main",
                    "article__id",
                    "article__title",
                    "article__file_name",
                ),
            ),
        )

    # Reads for the public pages. Each narrows or annotates; none changes what an event is.

    def involving_all(self, actors) -> EventQuerySet:
        """Events in which every one of these actors (anything with a `pk`) took part or was
        mentioned."""
        qs = self
        for actor in actors:
            qs = qs.filter(
                models.Exists(
                    Participation.objects.filter(event=models.OuterRef("pk"), actor_id=actor.pk)
                )
            )
        return qs

    def in_years(self, first: int | None = None, last: int | None = None) -> EventQuerySet:
        """Events whose date falls in these years (an event of year precision is in its year)."""
        qs = self
        if first is not None:
            qs = qs.filter(date_start__gte=dt.date(first, 1, 1))
        if last is not None:
            qs = qs.filter(date_start__lte=dt.date(last, 12, 31))
        return qs

    def of_kind(self, kind: str) -> EventQuerySet:
        return self.filter(kind=kind)

    def at_place(self, place: str) -> EventQuerySet:
        return self.filter(place=place)

    def matching(self, text: str) -> EventQuerySet:
        """Full-text search over summary, label, place and the sources' passages."""
        return self.filter(search_vector=_search_query(text))

    def with_search_rank(self, text: str, *, start_sel: str, stop_sel: str) -> EventQuerySet:
        """Annotate `rank` and `headline` (the whole summary with matches between the markers)."""
        query = _search_query(text)
        return self.annotate(
            rank=SearchRank(models.F("search_vector"), query),
            headline=SearchHeadline(
                "summary",
                query,
                config="english",
                start_sel=start_sel,
                stop_sel=stop_sel,
                highlight_all=True,
            ),
        )

    def by_relevance(self) -> EventQuerySet:
        """Best match first; needs with_search_rank()."""
        return self.order_by(
            "-rank", models.F("date_start").asc(nulls_last=True), "precision_rank", "id"
        )

    def count_by_year(self) -> list[tuple[int | None, int]]:
        """(year, number of events) in year order, undated events as year None, in one query."""
        rows = (
            self.order_by()
            .annotate(year=ExtractYear("date_start"))
            .values("year")
            .annotate(n=models.Count("id"))
            .order_by(models.F("year").asc(nulls_last=True))
        )
        return [(row["year"], row["n"]) for row in rows]

    def places(self) -> list[str]:
        return list(
            self.exclude(place="").order_by("place").values_list("place", flat=True).distinct()
        )

    def with_evidence(self) -> EventQuerySet:
        """Participants and sources with their whole articles, so Source.passage costs nothing."""
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor").order_by(
                    "role", "actor__name"
                ),
            ),
            models.Prefetch(
                "sources",
                queryset=Source.objects.select_related("article").order_by(
                    "-is_main", "article_id", "passage_start"
                ),
            ),
        )


def _search_query(text: str) -> SearchQuery:
    # websearch syntax accepts anything a person types ("quoted phrases", -not, or).
    return SearchQuery(text, config="english", search_type="websearch")


class Event(models.Model):
    summary = models.CharField(max_length=500)
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
        expression=SearchVector("summary", "label", "place", "passages", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_vector", "passages", "updated_at"])

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
        return f"{self.date_label}: {self.summary}"

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

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="sources"
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
        ]
        indexes = [models.Index(fields=["event", "article"], name="source_event_article_idx")]

    def __str__(self) -> str:
        return f"{self.article} [{self.passage_start}:{self.passage_end}]"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#event-{self.event_id}"

    @property
    def passage(self) -> str:
        return self.article.raw_text[self.passage_start : self.passage_end]


class Participation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="participation_unique_actor"),
        ]
        indexes = [models.Index(fields=["actor", "event"], name="participation_actor_idx")]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"
