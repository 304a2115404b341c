"""Print what extraction finds in article files, without touching the database."""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.extraction import extract_batch
from articles.files import BadArticle, expand_paths, read_article_file


class Command(BaseCommand):
    help = "Extract events from article files and print them (no database needed)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="article files or folders of .txt files")
        parser.add_argument("--json", action="store_true", help="print JSON (the default)")

    def handle(self, *args, **options):
        from django.conf import settings

        files, errors = expand_paths(options["paths"])
        loaded = []
        for path in files:
            try:
                loaded.append(
                    (str(path), read_article_file(path, max_bytes=settings.ARTICLE_MAX_BYTES).text)
                )
            except BadArticle as exc:
                errors.append((str(path), str(exc)))
        results = extract_batch(loaded)
        payload = {
            "articles": [r.to_json(name) for (name, _), r in zip(loaded, results, strict=True)],
            "errors": [{"file": name, "error": reason} for name, reason in errors],
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
        if errors and not loaded:
            raise CommandError(f"no article could be read ({len(errors)} failed)")
