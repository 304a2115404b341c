"""Score the current extractor against every event an editor reviewed or corrected."""

from django.core.management.base import BaseCommand

from timeline.accuracy import measure


class Command(BaseCommand):
    help = (
        "Run the current extractor over the articles behind events editors reviewed or "
        "corrected, and score it as bench/accuracy.py does (nothing is written)."
    )

    def handle(self, *args, **options):
        report = measure()
        if options["verbosity"] > 1:
            for c in report.checked:
                self.stdout.write(
                    f"event {c.event.pk} [{c.source.article.file_name}]: {c.verdict:11s} "
                    f"editor {c.event.date.label}, extractor {c.said.label}"
                )
        if not report.checked:
            self.stdout.write("No event has been reviewed or corrected yet: nothing to score.")
            return
        self.stdout.write(report.summary())
