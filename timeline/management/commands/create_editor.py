"""Create (or update) an editor: a staff account in the Editors group, and nothing more."""

import getpass
import os
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from timeline.services import EDITORS_GROUP, create_editor


class Command(BaseCommand):
    help = (
        f"Create a staff account in the {EDITORS_GROUP} group (created or brought up to date "
        "with exactly the editors' permissions). The password comes from an environment "
        "variable or a prompt, never from the command line; an existing account keeps its "
        "password unless one is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="read the password from this environment variable",
        )

    def handle(self, *args, **options):
        password = self._password(options)
        try:
            user, created = create_editor(
                username=options["username"], password=password, email=options["email"]
            )
        except ValidationError as exc:
            raise CommandError("password refused: " + " ".join(exc.messages)) from exc
        except ValueError as exc:
            raise CommandError(
                f"{exc} Pass --password-from-env VAR, or run the command in a "
                "terminal to be prompted."
            ) from exc
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        what = "created" if created else "updated"
        self.stdout.write(
            f"{what} editor {user.username} (staff, group {EDITORS_GROUP})"
            + ("" if created or password else "; password unchanged")
        )

    def _password(self, options) -> str | None:
        var = options["password_from_env"]
        if var:
            value = os.environ.get(var)
            if not value:
                raise CommandError(f"environment variable {var} is not set or empty")
            return value
        if not sys.stdin.isatty():
            return None  # fine for an existing account; a new one is refused
        first = getpass.getpass("Password: ")
        if not first:
            return None
        if getpass.getpass("Password (again): ") != first:
            raise CommandError("the passwords differ")
        return first
