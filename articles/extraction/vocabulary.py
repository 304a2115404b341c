"""The word lists extraction matches against, kept as data in ``data/*.json``.

Places, countries, office titles, event-kind keywords, number and month words live beside
``data/actors.json`` so that they can be read and extended without reading code. Each file is
read once per process; lists keep their order wherever the first match wins.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def vocabulary(name: str) -> dict:
    """The JSON document ``data/<name>.json``, read once."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
