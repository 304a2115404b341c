"""The editors' admin: the review queue, date corrections that stick, merges and history.

History is django-simple-history rather than django-reversion: it keeps one history table
per model (Event, Actor, Participation), each row a full copy of the record with who changed
it and when, so the admin can show field-by-field diffs and revert one record, without
serializing whole object graphs into versions the way reversion does.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, Func, OuterRef, Prefetch, Q, TextField, Value
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator, smart_split, unescape_string_literal
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article
from timeline import services
from timeline.forms import EventAdminForm, MergeForm
from timeline.importing import reextract_articles
from timeline.models import Actor, Event, Participation, Source

admin.site.site_header = "Russia–Azerbaijan timeline"
admin.site.site_title = "Timeline editors"
admin.site.index_title = "Editing the timeline"
admin.site.enable_nav_sidebar = False  # the review queue needs the width

CONTEXT_CHARS = 240
_SENTENCE_ENDS = ("\n", ". ", "! ", "? ", ".\u201d ", '." ')


# Showing evidence -------------------------------------------------------------------------


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], at most CONTEXT_CHARS either side."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before = max(
        (
            text.rfind(p, lo, start) + len(p)
            for p in _SENTENCE_ENDS
            if text.rfind(p, lo, start) >= 0
        ),
        default=lo,
    )
    after = min(
        (text.find(p, end, hi) + 1 for p in _SENTENCE_ENDS if text.find(p, end, hi) >= 0),
        default=hi,
    )
    return before, after


def highlighted(text: str, start: int, end: int, mark: tuple[int, int] | None) -> SafeString:
    """text[start:end], escaped, with text[mark] wrapped in <mark> when it lies inside."""
    if mark and start <= mark[0] < mark[1] <= end:
        return format_html(
            "{}<mark>{}</mark>{}",
            text[start : mark[0]],
            text[mark[0] : mark[1]],
            text[mark[1] : end],
        )
    return format_html("{}", text[start:end])


def _evidence_mark(source: Source, event: Event) -> tuple[int, int] | None:
    if source.date_evidence_start is not None and source.date_evidence_end is not None:
        return source.date_evidence_start, source.date_evidence_end
    if event.date_evidence:  # no offsets stored: find the words in the passage
        at = source.passage.lower().find(event.date_evidence.lower())
        if at >= 0:
            return source.passage_start + at, source.passage_start + at + len(event.date_evidence)
    return None


def evidence_html(event: Event, sources: list[Source]) -> SafeString:
    """Each source's passage with the date evidence marked; evidence found outside the passage
    (a dateline, an earlier paragraph) is shown in its own sentence below it."""
    blocks = []
    for source in sources:
        text, article = source.article.raw_text, source.article
        mark = _evidence_mark(source, event)
        passage = highlighted(text, source.passage_start, source.passage_end, mark)
        elsewhere = SafeString("")
        if mark and not source.passage_start <= mark[0] < mark[1] <= source.passage_end:
            lo, hi = _sentence_around(text, *mark)
            elsewhere = format_html(
                '<p style="margin:.3em 0 0">The date comes from elsewhere in the article:</p>'
                '<blockquote style="{}">{}</blockquote>',
                _QUOTE_STYLE,
                highlighted(text, lo, hi, mark),
            )
        blocks.append(
            format_html(
                '<div style="margin-bottom:1em"><p style="margin:0 0 .3em">{}{} · '
                '<a href="{}">{}</a> · <a href="{}">public page</a></p>'
                '<blockquote style="{}">{}</blockquote>{}</div>',
                "main source: " if source.is_main else "",
                article.published.label,
                reverse("admin:articles_article_change", args=[article.pk]),
                article,
                article.get_absolute_url(),
                _QUOTE_STYLE,
                passage,
                elsewhere,
            )
        )
    if not blocks:
        return format_html("<p>{}</p>", "No source passages: this event was entered by hand.")
    return format_html_join("", "{}", ((b,) for b in blocks))


_QUOTE_STYLE = (
    "white-space:pre-wrap;margin:0;padding:.3em .6em;border-left:3px solid #8fb3d9;"
    "max-width:60em;font-size:14px;color:inherit"
)

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


# Filters -----------------------------------------------------------------------------------


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = [
            (str(d.year), str(d.year))
            for d in Event.objects.dates("date_start", "year", order="DESC")
        ]
        return [*years, ("none", "date unknown")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(date_start__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.in_year(int(self.value()))
        return queryset


class ActorFilter(admin.SimpleListFilter):
    """The actors in most events; any actor's id works in the URL (the actors list links it)."""

    title = "actor"
    parameter_name = "actor"
    shown = 30

    def lookups(self, request, model_admin):
        actors = list(
            Actor.objects.with_event_counts()
            .filter(event_count__gt=0)
            .order_by("-event_count", "name")[: self.shown]
        )
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(a.pk) != chosen for a in actors):
            actors += list(Actor.objects.with_event_counts().filter(pk=chosen))
        return [(str(a.pk), f"{a.name} ({a.event_count})") for a in actors]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(
                Exists(
                    Participation.objects.filter(event=OuterRef("pk"), actor_id=int(self.value()))
                )
            )
        return queryset


class DisagreementFilter(admin.SimpleListFilter):
    title = "machine disagrees"
    parameter_name = "disagrees"

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(machine_disagreement="")
        if self.value() == "no":
            return queryset.filter(machine_disagreement="")
        return queryset


class CorrectedFilter(admin.SimpleListFilter):
    title = "corrected by an editor"
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(locked_fields=[])
        if self.value() == "no":
            return queryset.filter(locked_fields=[])
        return queryset


# Merging -----------------------------------------------------------------------------------


class MergeActionMixin:
    """An action's confirmation page: the editor sees the selected records and picks the one
    that stays (preselected); nothing is written until they confirm."""

    def confirm_merge(self, request, objects, *, default, describe, merge, noun: str):
        if len(objects) < 2:
            self.message_user(request, f"Select at least two {noun}s to merge.", messages.WARNING)
            return None
        choices = [(o.pk, describe(o)) for o in objects]
        if request.POST.get("confirm") == "yes":
            form = MergeForm(request.POST, choices=choices)
            if form.is_valid():
                keep = next(o for o in objects if o.pk == form.cleaned_data["keep"])
                kept = merge(keep)
                url = reverse(
                    f"admin:{kept._meta.app_label}_{kept._meta.model_name}_change", args=[kept.pk]
                )
                self.message_user(
                    request,
                    format_html(
                        'Merged {} {}s into <a href="{}">{}</a>.', len(objects), noun, url, kept
                    ),
                )
                return None
        else:
            form = MergeForm(initial={"keep": default.pk}, choices=choices)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(objects)} {noun}s",
            "opts": self.model._meta,
            "form": form,
            "objects": objects,
            "noun": noun,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/merge_confirmation.html", context)


# Events ------------------------------------------------------------------------------------


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
        return format_html(
            '<a href="{}">{}</a> (<a href="{}">public page</a>)',
            reverse("admin:articles_article_change", args=[source.article_id]),
            source.article,
            source.article.get_absolute_url(),
        )

    @admin.display(description="passage")
    def passage_excerpt(self, source: Source) -> str:
        return Truncator(" ".join(source.passage.split())).chars(160)


class LeanChangeList(ChangeList):
    """A changelist that leaves the long text columns in the database."""

    deferred: tuple[str, ...] = ()

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*self.deferred)


class EventChangeList(LeanChangeList):
    deferred = ("passages", "search_vector", "date_evidence")


@admin.register(Event)
class EventAdmin(MergeActionMixin, SimpleHistoryAdmin):
    form = EventAdminForm
    list_display = (
        "summary_short",
        "date_label",
        "date_precision",
        "derivation",
        "needs_review",
        "kind",
        "place",
        "participants",
        "corrections",
    )
    list_display_links = ("summary_short",)
    list_filter = (
        "needs_review",
        "date_precision",
        YearFilter,
        ActorFilter,
        "kind",
        "place",
        DisagreementFilter,
        CorrectedFilter,
    )
    search_fields = ("summary", "label", "date_evidence")
    search_help_text = "Searches the summary, the label and the date evidence."
    date_hierarchy = "date_start"
    # The review queue: what needs an editor first, then in time order.
    ordering = ("-needs_review", "date_start", "precision_rank", "id")
    list_per_page = 50
    actions = ("mark_reviewed", "unlock", "merge_events", "reextract_event_articles")
    inlines = (ParticipationInline, SourceInline)
    readonly_fields = ("evidence_in_context", "machine_says", "locks", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("summary", "kind", "place", "label")}),
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
        ("Editor and machine", {"fields": ("locks", "created_at", "updated_at")}),
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

    @admin.display(description="summary", ordering="summary")
    def summary_short(self, event: Event) -> str:
        return Truncator(event.summary).chars(110)

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
        locked = lock_names(event)
        return format_html(
            "{}{}",
            f"locked: {locked}" if locked else "",
            format_html(
                ' <strong title="{}">machine disagrees</strong>', event.machine_disagreement
            )
            if event.machine_disagreement
            else "",
        )

    # Change form

    @admin.display(description="date evidence in its passage")
    def evidence_in_context(self, event: Event) -> SafeString:
        if not event.pk:
            return format_html("{}", "—")
        sources = list(
            Source.objects.filter(event_id=event.pk)
            .select_related("article")
            .order_by("-is_main", "article_id", "passage_start")
        )
        return evidence_html(event, sources)

    @admin.display(description="what the machine says now")
    def machine_says(self, event: Event) -> SafeString:
        if not event.machine_disagreement:
            return format_html("{}", "agrees with the values here" if event.locked_fields else "—")
        return format_html('<strong style="color:#ba2121">{}</strong>', event.machine_disagreement)

    @admin.display(description="locked against the machine")
    def locks(self, event: Event) -> str:
        return (
            lock_names(event) + " (re-extraction keeps these as they are)"
            if event.locked_fields
            else "nothing: re-extraction may change every field"
        )

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        services.apply_correction(event=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An event an editor adds is theirs entirely; otherwise a changed participant list.
        if not change or any(fs.model is Participation and fs.has_changed() for fs in formsets):
            services.lock_participants(event=form.instance)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may view history post a revert; a revert is a change.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Actions

    @admin.action(
        description="Mark selected events reviewed (locks their dates)", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = services.mark_reviewed(events=queryset)
        self.message_user(
            request,
            f"Marked {count} events reviewed; their dates are now locked against the machine.",
        )

    @admin.action(
        description="Unlock selected events (let extraction refill every field)",
        permissions=["change"],
    )
    def unlock(self, request, queryset):
        count = services.unlock_events(events=queryset)
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


def report_articles(model_admin, request, report) -> None:
    """Counts as a message, and each failure as an error message."""
    level = messages.WARNING if report.failed else messages.SUCCESS
    model_admin.message_user(
        request,
        f"Extraction ran again: {report.summary()}. Fields editors corrected were kept.",
        level,
    )
    for name, reason in report.errors:
        model_admin.message_user(request, f"{name}: {reason}", messages.ERROR)


# Actors ------------------------------------------------------------------------------------


class ActorChangeList(LeanChangeList):
    deferred = ("offices",)


@admin.register(Actor)
class ActorAdmin(MergeActionMixin, SimpleHistoryAdmin):
    list_display = ("name", "kind", "reviewed", "office", "event_count")
    list_filter = ("kind", "reviewed")
    search_fields = ("name",)  # and aliases: see get_search_results
    search_help_text = "Searches names and aliases."
    ordering = ("reviewed", "name")  # the ones nobody has checked yet first
    fields = ("name", "slug", "kind", "aliases", "office", "offices", "reviewed", "created_at")
    actions = ("mark_reviewed", "merge_actors")

    def get_queryset(self, request):
        return super().get_queryset(request).with_event_counts()

    def get_changelist(self, request, **kwargs):
        return ActorChangeList

    def get_readonly_fields(self, request, obj=None):
        # The slug is the actor's public address and the importer's key for it.
        return ("slug", "created_at") if obj else ("created_at",)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name",)}

    def get_search_results(self, request, queryset, search_term):
        """Every word must be in the name or in one of the aliases (case-insensitive)."""
        words = [
            unescape_string_literal(w) if w[0] in "\"'" and w[-1] == w[0] else w
            for w in smart_split(search_term)
        ]
        if not words:
            return queryset, False
        queryset = queryset.alias(
            alias_text=Func(
                F("aliases"), Value(" "), function="array_to_string", output_field=TextField()
            )
        )
        for word in words:
            queryset = queryset.filter(Q(name__icontains=word) | Q(alias_text__icontains=word))
        return queryset, False

    @admin.display(description="events", ordering="event_count")
    def event_count(self, actor: Actor) -> SafeString:
        return format_html(
            '<a href="{}?actor={}">{}</a>',
            reverse("admin:timeline_event_changelist"),
            actor.pk,
            actor.event_count,
        )

    def save_model(self, request, obj, form, change):
        # A renamed actor keeps its old name as an alias, so extraction still recognises it.
        old = form.initial.get("name")
        if change and "name" in form.changed_data and old and old not in obj.aliases:
            obj.aliases = [*obj.aliases, old]
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.action(description="Mark selected actors reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = services.mark_actors_reviewed(actors=queryset)
        self.message_user(request, f"Marked {count} actors reviewed.")

    @admin.action(description="Merge selected duplicate actors", permissions=["change"])
    def merge_actors(self, request, queryset):
        actors = list(queryset.order_by("name"))
        return self.confirm_merge(
            request,
            actors,
            default=services.busiest_actor(actors) if actors else None,
            noun="actor",
            describe=lambda a: (
                f"{a.name} ({a.get_kind_display()}, {a.event_count} events"
                f"{', aliases: ' + ', '.join(a.aliases) if a.aliases else ''})"
            ),
            merge=lambda keep: services.merge_actors(into=keep, others=actors),
        )
