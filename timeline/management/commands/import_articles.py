"""Import article files into the timeline: idempotent, one transaction per batch; with
``--background``, enqueue them as a job for the workers and print its id."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from articles.bundles import iter_paths
from timeline.importing import enqueue_files, import_paths


class Command(BaseCommand):
    help = (
        "Import article text files, folders of .txt files, feeds (.jsonl, .csv) and zips, "
        "and extract their events."
    )

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
        parser.add_argument(
            "--background",
            action="store_true",
            help="enqueue the files as a job for the workers (manage.py import_worker) and "
            "print its id; its page in the admin shows its progress",
        )

    def handle(self, *args, **options):
        if options["background"]:
            if options["reextract"] or options["dry_run"]:
                raise CommandError("--background imports new files: no --reextract or --dry-run")
            return self.enqueue(options["paths"])
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

    def enqueue(self, paths: list[str]) -> None:
        refused: list[str] = []

        def entries():
            for entry in iter_paths(
                paths,
                max_bytes=settings.ARTICLE_MAX_BYTES,
                feed_max_bytes=settings.FEED_MAX_BYTES,
            ):
                if isinstance(entry, tuple):
                    self.stderr.write(f"{entry[0]}: {entry[1]}")
                    refused.append(entry[0])
                yield entry

        job = enqueue_files(entries(), description=f"import_articles {' '.join(paths)}")
        if job.total == len(refused):
            raise CommandError(f"nothing to import: all {len(refused)} files failed")
        self.stdout.write(str(job.pk))
        self.stderr.write(
            f"enqueued {job.total - len(refused)} articles ({len(refused)} refused) as job "
            f"{job.pk}; workers import it (manage.py import_worker); progress at "
            f"{job.get_absolute_url()}"
        )
