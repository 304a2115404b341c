"""Articles in the admin: read-only evidence, uploaded through the same import as the command.

An article's text is the evidence for its events, so nobody edits it here, and it cannot be
deleted while events cite it (``Source.article`` is PROTECT; editors have no delete
permission at all). Adding an article means uploading files: they are decoded and imported
exactly as ``manage.py import_articles`` would, and the editor sees what happened to each.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString

from articles.files import BadArticle, decode_article
from articles.models import Article
from timeline.admin.changelists import ArticleChangeList
from timeline.importing import ImportReport, Outcome, import_files, reextract_articles


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; empty files pass here so the import can say why not."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if not isinstance(data, list | tuple):
            return [clean_one(data, initial)]
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [clean_one(item, initial) for item in data]


class ArticleUploadForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        help_text="Plain-text articles, UTF-8 or UTF-16; one article per file. Text already "
        "imported is recognised and left as it is.",
    )


def import_uploads(uploads) -> ImportReport:
    """Decode and import uploaded files, through the same import as the command."""
    report = ImportReport()
    loaded = []
    limit = settings.ARTICLE_MAX_BYTES
    for upload in uploads:
        if upload.size > limit:
            report.fail(
                upload.name, f"{upload.size} bytes is over the {limit}-byte limit for one article"
            )
            continue
        try:
            loaded.append(decode_article(upload.name, upload.read()))
        except BadArticle as exc:
            report.fail(upload.name, str(exc))
    return import_files(loaded, report=report)


def report_articles(model_admin, request, report) -> None:
    """Re-extraction's counts as a message, and each failure as an error message."""
    level = messages.WARNING if report.failed else messages.SUCCESS
    model_admin.message_user(
        request,
        f"Extraction ran again: {report.summary()}. Fields editors corrected were kept.",
        level,
    )
    for name, reason in report.errors:
        model_admin.message_user(request, f"{name}: {reason}", messages.ERROR)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "file_name",
        "published",
        "language",
        "event_count",
        "imported_at",
        "extracted_at",
    )
    list_filter = ("language", "published_precision", "imported_at")
    search_fields = ("title", "file_name", "=content_hash")
    ordering = ("-imported_at", "-id")
    actions = ("reextract",)
    fields = (
        "title",
        "file_name",
        "published",
        "published_evidence",
        "language",
        "content_hash",
        "previous_version",
        "imported_at",
        "extracted_at",
        "events",
        "verbatim_text",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(event_count=Count("sources__event", distinct=True))
        )

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def has_change_permission(self, request, obj=None):
        return False  # the text is evidence; extraction, not editing, fills the rest

    def has_reextract_permission(self, request) -> bool:
        return request.user.has_perm("timeline.change_event")

    @admin.display(description="published", ordering="published_date")
    def published(self, article: Article) -> str:
        return article.published.words(unknown="undated")

    @admin.display(description="events", ordering="event_count")
    def event_count(self, article: Article) -> int:
        return article.event_count

    @admin.display(description="events it backs")
    def events(self, article: Article) -> SafeString | str:
        sources = list(article.sources.select_related("event").order_by("passage_start"))
        if not sources:
            return "none"
        return render_to_string("admin/articles/article/events.html", {"sources": sources})

    @admin.display(description="raw text, exactly as imported")
    def verbatim_text(self, article: Article) -> SafeString:
        return render_to_string("admin/articles/article/verbatim_text.html", {"article": article})

    @admin.action(description="Re-run extraction on selected articles", permissions=["reextract"])
    def reextract(self, request, queryset):
        articles = Article.objects.filter(pk__in=queryset.values("pk"))
        report_articles(self, request, reextract_articles(articles))

    def add_view(self, request, form_url="", extra_context=None):
        """Adding articles is uploading files."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = ArticleUploadForm(
            request.POST if posted else None, request.FILES if posted else None
        )
        results = None
        if posted and form.is_valid():
            report = import_uploads(form.cleaned_data["files"])
            results = [
                {
                    "name": r.name,
                    "outcome": r.message,
                    "kind": r.outcome.value,
                    "url": reverse("admin:articles_article_change", args=[r.article_id])
                    if r.article_id and r.outcome != Outcome.REJECTED
                    else "",
                }
                for r in report.results
            ]
            self.message_user(
                request,
                f"Upload: {report.summary()}.",
                messages.WARNING if report.failed else messages.SUCCESS,
            )
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload articles",
            "opts": self.opts,
            "form": form,
            "results": results,
            "max_bytes": settings.ARTICLE_MAX_BYTES,
            "has_view_permission": self.has_view_permission(request),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/article/upload.html", context)
