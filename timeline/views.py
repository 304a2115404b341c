"""Public pages (placeholder until the pages land)."""

from django.http import HttpResponse


def chronology(request):
    return HttpResponse("timeline")


def event_detail(request, pk):
    return HttpResponse("event")


def actor_detail(request, slug):
    return HttpResponse("actor")


def article_detail(request, pk):
    return HttpResponse("article")
