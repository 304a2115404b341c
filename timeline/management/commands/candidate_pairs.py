"""List the events an editor might merge: one kind, overlapping dates, someone or a document
in common."""

from django.core.management.base import BaseCommand

from timeline.duplicates import candidate_pairs


class Command(BaseCommand):
    help = (
        "List pairs of events of one kind whose dates overlap and that share a participant "
        "or a document's name, with what the identity rule says of each (same, probable: "
        "suggested to editors, different). Pairs editors kept apart are left out."
    )

    def handle(self, *args, **options):
        pairs = candidate_pairs()
        counts: dict[str, int] = {}
        for pair in pairs:
            counts[pair.verdict.value] = counts.get(pair.verdict.value, 0) + 1
            if options["verbosity"] > 0:
                self.stdout.write(
                    f"{pair.verdict.value:9s} #{pair.first.pk} {pair.first.date_label}: "
                    f"{pair.first.heading}  ~  #{pair.second.pk} {pair.second.date_label}: "
                    f"{pair.second.heading}  ({pair.reason})"
                )
        summary = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items()))
        self.stdout.write(f"{len(pairs)} candidate pairs" + (f": {summary}" if summary else ""))
