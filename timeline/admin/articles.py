"""Articles in the admin: read-only evidence, uploaded through the same import as the command.

An article's text is the evidence for its events, so nobody edits it here, and it cannot be
deleted while events cite it (``Source.article`` is PROTECT; editors have no delete
permission at all). Adding an article means uploading files (text files, a zip of them, or a
feed): they are decoded at once and imported in the background exactly as
``manage.py import_articles --background`` would; the editor lands on the job's page.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString

from articles.bundles import read_upload
from articles.models import Article
from timeline.admin.changelists import ArticleChangeList
from timeline.importing import enqueue_files, reextract_articles
from timeline.jobs import ImportJob


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; empty files pass here so the import can say why not."""

    def __init__(self, *args, **kwargs):
        accept = ".txt,.zip,.jsonl,.ndjson,.csv,text/plain"
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
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
        help_text="Plain-text articles (UTF-8 or UTF-16, one article per file), a zip of them, "
        "or a feed: JSON Lines or CSV, one record per article with its text and optionally "
        "url, title, published, outlet and language. Text already imported is recognised and "
        "left as it is.",
    )


def enqueue_uploads(uploads, *, user) -> ImportJob:
    """Decode uploaded files now (a refused one is recorded with its reason) and enqueue the
    rest as a background job."""
    files, refused = [], []
    for upload in uploads:
        if upload.size > settings.FEED_MAX_BYTES:  # refused before reading it
            refused.append(
                (
                    upload.name,
                    f"{upload.size} bytes is over the {settings.FEED_MAX_BYTES}-byte limit",
                )
            )
            continue
        got, bad = read_upload(
            upload.name,
            upload.read(),
            max_bytes=settings.ARTICLE_MAX_BYTES,
            feed_max_bytes=settings.FEED_MAX_BYTES,
        )
        files += got
        refused += bad
    names = ", ".join(u.name for u in uploads[:3]) + (" …" if len(uploads) > 3 else "")
    return enqueue_files([*files, *refused], description=f"upload: {names}", user=user)


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
    list_filter = ("language", "published_precision", "published_needs_review", "imported_at")
    search_fields = ("title", "file_name", "=content_hash", "url")
    ordering = ("-imported_at", "-id")
    actions = ("reextract",)
    fields = (
        "title",
        "file_name",
        "published",
        "published_evidence",
        "published_derivation",
        "published_needs_review",
        "url",
        "outlet",
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
        if posted and form.is_valid():
            job = enqueue_uploads(form.cleaned_data["files"], user=request.user)
            self.message_user(
                request,
                f"Import started: {job.total} articles; this page follows it.",
                messages.SUCCESS,
            )
            return redirect(job.get_absolute_url())
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload articles",
            "opts": self.opts,
            "form": form,
            "max_bytes": settings.ARTICLE_MAX_BYTES,
            "has_view_permission": self.has_view_permission(request),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/article/upload.html", context)
