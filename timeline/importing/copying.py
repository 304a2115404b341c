"""Inserting many rows the fast way: PostgreSQL's ``COPY`` through psycopg.

`copy_create` does what ``bulk_create`` does for the import's new articles, events, sources
and participations (ids set on the objects, ``auto_now_add`` filled), without building an
``INSERT`` of thousands of parameters: ids are drawn from the table's sequence in one query,
then the rows stream in one ``COPY``. Triggers, constraints and generated columns behave as
for an ``INSERT`` (statement triggers fire once per ``COPY``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)


def copy_create(model: type[M], objs: Sequence[M]) -> Sequence[M]:
    """Insert ``objs`` (unsaved) with ``COPY``; each gets its primary key, as after
    ``bulk_create``."""
    if not objs:
        return objs
    meta = model._meta
    pk = meta.pk
    fields = [f for f in meta.concrete_fields if f is not pk and not f.generated]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [pk, *fields])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk.column, len(objs)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        # Django's own exceptions (IntegrityError, ...) for a COPY too, as for any query.
        with (
            connection.wrap_database_errors,
            cursor.copy(f"COPY {meta.db_table} ({columns}) FROM STDIN") as copy,
        ):
            for obj, pk_value in zip(objs, ids, strict=True):
                obj.pk = pk_value
                copy.write_row(
                    [pk_value]
                    + [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs
