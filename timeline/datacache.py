"""Values derived from the whole archive, cached until the archive changes.

Counting every actor's events, listing the places and counting the events of each year read
the whole archive: tens of milliseconds at 100,000 events, on every request. They change only
when events, actors, participations, sources or articles do, so they are computed once and
kept in Django's cache (the default LocMemCache unless settings say otherwise) with the *data
version* as the cache version; so are whole chronology pages (`cache_per_version`).

The version is a PostgreSQL snapshot. Statement triggers (migrations 0002 and 0003) log the id
of every transaction that writes those tables, however it writes (the ORM, bulk imports, COPY,
raw SQL); a version stays current while every logged transaction is visible in its snapshot.
Checking that is one indexed query per request, whatever the size of the archive, and the very
next request after a commit sees the change, in any process: nothing waits for a timeout and
nothing has to be invalidated by hand.

A request whose own transaction has written (a test, or a view that saves before it reads)
sees data that nobody else sees yet: it computes everything afresh and caches nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

T = TypeVar("T")

# Only a bound on memory: a value is never served once the data it came from has changed.
TIMEOUT = 60 * 60
_MISSING = object()

_CHECK = """
SELECT pg_current_snapshot()::text,
       pg_current_xact_id_if_assigned() IS NOT NULL,
       EXISTS (
           SELECT 1 FROM timeline_datachange
           WHERE xid >= pg_snapshot_xmin(%(known)s::pg_snapshot)
             AND NOT pg_visible_in_snapshot(xid, %(known)s::pg_snapshot)
       )
"""


@dataclass(frozen=True)
class DataVersion:
    """The state of events, actors and participations that this request sees.

    `key` is None when the request must not use the cache (its transaction has written).
    """

    key: str | None

    def cached(self, name: str, compute: Callable[[], T], *, variant: Hashable = None) -> T:
        """`compute()`, or what it gave earlier for the same data (and the same `variant`)."""
        if self.key is None:
            return compute()
        cache_key = f"timeline:{name}"
        if variant is not None:
            cache_key += ":" + _digest(repr(variant))
        value = cache.get(cache_key, _MISSING, version=self.key)
        if value is _MISSING:
            value = compute()
            cache.set(cache_key, value, TIMEOUT, version=self.key)
        return value


def current() -> DataVersion:
    """The data version, in one query: is the last snapshot seen still current, or is this one?"""
    database = _database()
    snapshot_key = f"timeline:data-snapshot:{_digest(database)}"
    known = cache.get(snapshot_key)
    with connection.cursor() as cursor:
        cursor.execute(_CHECK, {"known": known})
        now, writing, changed = cursor.fetchone()
    if writing:
        return DataVersion(None)
    if known is None or changed:
        # Taken before anything is computed under it: a value may be newer than its version
        # (then the next check moves on), never older.
        known = now
        cache.set(snapshot_key, known, TIMEOUT)
    return DataVersion(_digest(f"{database}|{known}"))


def _database() -> str:
    # Databases that share a cache (two test runs, staging and production) must not mix.
    settings = connection.settings_dict
    return f"{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


def cache_per_version(
    *, vary: Sequence[str] = (), unless: Callable[[HttpRequest], bool] = lambda request: False
):
    """Keep a view's pages under the data version: the same URL and the same values of the
    request headers in `vary` give the same page to everyone until the archive changes, so a
    busy view renders once per change, not once per reader.

    `vary` is said once, here: the responses name those headers in `Vary`
    (`patch_vary_headers`), and the pages are kept per their values. The view gets the
    version as `version=`. Responses other than 200, and requests for which `unless(request)`
    holds, are not kept (nor marked to vary). Only the server keeps the page: no caching
    headers are added, so browsers and proxies still ask again every time.
    """
    meta_names = [f"HTTP_{header.upper().replace('-', '_')}" for header in vary]

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            version = current()
            if unless(request):
                return view(request, *args, version=version, **kwargs)
            key = None
            if version.key is not None and request.method in ("GET", "HEAD"):
                variant = (request.get_full_path(), *(request.META.get(m) for m in meta_names))
                key = f"timeline:page:{view.__name__}:{_digest(repr(variant))}"
                response = cache.get(key, version=version.key)
                if response is not None:
                    return response
            response = view(request, *args, version=version, **kwargs)
            patch_vary_headers(response, vary)
            if key is not None and response.status_code == 200 and not response.streaming:
                cache.set(key, response, TIMEOUT, version=version.key)
            return response

        return cached_view

    return decorator
