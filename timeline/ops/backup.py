"""Backing up and restoring what the timeline holds, as one JSON file.

A backup is everything people made: the articles (their verbatim text), events with every
editor's correction (`locked_fields`, corrected dates, merged duplicates), actors with their
aliases, participations, sources, the change history, and the editors' accounts and groups
(history names who changed what). Rows keep their ids, so links to /events/<id>/ still work
after a restore. Sessions and caches are not backed up.

The file is a JSON object: a header (format, version, the migrations it was made at, counts)
and Django's serialisation of the rows under "objects". A name ending in .gz is gzipped.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

FORMAT = "ru-az-timeline-backup"
VERSION = 1
CONTENT_APPS = ("articles", "timeline")
# The schema a backup belongs to: restore needs the same migrations applied.
SCHEMA_APPS = ("articles", "timeline", "auth", "contenttypes")


class _Encoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; "oldest first" needs all of them."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A one-line reason a backup or restore cannot be done."""


def content_models() -> list[type[Model]]:
    """Articles, events, actors, participations, sources and their history, in load order."""
    configs = [(apps.get_app_config(label), None) for label in CONTENT_APPS]
    return serializers.sort_dependencies(configs, allow_cycles=True)


def backed_up_models() -> list[type[Model]]:
    # Accounts first: history rows refer to their editor by username.
    return [Group, get_user_model(), *content_models()]


def applied_migrations() -> dict[str, list[str]]:
    applied = MigrationRecorder(connection).applied_migrations()
    return {app: sorted(name for a, name in applied if a == app) for app in SCHEMA_APPS}


def content_counts() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in content_models()}


def _rows(model: type[Model]) -> list[dict]:
    fields = [
        f.name
        for f in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if f.serialize and not f.generated  # the search vector is computed by the database
    ]
    return serializers.serialize(
        "python",
        model._base_manager.order_by("pk").iterator(chunk_size=500),
        fields=fields,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=model in (Group, get_user_model()),
    )


def write_backup(path: Path) -> dict[str, int]:
    """Write a backup to `path` (atomically: a failed backup leaves no file); counts by model."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise BackupError(f"no such folder: {directory}")
    counts: Counter[str] = Counter()
    objects = []
    outermost = not connection.in_atomic_block
    if outermost:
        # Any health check now, so that the isolation level is the transaction's first statement.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    with transaction.atomic():
        # One consistent snapshot, even while editors keep working.
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for model in backed_up_models():
            for row in _rows(model):
                counts[model._meta.label] += 1
                objects.append(row)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "django": django.get_version(),
            "migrations": applied_migrations(),
            "counts": dict(counts),
        }
    payload = json.dumps(
        {**header, "objects": objects},
        cls=_Encoder,
        ensure_ascii=False,
        indent=1,
    ).encode()
    # The file holds password hashes: readable by its owner only.
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(gzip.compress(payload) if path.suffix == ".gz" else payload)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return dict(counts)


def read_backup(path: Path) -> dict:
    """The parsed backup file, or a BackupError saying why it is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BackupError(f"no such file: {path}") from exc
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise BackupError(f"{path} is a damaged gzip file ({exc})") from exc
    try:
        backup = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} is not a timeline backup (not JSON: {exc})") from exc
    if not isinstance(backup, dict) or backup.get("format") != FORMAT:
        raise BackupError(f"{path} is not a timeline backup (made by manage.py backup)")
    if backup.get("version") != VERSION:
        raise BackupError(
            f"{path} is a version {backup.get('version')} backup; this code reads version {VERSION}"
        )
    if not isinstance(backup.get("objects"), list):
        raise BackupError(f"{path} is damaged: it has no list of objects")
    return backup


def restore_backup(path: Path, *, force: bool = False) -> dict[str, int]:
    """Load a backup into this database, in one transaction; counts by model.

    Refuses when the database already holds articles, events or actors, unless `force`, which
    replaces them (accounts are merged by username: the backup's version of an account wins).
    """
    backup = read_backup(path)
    if backup.get("migrations") != applied_migrations():
        raise BackupError(
            "the backup was made at other migrations than this database has: restore into a "
            "database migrated by the same version of the code (then run migrate)"
        )
    models = backed_up_models()
    counts: Counter[str] = Counter()
    with transaction.atomic():
        present = {label: n for label, n in content_counts().items() if n}
        if present and not force:
            held = ", ".join(f"{n} {label}" for label, n in present.items())
            raise BackupError(
                f"the database is not empty ({held}): restore only into an empty database, "
                "or pass --force to replace its content with the backup"
            )
        if present:
            _empty_content_tables()
        deferred = []
        try:
            for item in serializers.deserialize(
                "python", backup["objects"], handle_forward_references=True
            ):
                item.save()
                if item.deferred_fields:
                    deferred.append(item)
                counts[item.object._meta.label] += 1
            for item in deferred:
                item.save_deferred_fields()
            # Foreign keys are checked at commit; check them now, to say what is wrong.
            connection.check_constraints()
        except (DeserializationError, DatabaseError) as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise BackupError(
                f"{path} could not be loaded, nothing was restored: {reason}"
            ) from exc
        # Rows came with their ids: new rows must be numbered after them.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return dict(counts)


def describe_counts(counts: dict[str, int]) -> str:
    """Counts by model in words, for the commands' one-line report."""
    shown = {
        "articles.Article": "articles",
        "timeline.Event": "events",
        "timeline.Actor": "actors",
        "timeline.Participation": "participations",
        "timeline.Source": "sources",
    }
    parts = [f"{counts.get(label, 0)} {name}" for label, name in shown.items()]
    history = sum(n for label, n in counts.items() if ".Historical" in label)
    accounts = sum(n for label, n in counts.items() if label.startswith("auth."))
    return ", ".join([*parts, f"{history} history rows", f"{accounts} accounts and groups"])


def _empty_content_tables() -> None:
    tables = [m._meta.db_table for m in content_models()]
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(sql)
