"""Import article files into the timeline: idempotent, one transaction per article."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from timeline.importing import import_paths


class Command(BaseCommand):
    help = "Import article text files (or folders of .txt files) and extract their events."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="article files or folders")
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="run extraction again on articles already imported "
            "(editors' corrections are kept)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="extract and report, write nothing"
        )

    def handle(self, *args, **options):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0

        def progress(done: int, total: int) -> None:
            if show_progress and total >= 20:
                width = 30
                filled = width * done // total
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
                if done == total:
                    sys.stderr.write("\n")

        try:
            report = import_paths(
                options["paths"],
                reextract=options["reextract"],
                dry_run=options["dry_run"],
                progress=progress,
            )
        except OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no detail"
            raise CommandError(
                f"database connection lost ({reason}); the article in flight was rolled back, "
                "run the same command again to import the rest"
            ) from exc
        if options["verbosity"] > 1:
            for result in report.results:
                self.stdout.write(f"{result.name}: {result.message}")
        for name, reason in report.errors:
            self.stderr.write(f"{name}: {reason}")
        prefix = "dry run: " if options["dry_run"] else ""
        self.stdout.write(prefix + report.summary())
        attempted = report.created + report.updated + report.unchanged + report.failed
        if report.failed and report.failed == attempted:
            raise CommandError(f"nothing imported: all {report.failed} files failed")
