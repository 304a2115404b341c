"""Load a file written by `manage.py backup` into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.ops.backup import BackupError, describe_counts, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (all or nothing, in one transaction). "
        "Refuses a database that already holds articles, events or actors unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the articles, events, actors and history already in the database",
        )

    def handle(self, *args, path: Path, force: bool, **options):
        try:
            counts = restore_backup(path, force=force)
        except BackupError as exc:
            raise CommandError(f"restore refused: {exc}") from exc
        self.stdout.write(f"restored from {path}: {describe_counts(counts)}")
