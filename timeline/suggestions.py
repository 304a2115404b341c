"""Suggestions: two events the import thinks are probably one, for an editor to merge or keep
apart; the decision stays, so the pair is never suggested again."""

from __future__ import annotations

from django.db import models


class Decision(models.TextChoices):
    PENDING = "pending", "to decide"
    MERGED = "merged", "merged"
    APART = "apart", "kept apart"


class Suggestion(models.Model):
    """Two events the import thinks are probably one: an editor merges them or keeps them
    apart, and the decision stays (the pair is never suggested again)."""

    event = models.ForeignKey("timeline.Event", on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey("timeline.Event", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            # One row per pair, whichever way it was found: the smaller id first.
            models.CheckConstraint(
                condition=models.Q(event__lt=models.F("other")), name="suggestion_pair_ordered"
            ),
            models.UniqueConstraint(fields=["event", "other"], name="suggestion_unique_pair"),
        ]
        indexes = [models.Index(fields=["decision", "created_at"], name="suggestion_queue_idx")]

    def __str__(self) -> str:
        return f"{self.event_id} ~ {self.other_id} ({self.get_decision_display()})"
