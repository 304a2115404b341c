"""The filtered chronology as CSV, JSON, iCalendar and TimelineJS JSON.

Every export carries the date at its precision. iCalendar has no notion of a vague
date, so month- and year-precision events become all-day events spanning the whole
month or year, with the precision said in the summary; undated events are left out
of the calendar and of TimelineJS (neither can place them), but are in CSV and JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable

import icalendar
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.html import escape, format_html_join

from timeline.models import DatePrecision, Event, Role

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}
CSV_COLUMNS = [
    "id",
    "date",
    "precision",
    "date_start",
    "date_end",
    "needs_review",
    "date_derivation",
    "kind",
    "place",
    "summary",
    "participants",
    "mentioned",
    "sources",
    "url",
]


def export_response(fmt: str, events: Iterable[Event], *, request: HttpRequest) -> HttpResponse:
    events = list(events)
    if fmt == "csv":
        response = HttpResponse(content_type=CONTENT_TYPES["csv"])
        write_csv(response, events, request=request)
    elif fmt == "ics":
        response = HttpResponse(to_ics(events, request=request), content_type=CONTENT_TYPES["ics"])
    elif fmt == "timelinejs":
        return JsonResponse(
            to_timelinejs(events, request=request), json_dumps_params={"ensure_ascii": False}
        )
    else:
        return JsonResponse(
            {"count": len(events), "events": [as_json(e, request=request) for e in events]},
            json_dumps_params={"ensure_ascii": False},
        )
    response["Content-Disposition"] = f'attachment; filename="russia-azerbaijan-timeline.{fmt}"'
    return response


def _participants(event: Event, role: str) -> list:
    return [p.actor for p in event.participations.all() if p.role == role]


# CSV --------------------------------------------------------------------------------------


def safe_cell(value) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(out, events: Iterable[Event], *, request: HttpRequest) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        row = [
            e.pk,
            e.date.label,
            e.date_precision,
            e.date_start or "",
            e.date_end or "",
            "yes" if e.needs_review else "no",
            e.date_derivation,
            e.get_kind_display(),
            e.place,
            e.summary,
            "; ".join(a.name for a in _participants(e, Role.PARTICIPANT)),
            "; ".join(a.name for a in _participants(e, Role.MENTIONED)),
            " ".join(request.build_absolute_uri(s.get_absolute_url()) for s in e.sources.all()),
            request.build_absolute_uri(e.get_absolute_url()),
        ]
        writer.writerow([safe_cell(cell) for cell in row])


# JSON -------------------------------------------------------------------------------------


def as_json(e: Event, *, request: HttpRequest) -> dict:
    return {
        "id": e.pk,
        "url": request.build_absolute_uri(e.get_absolute_url()),
        "title": e.heading,
        "summary": e.summary,
        "label": e.label,
        "kind": e.kind,
        "place": e.place,
        "date": {
            "label": e.date.label,
            "precision": e.date_precision,
            "start": e.date_start.isoformat() if e.date_start else None,
            "end": e.date_end.isoformat() if e.date_end else None,
            "derivation": e.date_derivation,
            "evidence": e.date_evidence,
            "needs_review": e.needs_review,
        },
        "participants": [
            {
                "name": p.actor.name,
                "slug": p.actor.slug,
                "role": p.role,
                "url": request.build_absolute_uri(p.actor.get_absolute_url()),
            }
            for p in e.participations.all()
        ],
        "sources": [
            {
                "article_id": s.article_id,
                "title": s.article.title or s.article.file_name,
                "main_event": s.is_main,
                "url": request.build_absolute_uri(s.get_absolute_url()),
            }
            for s in e.sources.all()
        ],
    }


# TimelineJS -------------------------------------------------------------------------------


def _timelinejs_date(e: Event) -> dict:
    """The date only to its precision: a month-precision event has a year and a month."""
    value = e.date
    date = {"year": value.year, "display_date": value.label}
    if value.month is not None:
        date["month"] = value.month
    if value.day is not None:
        date["day"] = value.day
    return date


def to_timelinejs(events: Iterable[Event], *, request: HttpRequest) -> dict:
    """TimelineJS3 JSON; it renders text as HTML, so every value is escaped here."""
    slides = []
    for e in events:
        if not e.date.known:
            continue
        note = (
            f"<p><em>Date needs review: {escape(e.date_derivation)}</em></p>"
            if e.needs_review
            else ""
        )
        sources = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (request.build_absolute_uri(s.get_absolute_url()), s.article.title or "source")
                for s in e.sources.all()
            ),
        )
        slides.append(
            {
                "unique_id": f"event-{e.pk}",
                "start_date": _timelinejs_date(e),
                "group": e.get_kind_display(),
                "text": {
                    "headline": str(escape(e.heading)),
                    "text": f"<p>{escape(e.summary)}</p>{note}<p>Sources: {sources}</p>",
                },
            }
        )
    return {
        "title": {
            "text": {
                "headline": "Russia–Azerbaijan relations",
                "text": "Dates at the precision the sources support.",
            }
        },
        "events": slides,
    }


# iCalendar --------------------------------------------------------------------------------


def to_ics(events: Iterable[Event], *, request: HttpRequest) -> bytes:
    """An all-day event per dated event, spanning its month or year if that is all we know."""
    host = request.get_host().split(":")[0] or "timeline"
    now = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//ru-az-timeline//pages//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Russia–Azerbaijan relations: a timeline")
    for e in events:
        if e.date_start is None or e.date_end is None:
            continue
        date = e.date
        summary = e.heading
        if date.precision != DatePrecision.DAY:
            summary += f" ({date.precision} precision)"
        description = [e.summary, f"Date: {date.label} ({date.precision} precision)."]
        if e.date_derivation:
            description.append(f"How it was dated: {e.date_derivation}.")
        if e.needs_review:
            description.append("The date needs review.")
        stamp = e.updated_at.astimezone(dt.UTC).replace(microsecond=0) if e.updated_at else now
        entry = icalendar.Event()
        entry.add("uid", f"event-{e.pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", e.date_start)
        # DTEND of an all-day event is exclusive: the day after the last day.
        entry.add("dtend", e.date_end + dt.timedelta(days=1))
        entry.add("summary", summary)
        entry.add("description", " ".join(description))
        entry.add("url", request.build_absolute_uri(e.get_absolute_url()))
        if e.place:
            entry.add("location", e.place)
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar.to_ical(sorted=False)  # in the order added
