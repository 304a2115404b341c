"""How the timeline's models are read: the QuerySet methods of actors and events.

Each narrows or annotates; none changes what an event is. The models (timeline/models.py)
use these as their managers.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models.functions import ExtractYear


def _participations() -> models.QuerySet:
    from timeline.models import Participation  # timeline/models.py imports this module

    return Participation.objects.all()


def _sources() -> models.QuerySet:
    from timeline.models import Source

    return Source.objects.all()


class ActorQuerySet(models.QuerySet):
    def with_event_counts(self) -> ActorQuerySet:
        """Annotate `event_count`: a count per actor in the (actor, event) index alone, faster
        than joining and grouping every participation (an actor is in an event once)."""
        return self.annotate(
            event_count=models.Subquery(
                _participations()
                .filter(actor=models.OuterRef("pk"))
                .order_by()
                .values(n=models.Func(models.F("event"), function="COUNT"))
            )
        )


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

    def in_year(self, year: int) -> EventQuerySet:
        return self.filter(date_start__year=year)

    def with_related(self) -> EventQuerySet:
        """Participants and sources, with only what a list of events shows of them."""
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=_participations()
                .select_related("actor")
                .only("event", "role", "actor", "actor__name", "actor__slug")
                .order_by("role", "actor__name"),
            ),
            models.Prefetch(
                "sources",
                queryset=_sources()
                .select_related("article")
                .only(
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
                    _participations().filter(event=models.OuterRef("pk"), actor_id=actor.pk)
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

    def in_language(self, language: str) -> EventQuerySet:
        """Events one of whose sources' articles is written in this language."""
        return self.filter(
            models.Exists(
                _sources().filter(event=models.OuterRef("pk"), article__language=language)
            )
        )

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
                # Read with the configuration of the summary's own script, so that a Russian
                # word form ("переговорах") is marked when its stem was searched.
                config=models.Case(
                    models.When(summary__regex=r"[А-Яа-яЁё]", then=models.Value("russian")),
                    models.When(summary__regex=r"[ƏəĞğŞşİı]", then=models.Value("simple")),
                    default=models.Value("english"),
                ),
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
                queryset=_participations().select_related("actor").order_by("role", "actor__name"),
            ),
            models.Prefetch(
                "sources",
                queryset=_sources()
                .select_related("article")
                .order_by("-is_main", "article_id", "passage_start"),
            ),
        )


def _search_query(text: str) -> SearchQuery:
    # websearch syntax accepts anything a person types ("quoted phrases", -not, or).
    # Each of the configurations the search vector is made with (timeline/models.py).
    english, russian, simple = (
        SearchQuery(text, config=config, search_type="websearch")
        for config in ("english", "russian", "simple")
    )
    return english | russian | simple
