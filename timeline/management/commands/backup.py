"""Write everything the timeline holds to one JSON file (see timeline/ops/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.ops.backup import BackupError, describe_counts, write_backup


class Command(BaseCommand):
    help = (
        "Back up articles, events (with editors' corrections), actors, participations, "
        "sources, history and editors' accounts to PATH (JSON; gzipped if PATH ends in .gz). "
        "The file holds password hashes: keep it private."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            counts = write_backup(path)
        except (BackupError, OSError) as exc:
            raise CommandError(f"backup failed: {exc}") from exc
        self.stdout.write(f"backed up to {path}: {describe_counts(counts)}")
