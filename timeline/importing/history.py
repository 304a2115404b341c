"""The one history writer of the import: a statement per model and kind of change.

django-simple-history writes a record per ``save()``; an import changes hundreds of rows at
once, so the database copies them into the history tables itself, with the same columns
simple-history would write, the change's type and a reason ("imported", "re-extracted").
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from django.db import connection
from django.db.models import Model


class Change(StrEnum):
    CREATED = "+"
    CHANGED = "~"
    DELETED = "-"


def record_history(model: type[Model], ids: Collection[int], change: Change, reason: str) -> None:
    """Copy the current rows ``ids`` of ``model`` into its history table (before deleting
    them, for ``Change.DELETED``)."""
    if not ids:
        return
    history = model.history.model
    copied = [
        f.column for f in history._meta.concrete_fields if not f.column.startswith("history_")
    ]
    columns = ", ".join(f'"{c}"' for c in copied)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {history._meta.db_table}
                ({columns}, history_date, history_change_reason, history_type, history_user_id)
            SELECT {columns}, now(), %s, %s, NULL
            FROM {model._meta.db_table} WHERE id = ANY(%s)
            """,
            [reason, str(change), list(ids)],
        )


def delete_with_history(model: type[Model], ids: Collection[int], reason: str) -> None:
    """Record the rows' deletion, then delete them in one statement (no per-row signals,
    which would record each row a second time). Rows referring to them go first."""
    if not ids:
        return
    record_history(model, ids, Change.DELETED, reason)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE id = ANY(%s)", [list(ids)])
