"""Inserting many rows the fast way: PostgreSQL's ``COPY`` through psycopg.

`copy_create` does what ``bulk_create`` does for the import's new articles, events, sources
and participations (ids set on the objects, ``auto_now_add`` filled), without building an
``INSERT`` of thousands of parameters: ids are drawn from the table's sequence in one query,
then the rows stream in one ``COPY``. Triggers, constraints and generated columns behave as
for an ``INSERT`` (statement triggers fire once per ``COPY``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from django.db import connection, models
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
            # The sequence looked up once, not once per id.
            "SELECT nextval(q.seq) FROM (SELECT pg_get_serial_sequence(%s, %s)::regclass AS seq)"
            " AS q, generate_series(1, %s)",
            [meta.db_table, pk.column, len(objs)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        # Django's own exceptions (IntegrityError, ...) for a COPY too, as for any query.
        with (
            connection.wrap_database_errors,
            cursor.copy(f"COPY {meta.db_table} ({columns}) FROM STDIN") as copy,
        ):
            values = [db_value(f) for f in fields]
            for obj, pk_value in zip(objs, ids, strict=True):
                obj.pk = pk_value
                copy.write_row([pk_value, *(value(obj) for value in values)])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs


# Field classes that leave a value of these exact types as it is on its way to PostgreSQL
# (``pre_save`` reads the attribute, ``get_db_prep_save`` returns it unchanged): such values
# are written as they are, sparing Django's conversions for most of the import's columns.
_AS_IS: dict[type, tuple[type, ...]] = {
    models.CharField: (str,),
    models.TextField: (str,),
    models.URLField: (str,),
    models.BooleanField: (bool,),
    models.IntegerField: (int,),
    models.PositiveIntegerField: (int,),
    models.PositiveSmallIntegerField: (int,),
    models.BigIntegerField: (int,),
    models.DateField: (dt.date,),
}
_INT_KEYS = (models.AutoField, models.BigAutoField)


def db_value(field) -> Callable[[Model], object]:
    """How to read a field's database value off an object: as it is where `_AS_IS` allows
    (or ``None``), else through the field's ``pre_save`` and ``get_db_prep_save``."""

    def prepared(obj):
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    kind = type(field)
    if kind is models.ForeignKey and type(field.target_field) in _INT_KEYS:
        types = (int,)
    elif kind is models.DateField and (field.auto_now or field.auto_now_add):
        types = ()
    else:
        types = _AS_IS.get(kind, ())
    if not types:
        return prepared
    attname = field.attname

    def as_is(obj):
        value = getattr(obj, attname)
        return value if value is None or type(value) in types else prepared(obj)

    return as_is
