"""Import jobs: what a background import was asked to do, and how far it got, file by file.

A job is a list of items (one per file or feed record, its text held until it is stored) cut
into chunks, one task per chunk. An item is marked done in the same transaction that stores
its article, so a worker that dies loses only the work of the transaction in flight: the
chunk is handed to another worker, which finds the item still pending and stores it once.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse


class ItemStatus(models.TextChoices):
    PENDING = "pending", "waiting"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class ImportJobQuerySet(models.QuerySet):
    def with_progress(self) -> ImportJobQuerySet:
        """Each job with its counts of items done, failed and still to do."""
        return self.annotate(
            done=Count("items", filter=Q(items__status=ItemStatus.DONE)),
            failed=Count("items", filter=Q(items__status=ItemStatus.FAILED)),
            remaining=Count("items", filter=Q(items__status=ItemStatus.PENDING)),
        )


class ImportJob(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    description = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    total = models.PositiveIntegerField(default=0)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import job"

    def __str__(self) -> str:
        return f"{self.description} ({self.created_at:%d %b %Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("admin:timeline_importjob_change", args=[self.pk])


class ImportChunk(models.Model):
    """A slice of a job's items that one task imports; ``attempts`` counts the tasks sent,
    ``started_at`` is when a worker last took it (holding its lock while it works)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job", "number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="import_chunk_number_unique")
        ]
        indexes = [
            models.Index(
                fields=["job"], name="import_chunk_open_idx", condition=Q(finished_at=None)
            )
        ]

    def __str__(self) -> str:
        return f"chunk {self.number} of {self.job_id}"


class ImportItem(models.Model):
    """One file or feed record of a job: its text until stored, then what became of it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    chunk = models.ForeignKey(
        ImportChunk, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    text = models.TextField(blank=True, help_text="The decoded text; emptied once stored.")
    meta = models.JSONField(default=dict, blank=True, help_text="url, title, published, ...")
    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    outcome = models.CharField(max_length=16, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_item_position_unique"),
            models.CheckConstraint(
                condition=Q(status=ItemStatus.PENDING, outcome="")
                | (~Q(status=ItemStatus.PENDING) & ~Q(outcome="")),
                name="import_item_finished_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(status=ItemStatus.FAILED) | Q(article=None),
                name="import_item_failed_has_no_article",
            ),
        ]
        indexes = [
            models.Index(
                fields=["chunk", "position"],
                name="import_item_pending_idx",
                condition=Q(status=ItemStatus.PENDING),
            ),
            models.Index(fields=["job", "status"], name="import_item_status_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def message(self) -> str:
        if self.status == ItemStatus.PENDING:
            return "waiting"
        if self.status == ItemStatus.FAILED:
            return f"rejected: {self.detail}"
        return f"{self.outcome} {self.detail}".strip()
