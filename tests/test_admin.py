"""The editors' admin: who may do what, the review queue, date entry, uploads, query counts."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.extraction.datevalue import EntryError, parse_entry
from articles.models import Article
from tests.factories import make_actor, make_article, make_event
from timeline import services
from timeline.models import Event

pytestmark = pytest.mark.django_db


def change_form_data(response) -> dict:
    """What the browser would post back from a change form it was shown, unchanged."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else str(value)

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def event_url(event, action="change"):
    return reverse(f"admin:timeline_event_{action}", args=[event.pk])


# Who may do what --------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_editors_group_holds_exactly_the_editors_permissions(editor):
    group = Group.objects.get(name=services.EDITORS_GROUP)
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert perms == {
        "timeline.view_event",
        "timeline.change_event",
        "timeline.view_actor",
        "timeline.change_actor",
        "timeline.view_participation",
        "timeline.add_participation",
        "timeline.change_participation",
        "timeline.delete_participation",
        "timeline.view_source",
        "timeline.change_source",
        "articles.view_article",
        "articles.add_article",
    }
    assert editor.is_staff and not editor.is_superuser
    assert not editor.has_perm("articles.delete_article")
    assert not editor.has_perm("timeline.delete_event")


def test_editor_cannot_delete_an_article(editor_client):
    article = make_article()
    response = editor_client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assert response.status_code == 403
    changelist = editor_client.get(reverse("admin:articles_article_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()


def test_deleting_an_article_with_events_is_refused_without_an_error(admin_client):
    event = make_event()
    article = event.sources.get().article
    url = reverse("admin:articles_article_delete", args=[article.pk])
    for response in (admin_client.get(url), admin_client.post(url, {"post": "yes"})):
        assert response.status_code == 200
        assert "cannot be deleted" in response.content.decode()
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()
    assert Event.objects.filter(pk=event.pk).exists()


# Every page, in few queries ---------------------------------------------------------------


def test_every_editor_page_loads(editor_client):
    actor = make_actor("Sergey Lavrov", aliases=["Sergei Lavrov"])
    event = make_event(participants=[actor], date_evidence="11 May 2021")
    article = event.sources.get().article
    urls = [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_changelist") + "?needs_review__exact=1&year=2021&q=Event",
        reverse("admin:timeline_event_changelist") + f"?actor={actor.pk}&disagrees=yes",
        event_url(event),
        event_url(event, "history"),
        reverse("admin:timeline_actor_changelist") + "?q=sergei",
        reverse("admin:timeline_actor_change", args=[actor.pk]),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_add"),
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 200, url


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add_events(n: int) -> None:
    for i in range(n):
        actors = [make_actor(), make_actor(kind="country")]
        make_event(
            summary=f"Talks number {i}",
            participants=actors[:1],
            mentioned=actors[1:],
            date=dt.date(2015 + i % 8, 1 + i % 12, 1 + i % 28),
        )


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:timeline_event_changelist",
        "admin:timeline_actor_changelist",
        "admin:articles_article_changelist",
    ],
)
def test_changelists_take_the_same_queries_for_5_or_30_rows(editor_client, url_name):
    url = reverse(url_name)
    _add_events(5)
    few = _queries(editor_client, url)
    _add_events(25)
    many = _queries(editor_client, url)
    assert many == few
    assert many <= 16


# The review queue -------------------------------------------------------------------------


def test_review_queue_lists_events_needing_review_first_with_participants(editor_client):
    lavrov = make_actor("Sergey Lavrov")
    make_event(summary="Settled event", date=dt.date(2001, 1, 1))
    make_event(
        summary="Doubtful event",
        date=dt.date(2022, 1, 1),
        precision="year",
        needs_review=True,
        participants=[lavrov],
        date_derivation="'last year' relative to the article's date (2023)",
    )
    response = editor_client.get(reverse("admin:timeline_event_changelist"))
    page = response.content.decode()
    assert page.index("Doubtful event") < page.index("Settled event")
    assert "Sergey Lavrov" in page
    assert "&#x27;last year&#x27; relative" in page


def test_actor_filter_shows_only_that_actors_events(editor_client):
    aliyev = make_actor("Ilham Aliyev")
    make_event(summary="Aliyev speaks", participants=[aliyev])
    make_event(summary="Someone else speaks")
    response = editor_client.get(reverse("admin:timeline_event_changelist") + f"?actor={aliyev.pk}")
    page = response.content.decode()
    assert "Aliyev speaks" in page and "Someone else speaks" not in page


def test_actor_search_finds_aliases_in_the_list_and_in_autocomplete(editor_client):
    make_actor("Sergey Lavrov", aliases=["Sergei Lavrov", "Lavrov S.V."])
    make_actor("Ilham Aliyev")
    page = editor_client.get(reverse("admin:timeline_actor_changelist") + "?q=sergei").content
    assert b"Sergey Lavrov" in page and b"Ilham Aliyev" not in page
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "timeline",
            "model_name": "participation",
            "field_name": "actor",
            "term": "lavrov s.v.",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Sergey Lavrov"]


def test_mark_reviewed_action_empties_the_queue(editor_client):
    events = [make_event(needs_review=True) for _ in range(3)]
    response = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "mark_reviewed", "_selected_action": [e.pk for e in events]},
        follow=True,
    )
    assert "Marked 3 events reviewed" in response.content.decode()
    assert not Event.objects.filter(needs_review=True).exists()
    assert {"needs_review", "date_start"} <= set(Event.objects.get(pk=events[0].pk).locked_fields)


def test_change_form_shows_the_date_evidence_marked_in_its_passage(editor_client):
    text = (
        "Talks in Baku\n\nSergey Lavrov arrived in Baku on 11 May 2021 for talks. "
        "He met the president."
    )
    article = make_article(text=text)
    at = text.index("11 May 2021")
    event = make_event(
        article=article,
        passage=(text.index("Sergey"), len(text)),
        date_evidence="11 May 2021",
        date_derivation="explicit date in text",
        machine_disagreement="extractor now says 2020 (year)",
    )
    event.sources.update(date_evidence_start=at, date_evidence_end=at + len("11 May 2021"))
    page = editor_client.get(event_url(event)).content.decode()
    assert "arrived in Baku on <mark>11 May 2021</mark> for talks" in page
    assert "explicit date in text" in page
    assert "extractor now says 2020 (year)" in page
    assert reverse("article_detail", args=[article.pk]) in page


def test_evidence_outside_the_passage_is_shown_in_its_own_sentence(editor_client):
    text = "BAKU, 26 November <b>\n\nThe presidents met. They talked about trade."
    article = make_article(text=text)
    event = make_event(article=article, passage=(text.index("The"), len(text)))
    event.sources.update(date_evidence_start=6, date_evidence_end=17)
    page = editor_client.get(event_url(event)).content.decode()
    assert "BAKU, <mark>26 November</mark> &lt;b&gt;" in page
    assert "The date comes from elsewhere in the article" in page


# Date entry -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "start"),
    [
        ("2021-05-11", "day", dt.date(2021, 5, 11)),
        ("11 May 2021", "day", dt.date(2021, 5, 11)),
        ("May 11, 2021", "day", dt.date(2021, 5, 11)),
        (" 11\xa0may  2021 ", "day", dt.date(2021, 5, 11)),
        ("May 2021", "month", dt.date(2021, 5, 1)),
        ("sept. 2021", "month", dt.date(2021, 9, 1)),
        ("2021-05", "month", dt.date(2021, 5, 1)),
        ("2021", "year", dt.date(2021, 1, 1)),
        ("unknown", "unknown", None),
        # Other spellings and languages go through dateparser.
        ("Nov. 26th, 2021", "day", dt.date(2021, 11, 26)),
        ("26 ноября 2021", "day", dt.date(2021, 11, 26)),
        ("ноябрь 2021", "month", dt.date(2021, 11, 1)),
    ],
)
def test_date_entry_understands_the_usual_ways_of_writing_a_date(text, precision, start):
    value = parse_entry(text)
    assert (value.precision, value.first) == (precision, start)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13-40", "there is no month 13"),
        ("2021-02-30", "February 2021 has 28 days"),
        ("31 April 2021", "April 2021 has 30 days"),
        ("Mai 2021", "“mai” is not the name of a month"),
        ("last Tuesday", "is not a date this form understands"),
        ("", "Enter a date"),
    ],
)
def test_date_entry_refuses_impossible_dates_with_a_reason(text, message):
    with pytest.raises(EntryError) as caught:
        parse_entry(text)
    assert message in str(caught.value)


def _post_change(client, event, **changes):
    data = change_form_data(client.get(event_url(event)))
    data.update(changes)
    return client.post(event_url(event), data)


def test_an_impossible_date_is_refused_on_the_form_with_its_reason(editor_client):
    event = make_event()
    response = _post_change(editor_client, event, date="2021-13-40")
    assert response.status_code == 200
    assert "there is no month 13" in response.content.decode()
    assert Event.objects.get(pk=event.pk).date_start == dt.date(2021, 5, 11)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"date": "2021", "date_start": "2021-06-01", "date_end": "2021-03-01"},
            "The interval ends before it starts.",
        ),
        ({"date": "May 2021", "date_precision": "day"}, "A day-precision date needs a day"),
        (
            {
                "date": "2021",
                "date_precision": "day",
                "date_start": "2021-03-01",
                "date_end": "2021-03-05",
            },
            "A day-precision date covers exactly one day.",
        ),
        (
            {"date": "2021", "date_start": "2022-03-01", "date_end": "2022-05-31"},
            "The interval must lie within the date",
        ),
        ({"date": "unknown", "date_precision": "year"}, "A year-precision date needs a year"),
    ],
)
def test_impossible_intervals_are_refused_with_clear_messages(editor_client, changes, message):
    event = make_event()
    response = _post_change(editor_client, event, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Event.objects.get(pk=event.pk).date_precision == "day"


def test_typing_a_date_sets_precision_and_interval_and_locks_them(editor_client, editor):
    event = make_event(date_derivation="'last year' relative to the article's date (2023)")
    response = _post_change(editor_client, event, date="May 2021")
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date_precision, event.date_start, event.date_end) == (
        "month",
        dt.date(2021, 5, 1),
        dt.date(2021, 5, 31),
    )
    assert {"date_precision", "date_start", "date_end", "date_derivation"} <= set(
        event.locked_fields
    )
    assert "summary" not in event.locked_fields
    assert event.date_derivation.startswith("corrected by an editor (the extractor said 11 May")
    assert event.history.latest().history_user == editor


def test_an_exact_interval_override_is_kept(editor_client):
    event = make_event()
    response = _post_change(
        editor_client, event, date="2021", date_start="2021-03-01", date_end="2021-05-31"
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date_precision, event.date_start, event.date_end) == (
        "year",
        dt.date(2021, 3, 1),
        dt.date(2021, 5, 31),
    )
    # Shown again, the override is there; typing a new date replaces it.
    response = _post_change(editor_client, event, date="2019")
    event.refresh_from_db()
    assert (event.date_start, event.date_end) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_saving_without_changes_locks_nothing(editor_client):
    event = make_event()
    assert _post_change(editor_client, event).status_code == 302
    assert Event.objects.get(pk=event.pk).locked_fields == []


def test_changing_participants_locks_the_participant_list(editor_client):
    lavrov, aliyev = make_actor("Sergey Lavrov"), make_actor("Ilham Aliyev")
    event = make_event(participants=[lavrov])
    data = change_form_data(editor_client.get(event_url(event)))
    data["participations-1-actor"] = str(aliyev.pk)
    data["participations-1-role"] = "participant"
    assert editor_client.post(event_url(event), data).status_code == 302
    event.refresh_from_db()
    assert set(event.participations.values_list("actor__name", flat=True)) == {
        "Sergey Lavrov",
        "Ilham Aliyev",
    }
    assert event.locked_fields == ["participants"]
    assert event.history.latest().locked_fields == ["participants"]


# Uploads ----------------------------------------------------------------------------------


def test_upload_without_a_file_asks_for_one(editor_client):
    response = editor_client.post(reverse("admin:articles_article_add"), {})
    assert response.status_code == 200
    assert "Choose at least one file." in response.content.decode()


def test_article_changelist_links_to_the_upload_page(editor_client):
    page = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Upload articles" in page


def test_reextract_action_reports_counts(editor_client, seeded):
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "reextract",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert "Extraction ran again: 0 created, 5 updated, 0 unchanged, 0 failed" in (
        response.content.decode()
    )
