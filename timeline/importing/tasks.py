"""The import's tasks on Django's Tasks API (the django-tasks backport until Django 6, where
only this import changes to ``django.tasks``)."""

from __future__ import annotations

from django_tasks import task

from timeline.importing.background import import_chunk_items


@task()
def import_chunk(chunk_id: int) -> dict:
    """Import one chunk of a background import job (see `background`)."""
    return import_chunk_items(chunk_id)
