"""Public pages: the chronology, an actor's chronology, an event, an article.

Each works as a plain server-rendered page; htmx requests for the chronology get
only the part they swap (`chronology.html#results`, or `#page` for "More").
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django_htmx.http import push_url

from articles.models import LANGUAGE_CHOICES, Article
from timeline import selectors
from timeline.datacache import DataVersion, cache_per_version
from timeline.exports import export_response
from timeline.filters import FORMATS, ORDERS, EventFilterForm, EventFilters
from timeline.models import Actor, Event, EventKind, Role
from timeline.pages.actor_filter import actor_checkboxes, suggested_names
from timeline.pages.article_text import article_regions
from timeline.pages.cards import english_label
from timeline.pages.chart import year_chart
from timeline.pages.dating import explanation
from timeline.pages.pagination import EventPaginator

# The headers an htmx request sends that change what the chronology answers: full page and
# fragment share a URL, so caches (ours too) must keep them apart.
HTMX_HEADERS = ("HX-Request", "HX-Boosted", "HX-History-Restore-Request")


def _is_export(request: HttpRequest) -> bool:
    """Asks for an export (as the filter form will read it: the last `format` given)."""
    return request.GET.get("format") in EXPORT_FORMATS


EXPORT_FORMATS = {fmt for fmt, _ in FORMATS}


# The rendered page is kept until the archive changes: the same filters give the same page to
# everyone, so a busy view is rendered once per change, not once per reader. Exports are not.


@cache_per_version(vary=HTMX_HEADERS, unless=_is_export)
def chronology(request: HttpRequest, *, version: DataVersion) -> HttpResponse:
    return _chronology_page(request, "timeline/chronology.html", version)


@cache_per_version(vary=HTMX_HEADERS, unless=_is_export)
def actor_detail(request: HttpRequest, slug: str, *, version: DataVersion) -> HttpResponse:
    """The chronology with one actor fixed."""
    actor = get_object_or_404(Actor, slug=slug)
    return _chronology_page(request, "timeline/actor_detail.html", version, actor=actor)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.with_evidence(), pk=pk)
    took_part = (p.actor.name for p in event.participations.all() if p.role == Role.PARTICIPANT)
    label = english_label(event.heading, event.kind, took_part, event.place)
    told = [(s.date, s.date_derivation) for s in event.sources.all()]
    context = {
        "event": event,
        "english_label": label,
        "date_explanation": explanation(event.date, event.date_derivation, told),
    }
    return render(request, "timeline/event_detail.html", context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    sources = selectors.sources_in(article)
    return render(
        request,
        "timeline/article_detail.html",
        {
            "article": article,
            "regions": article_regions(article, sources),
            "sources": sources,
            "event_ids": sorted({s.event_id for s in sources}),
        },
    )


def _chronology_page(
    request: HttpRequest, template: str, version: DataVersion, *, actor: Actor | None = None
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
    paginator = EventPaginator(
        selectors.listed_events(filters),
        count=selectors.count_in_years(per_year, filters),
        grouped=not filters.by_relevance,
    )
    page = paginator.get_page(filters.page)  # past the end: the last page
    partial = _swapped_part(request, filters)
    context = {
        "actor": actor,
        "filters": filters,
        "page": page,
        "chart": None,  # "More" appends events only; the chart stays as it was
        "exports": [(label, filters.query(format=fmt, page=1)) for fmt, label in FORMATS],
        "next_query": filters.query(page=page.number + 1) if page.has_next() else "",
    }
    if partial != "page":
        context["chart"] = year_chart(per_year, filters, path=request.path)
    if partial:
        template = f"timeline/chronology.html#{partial}"
    else:  # the whole page, with the filter form
        context |= {
            "actor_choices": actor_checkboxes(choices.actors, filters),
            "actor_suggestions": version.cached(
                "actor-suggestions", lambda: _actor_suggestions(choices.actors)
            ),
            "places": choices.places,
            "kinds": EventKind.choices,
            "languages": LANGUAGE_CHOICES,
            "orders": ORDERS,
        }
    response = render(request, template, context)
    if partial == "results":
        query = filters.query(page=1)
        push_url(response, f"{request.path}?{query}" if query else request.path)
    return response


def _actor_suggestions(actors) -> str:
    """<option>s naming every actor with events: hundreds of them, rendered once per version."""
    names = suggested_names(actors)
    return render_to_string("timeline/chronology.html#actor_suggestions", {"names": names})


def _swapped_part(request: HttpRequest, filters: EventFilters) -> str:
    """Which part of the chronology an htmx request swaps, or "" for the whole page."""
    htmx = request.htmx
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return ""
    return "page" if filters.page > 1 else "results"
