"""Importing articles into the timeline: files in, articles, events, actors and sources stored.

The one way anything extracted reaches the database: new files, changed files and
re-extraction of stored articles all go through ``store``.
"""

from timeline.importing.store import (
    ImportReport,
    ensure_actor_registry,
    import_files,
    import_paths,
    known_actors,
    known_events,
    reextract_articles,
)

__all__ = [
    "ImportReport",
    "ensure_actor_registry",
    "import_files",
    "import_paths",
    "known_actors",
    "known_events",
    "reextract_articles",
]
