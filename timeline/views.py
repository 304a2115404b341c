"""Public pages: the chronology, an actor's chronology, an event, an article.

Each works as a plain server-rendered page; htmx requests for the chronology get
only the part they swap (`chronology.html#results`, or `#page` for "More").
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url

from articles.models import Article
from timeline import datacache, display, selectors
from timeline.exports import export_response
from timeline.filters import FORMATS, ORDERS, EventFilterForm
from timeline.models import Actor, Event, EventKind


def chronology(request: HttpRequest) -> HttpResponse:
    return _chronology_page(request, "timeline/chronology.html")


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor, slug=slug)
    return _chronology_page(request, "timeline/actor_detail.html", actor=actor)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.with_evidence(), pk=pk)
    return render(request, "timeline/event_detail.html", {"event": event})


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    sources = selectors.sources_in(article)
    return render(
        request,
        "timeline/article_detail.html",
        {
            "article": article,
            "regions": display.article_regions(article, sources),
            "sources": sources,
            "event_ids": sorted({s.event_id for s in sources}),
        },
    )


# Response headers a cached chronology page needs again (the others are added per response).
_KEPT_HEADERS = ("Content-Type", "Vary", "HX-Push-Url")


def _chronology_page(
    request: HttpRequest, template: str, *, actor: Actor | None = None
) -> HttpResponse:
    """The chronology, or the actor page (the chronology with one actor fixed).

    The rendered page is kept until the archive changes: the same filters give the same page
    to everyone, so a busy view is rendered once per change, not once per reader."""
    version = datacache.current()
    if "format" in request.GET:
        return _render_chronology(request, template, version, actor=actor)
    htmx = request.htmx
    variant = (
        template,
        actor.pk if actor else None,
        request.get_full_path(),
        bool(htmx),
        bool(htmx and htmx.boosted),
        bool(htmx and htmx.history_restore_request),
    )

    def render_page() -> dict:
        response = _render_chronology(request, template, version, actor=actor)
        return {
            "status": response.status_code,
            "content": response.content,
            "headers": {h: response[h] for h in _KEPT_HEADERS if h in response},
        }

    page = version.cached("chronology-page", render_page, variant=variant)
    response = HttpResponse(page["content"], status=page["status"])
    for header, value in page["headers"].items():
        response[header] = value
    return response


def _render_chronology(
    request: HttpRequest,
    template: str,
    version: datacache.DataVersion,
    *,
    actor: Actor | None = None,
) -> HttpResponse:
    choices = selectors.filter_choices(version)
    form = EventFilterForm(
        request.GET, actors=choices.actors, places=choices.places, fixed_actor=actor
    )
    filters = form.filters()
    if filters.format:
        events = selectors.listed_events(filters).with_related()
        return export_response(filters.format, events, request=request)

    per_year = selectors.events_per_year(filters, version)
    page = display.page_of(
        selectors.listed_events(filters),
        number=filters.page,
        total=selectors.count_in_years(per_year, filters),
        grouped=not filters.by_relevance,
    )
    partial = _swapped_part(request, page)
    context = {
        "actor": actor,
        "filters": filters,
        "page": page,
        "chart": None,  # "More" appends events only; the chart stays as it was
        "exports": [(label, filters.query(format=fmt, page=1)) for fmt, label in FORMATS],
        "next_query": filters.query(page=page.number + 1) if page.has_next else "",
    }
    if partial != "page":
        context["chart"] = display.year_chart(per_year, filters, path=request.path)
    if partial:
        template = f"timeline/chronology.html#{partial}"
    else:  # the whole page, with the filter form
        context |= {
            "actor_choices": display.actor_checkboxes(choices.actors, filters),
            "actor_suggestions": version.cached(
                "actor-suggestions", lambda: display.actor_suggestions(choices.actors)
            ),
            "places": choices.places,
            "kinds": EventKind.choices,
            "orders": ORDERS,
        }
    response = render(request, template, context)
    # Full page and fragment share a URL: caches must keep them apart.
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    if partial == "results":
        query = filters.query(page=1)
        push_url(response, f"{request.path}?{query}" if query else request.path)
    return response


def _swapped_part(request: HttpRequest, page: display.EventPage) -> str:
    """Which part of the chronology an htmx request swaps, or "" for the whole page."""
    htmx = request.htmx
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return ""
    return "page" if page.requested > 1 else "results"
