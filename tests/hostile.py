"""A hostile article and the pages that show it, shared by the security tests.

The article is imported through the real import, so its title, summaries, passages and date
evidence carry markup and template syntax exactly as extraction stores them. Every payload
sets ``window.__pwned`` and opens a dialog if it ever runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse

from articles.models import Article
from tests.factories import make_actor
from timeline.importing import import_paths
from timeline.models import Actor, Event, Participation, Role

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
SVG = '<svg onload="window.__pwned=1;alert(1)">'
LINK = '<a href="javascript:window.__pwned=1;alert(1)">trade</a>'
BREAKOUT = '" onmouseover="window.__pwned=1;alert(1)" x="'
TEMPLATE = "{{ request }} {% debug %} {{ settings.SECRET_KEY }}"
# What would appear in a page if one of them were rendered as markup rather than text.
RAW_MARKERS = (
    "<script>window.__pwned",
    "<img src=x onerror",
    "<svg onload",
    'href="javascript:',
    'onmouseover="window.__pwned=1;alert(1)" x=',
)
# What would appear if the template syntax were evaluated.
TEMPLATE_LEAKS = ("WSGIRequest", "dev-only-insecure-key", "sql_queries")

HOSTILE_ARTICLE = f"""Putin and Aliyev {SCRIPT} meet in Baku {TEMPLATE}

Baku, 12 May 2022. Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in \
Baku {SCRIPT} {IMG} to discuss {LINK} {TEMPLATE}.

On 3 June 2022 Sergey Lavrov {SVG}visited Baku and spoke about "{BREAKOUT}gas" {TEMPLATE}.
"""

ACTOR_NAME = f"Mallory {IMG}"
PLACE = f"Baku {SVG}"


@dataclass
class Hostile:
    article: Article
    event: Event
    actor: Actor

    @property
    def actor_slug(self) -> str:
        return self.actor.slug

    def public_urls(self) -> list[str]:
        return [
            reverse("chronology"),
            reverse("chronology") + "?q=Baku",
            reverse("event_detail", args=[self.event.pk]),
            reverse("article_detail", args=[self.article.pk]),
            reverse("actor_detail", args=[self.actor_slug]),
            reverse("actor_detail", args=["vladimir-putin"]),
        ]

    def admin_urls(self) -> list[str]:
        return [
            reverse("admin:index"),
            reverse("admin:timeline_event_changelist"),
            reverse("admin:timeline_event_change", args=[self.event.pk]),
            reverse("admin:timeline_event_history", args=[self.event.pk]),
            reverse("admin:articles_article_changelist"),
            reverse("admin:articles_article_change", args=[self.article.pk]),
            reverse("admin:articles_article_add"),
            reverse("admin:timeline_actor_changelist"),
            reverse("admin:timeline_actor_change", args=[self.actor.pk]),
            reverse("admin:timeline_actor_changelist") + "?q=Mallory",
        ]


def import_hostile_article(folder: Path) -> Hostile:
    """Import the hostile article, give its main event a hostile place and a hostile actor."""
    path = folder / "hostile.txt"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    report = import_paths([str(path)])
    assert report.failed == 0 and report.created == 1, report.results
    article = Article.objects.get(file_name="hostile.txt")
    event = Event.objects.filter(sources__article=article, sources__is_main=True).get()
    assert SCRIPT in event.summary and TEMPLATE in event.summary  # stored verbatim
    Event.objects.filter(pk=event.pk).update(place=PLACE, label=f"Label {SCRIPT}")
    actor = make_actor(ACTOR_NAME, aliases=[IMG])
    actor.slug = "mallory"
    actor.save()
    Participation.objects.create(event=event, actor=actor, role=Role.PARTICIPANT)
    event.refresh_from_db()
    return Hostile(article=article, event=event, actor=actor)
