"""Import jobs in the admin: the list of background imports, and each job's page, whose
progress (done, failed, remaining) htmx refreshes every second (a reload without JavaScript)
and which lists what became of every file once the job is finished."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers

from timeline.jobs import ImportJob

RESULTS_PER_PAGE = 500


def job_state(job: ImportJob) -> str:
    """ "finished", "importing" or "waiting" (for a worker to take it)."""
    if not job.remaining:
        return "finished"
    if job.done or job.chunks.exclude(started_at=None).exists():
        return "importing"
    return "waiting"


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("description", "created_at", "created_by", "total", "done", "failed", "left")
    list_select_related = ("created_by",)
    date_hierarchy = "created_at"
    search_fields = ("description", "=id")

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    # Jobs are made by uploading articles or by `import_articles --background`; whoever may
    # add articles may watch them, nobody edits one.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.add_article")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="done", ordering="done")
    def done(self, job: ImportJob) -> int:
        return job.done

    @admin.display(description="failed", ordering="failed")
    def failed(self, job: ImportJob) -> int:
        return job.failed

    @admin.display(description="remaining", ordering="remaining")
    def left(self, job: ImportJob) -> int:
        return job.remaining

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job's page; with htmx, only its progress block."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(self.get_queryset(request), pk=object_id)
        state = job_state(job)
        results = None
        if state == "finished":
            items = job.items.order_by("position").only(
                "name", "status", "outcome", "detail", "article_id"
            )
            results = Paginator(items, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Import job: {job.description}",
            "opts": self.opts,
            "job": job,
            "state": state,
            "results": results,
            "handled": job.done + job.failed,
        }
        template = "admin/timeline/importjob/job.html"
        if request.htmx:
            template += "#progress"
        response = TemplateResponse(request, template, context)
        patch_vary_headers(response, ["HX-Request"])
        return response
