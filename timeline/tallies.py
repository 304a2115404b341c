"""What an event's sources claim, each different claim counted: kept so that an import
refreshes a much-told event from its tally and the new sources alone, instead of reading
again every source (tens of thousands for a much-cited document).

`importing.consensus` writes a tally whenever it rebuilds an event and counts the sources the
store inserts into it; the database drops the tally of an event whose sources change any
other way (triggers of migration 0010: a source edited, moved by a merge, deleted, or
inserted outside the store), and the next refresh counts that event's sources again.
"""

from __future__ import annotations

from django.db import models


class ClaimTally(models.Model):
    event = models.OneToOneField(
        "timeline.Event", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # Each different claim, first told first: its CLAIM_FIELDS values and how many sources
    # make it.
    claims = models.JSONField(default=list)
    articles = models.PositiveIntegerField(default=0, help_text="Articles telling the event.")

    def __str__(self) -> str:
        return f"tally of event {self.event_id}"
