"""Events: the review queue, the change form with its evidence, corrections that stick.

An editor's change to a field locks it against the machine: re-extraction keeps what an
editor corrected (``timeline.services``), and the form shows what the machine says now.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from articles.models import Article
from timeline import corrections, services
from timeline.admin.accuracy import AccuracyViewMixin
from timeline.admin.articles import report_articles
from timeline.admin.changelists import EventChangeList
from timeline.admin.evidence import render_evidence
from timeline.admin.history import EditorHistoryAdmin
from timeline.admin.merging import MergeActionMixin
from timeline.admin.review import ActorFilter, CorrectedFilter, DisagreementFilter, YearFilter
from timeline.admin.suggestions import SuggestionViewMixin
from timeline.forms import EventAdminForm
from timeline.importing import reextract_articles
from timeline.models import Decision, Event, Participation, Source, Suggestion

_FIELD_NAMES = {
    "date_precision": "date",
    "date_start": "date",
    "date_end": "date",
    "needs_review": "review",
    "date_evidence": "evidence",
    "date_derivation": "derivation",
}


def lock_names(event: Event) -> str:
    return ", ".join(dict.fromkeys(_FIELD_NAMES.get(f, f) for f in event.locked_fields))


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ("actor",)
    fields = ("actor", "role")
    extra = 1
    verbose_name_plural = "participants (a change here locks the list against the machine)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class SourceInline(admin.TabularInline):
    model = Source
    fields = (
        "article_link",
        "is_main",
        "passage_excerpt",
        "passage_start",
        "passage_end",
        "told_date",
        "date_derivation",
        "kind",
        "place",
        "label",
        "planned",
        "date_evidence_start",
        "date_evidence_end",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "sources (offsets into the article's raw text)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # re-extraction keeps sources in step with their articles

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="article")
    def article_link(self, source: Source) -> SafeString:
        return render_to_string("admin/timeline/source/article_link.html", {"source": source})

    @admin.display(description="its date")
    def told_date(self, source: Source) -> str:
        return source.date.label

    @admin.display(description="passage")
    def passage_excerpt(self, source: Source) -> str:
        return Truncator(" ".join(source.passage.split())).chars(160)


@admin.register(Event)
class EventAdmin(SuggestionViewMixin, AccuracyViewMixin, MergeActionMixin, EditorHistoryAdmin):
    form = EventAdminForm
    list_display = (
        "headline",
        "source_count",
        "date_label",
        "date_precision",
        "derivation",
        "needs_review",
        "kind",
        "place",
        "participants",
        "corrections",
    )
    list_display_links = ("headline",)
    list_filter = (
        "needs_review",
        "planned",
        "date_precision",
        YearFilter,
        ActorFilter,
        "kind",
        "place",
        DisagreementFilter,
        CorrectedFilter,
    )
    search_fields = ("title", "summary", "label", "date_evidence")
    search_help_text = "Searches the headline, the summary, the label and the date evidence."
    date_hierarchy = "date_start"
    # The review queue: what needs an editor first, then in time order.
    ordering = ("-needs_review", "date_start", "precision_rank", "id")
    list_per_page = 50
    actions = ("mark_reviewed", "unlock", "merge_events", "reextract_event_articles")
    inlines = (ParticipationInline, SourceInline)
    readonly_fields = (
        "probably_same_as",
        "evidence_in_context",
        "machine_says",
        "locks",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "summary", "kind", "place", "label", "planned")}),
        (
            "Date",
            {
                "fields": (
                    "date",
                    "evidence_in_context",
                    "date_evidence",
                    "date_derivation",
                    "machine_says",
                    "needs_review",
                )
            },
        ),
        (
            "Exact interval (rarely needed)",
            {
                "classes": ("collapse",),
                "fields": ("date_precision", "date_start", "date_end"),
                "description": "Leave blank: the date above sets precision, first and last day. "
                "Fill in only for an interval it cannot express.",
            },
        ),
        (
            "Editor and machine",
            {"fields": ("probably_same_as", "locks", "created_at", "updated_at")},
        ),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("actor").order_by(
                        "role", "actor__name"
                    ),
                )
            )
        )

    def get_changelist(self, request, **kwargs):
        return EventChangeList

    # Columns

    @admin.display(description="headline", ordering="title")
    def headline(self, event: Event) -> str:
        return Truncator(event.heading).chars(110)

    @admin.display(description="date", ordering="date_start")
    def date_label(self, event: Event) -> str:
        return event.date_label

    @admin.display(description="date")
    def date(self, event: Event) -> str:
        # The form's date box; shown as text to someone who may only view.
        return event.date_label

    @admin.display(description="how the date was found")
    def derivation(self, event: Event) -> str:
        return Truncator(event.date_derivation).chars(80)

    @admin.display(description="participants")
    def participants(self, event: Event) -> str:
        return ", ".join(p.actor.name for p in event.participations.all())

    @admin.display(description="locked / machine")
    def corrections(self, event: Event) -> SafeString:
        return render_to_string(
            "admin/timeline/event/corrections.html",
            {"locked": lock_names(event), "disagreement": event.machine_disagreement},
        )

    # Change form

    @admin.display(description="date evidence in its passage")
    def evidence_in_context(self, event: Event) -> SafeString | str:
        if not event.pk:
            return "—"
        sources = list(
            Source.objects.filter(event_id=event.pk)
            .select_related("article")
            .order_by("-is_main", "article_id", "passage_start")
        )
        return render_evidence(event, sources)

    @admin.display(description="probably the same as")
    def probably_same_as(self, event: Event) -> SafeString | str:
        if not event.pk:
            return "—"
        rows = Suggestion.objects.filter(
            Q(event=event) | Q(other=event), decision=Decision.PENDING
        ).select_related("event", "other")
        others = [(r, r.other if r.event_id == event.pk else r.event) for r in rows]
        if not others:
            return "—"
        return render_to_string("admin/timeline/event/probably_same.html", {"others": others})

    @admin.display(description="what the machine says now")
    def machine_says(self, event: Event) -> SafeString | str:
        if not event.machine_disagreement:
            return "agrees with the values here" if event.locked_fields else "—"
        return render_to_string(
            "admin/timeline/event/machine_says.html", {"disagreement": event.machine_disagreement}
        )

    @admin.display(description="locked against the machine")
    def locks(self, event: Event) -> str:
        return (
            lock_names(event) + " (re-extraction keeps these as they are)"
            if event.locked_fields
            else "nothing: re-extraction may change every field"
        )

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        corrections.apply_correction(event=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An event an editor adds is theirs entirely; otherwise a changed participant list.
        if not change or any(fs.model is Participation and fs.has_changed() for fs in formsets):
            corrections.lock_participants(event=form.instance)

    # Actions

    @admin.action(
        description="Mark selected events reviewed (locks their dates)", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = corrections.mark_reviewed(events=queryset)
        self.message_user(
            request,
            f"Marked {count} events reviewed; their dates are now locked against the machine.",
        )

    @admin.action(
        description="Unlock selected events (let extraction refill every field)",
        permissions=["change"],
    )
    def unlock(self, request, queryset):
        count = corrections.unlock_events(events=queryset)
        self.message_user(
            request,
            f"Unlocked {count} events: the next extraction of their "
            "articles may change any of their fields.",
        )

    @admin.action(description="Merge selected duplicate events", permissions=["change"])
    def merge_events(self, request, queryset):
        events = list(queryset.order_by("created_at", "pk"))
        return self.confirm_merge(
            request,
            events,
            default=services.oldest_event(events) if events else None,
            noun="event",
            describe=lambda e: (
                f"#{e.pk} · {e.date_label} · {Truncator(e.summary).chars(90)} "
                f"(created {e.created_at:%Y-%m-%d %H:%M})"
            ),
            merge=lambda keep: services.merge_events(events=events, keep=keep),
        )

    @admin.action(
        description="Re-run extraction on the selected events' articles", permissions=["change"]
    )
    def reextract_event_articles(self, request, queryset):
        articles = Article.objects.filter(sources__event__in=queryset).distinct()
        report_articles(self, request, reextract_articles(articles))
