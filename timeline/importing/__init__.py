"""Importing articles into the timeline: files in; articles, events, actors and sources stored.

The one way anything extracted reaches the database: new files, changed files and stored
articles extracted again all go through ``store.store_batch`` (see docs/architecture.md).
"""

from timeline.importing.background import enqueue_files, recover_abandoned
from timeline.importing.imports import import_files, import_paths, reextract_articles
from timeline.importing.registry import ensure_actor_registry, known_actors, known_events
from timeline.importing.report import FileResult, ImportReport, Outcome

__all__ = [
    "FileResult",
    "ImportReport",
    "Outcome",
    "enqueue_files",
    "ensure_actor_registry",
    "import_files",
    "import_paths",
    "known_actors",
    "known_events",
    "recover_abandoned",
    "reextract_articles",
]
