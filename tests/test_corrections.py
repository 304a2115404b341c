"""The rule above all: an editor's correction is never overwritten (timeline/corrections.py).

Corrections survive re-import, re-extraction, a changed extractor and one that no longer finds
the event; also merges, history and editor accounts."""

import dataclasses
import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Article
from tests.conftest import EDITOR_PASSWORD as PASSWORD
from tests.conftest import SEEDS
from tests.factories import make_actor, make_article, make_event
from tests.test_admin import change_form_data, event_url
from timeline import corrections, services
from timeline.importing import import_paths, imports, reextract_articles
from timeline.models import Actor, Event, Participation, Role, Source

pytestmark = pytest.mark.django_db

DATE = ("date_precision", "date_start", "date_end")


def _dated_seed_event() -> Event:
    """A seed event the machine dated to a day, from an article that owns it."""
    return Event.objects.filter(date_precision="day").order_by("id").first()


def _date(event: Event) -> tuple:
    event.refresh_from_db()
    return event.date_precision, event.date_start, event.date_end


def _correct_to_2019(client, event: Event) -> None:
    data = change_form_data(client.get(event_url(event)))
    data.update(date="2019", summary="Corrected summary")
    assert client.post(event_url(event), data).status_code == 302


CORRECTED = ("year", dt.date(2019, 1, 1), dt.date(2019, 12, 31))


# Corrections survive ----------------------------------------------------------------------


def test_a_correction_survives_reimport_and_reextraction(seeded, editor_client, capsys):
    event = _dated_seed_event()
    machine_date = _date(event)
    _correct_to_2019(editor_client, event)
    assert _date(event) == CORRECTED

    import_paths([str(SEEDS)])  # the same files again: nothing to do
    assert _date(event) == CORRECTED

    call_command("import_articles", str(SEEDS), "--reextract")
    assert "5 updated" in capsys.readouterr().out
    assert _date(event) == CORRECTED
    assert event.summary == "Corrected summary"
    # The machine still reads the text its own way: that is recorded, and flagged for review.
    assert machine_date[1].isoformat() in event.machine_disagreement
    assert event.needs_review

    reextract_articles(Article.objects.all())
    assert _date(event) == CORRECTED
    assert event.summary == "Corrected summary"


def test_a_correction_survives_a_changed_extractor(seeded, editor_client, monkeypatch):
    corrected = _dated_seed_event()
    untouched = (
        Event.objects.filter(date_precision="day").exclude(pk=corrected.pk).order_by("id").first()
    )
    _correct_to_2019(editor_client, corrected)
    real = imports.iter_extract_batch

    def extractor_now_says_1999(items, **kwargs):
        for index, result in real(items, **kwargs):
            for item in result.events:
                item.date = dataclasses.replace(
                    item.date, precision="year", year=1999, month=None, day=None, needs_review=False
                )
                item.summary = "The machine's new summary"
            yield index, result

    monkeypatch.setattr(imports, "iter_extract_batch", extractor_now_says_1999)
    reextract_articles(Article.objects.all())

    assert _date(corrected) == CORRECTED
    assert corrected.summary == "Corrected summary"
    assert "1999" in corrected.machine_disagreement
    assert corrected.needs_review
    # An event no editor touched follows the machine.
    assert _date(untouched)[1] == dt.date(1999, 1, 1)
    assert untouched.summary == "The machine's new summary"


def test_a_reviewed_event_stays_reviewed_after_reextraction(seeded, editor_client):
    event = Event.objects.filter(needs_review=True).order_by("id").first()
    editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "mark_reviewed", "_selected_action": [event.pk]},
    )
    before = _date(event)
    reextract_articles(Article.objects.all())
    event.refresh_from_db()
    assert not event.needs_review
    assert _date(event) == before


def test_participants_an_editor_set_survive_reextraction(seeded, editor_client):
    event = _dated_seed_event()
    aliyev = make_actor("Nigar Testova")
    names = {*event.participations.values_list("actor__name", flat=True), "Nigar Testova"}
    data = change_form_data(editor_client.get(event_url(event)))
    prefix = f"participations-{data['participations-INITIAL_FORMS']}"
    data.update({f"{prefix}-actor": str(aliyev.pk), f"{prefix}-role": "participant"})
    assert editor_client.post(event_url(event), data).status_code == 302
    reextract_articles(Article.objects.all())
    assert set(event.participations.values_list("actor__name", flat=True)) == names


def test_unlocking_hands_the_fields_back_to_the_machine(seeded, editor_client):
    event = _dated_seed_event()
    machine_date = _date(event)
    _correct_to_2019(editor_client, event)
    editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "unlock", "_selected_action": [event.pk]},
    )
    assert Event.objects.get(pk=event.pk).locked_fields == []
    response = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "reextract_event_articles", "_selected_action": [event.pk]},
        follow=True,
    )
    assert "Extraction ran again: 0 created, 1 updated" in response.content.decode()
    assert _date(event) == machine_date
    assert event.machine_disagreement == ""


def test_a_corrected_event_the_extractor_no_longer_finds_is_kept(
    seeded, editor_client, monkeypatch
):
    event = _dated_seed_event()
    _correct_to_2019(editor_client, event)
    real = imports.iter_extract_batch

    def finds_nothing(items, **kwargs):
        for index, result in real(items, **kwargs):
            result.events = [e for e in result.events if e.main]
            yield index, result

    monkeypatch.setattr(imports, "iter_extract_batch", finds_nothing)
    reextract_articles(Article.objects.all())
    assert _date(event) == CORRECTED


# History ----------------------------------------------------------------------------------


def test_history_shows_who_changed_what_and_revert_restores_it(editor_client, editor):
    event = make_event(summary="Lavrov visits Baku")
    original = _date(event)
    first_version = event.history.latest()
    _correct_to_2019(editor_client, event)

    latest = event.history.latest()
    assert latest.history_user == editor
    delta = latest.diff_against(first_version)
    assert {"date_precision", "date_start", "date_end", "summary"} <= set(delta.changed_fields)
    page = editor_client.get(event_url(event, "history")).content.decode()
    assert "editor" in page and "2019-01-01" in page

    revert_url = reverse(
        "admin:timeline_event_simple_history", args=[event.pk, first_version.history_id]
    )
    response = editor_client.get(revert_url)
    assert response.status_code == 200
    data = change_form_data(response)
    assert editor_client.post(revert_url, data).status_code == 302
    assert _date(event) == original
    assert event.summary == "Lavrov visits Baku"
    # Reverting is an editor's choice too: the restored values stay locked.
    assert set(DATE) <= set(event.locked_fields)


def test_someone_who_may_only_view_cannot_revert(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password=PASSWORD, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(viewer)
    event = make_event()
    version = event.history.latest()
    url = reverse("admin:timeline_event_simple_history", args=[event.pk, version.history_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"date": "1990", "summary": "x", "kind": "other"}).status_code == 403
    assert client.get(event_url(event)).status_code == 200  # read-only change page


# Merges -----------------------------------------------------------------------------------


def test_merging_events_keeps_the_oldest_and_moves_everything_once(editor_client):
    lavrov, aliyev, putin = (
        make_actor("Sergey Lavrov"),
        make_actor("Ilham Aliyev"),
        make_actor("Vladimir Putin"),
    )
    oldest = make_event(summary="Lavrov in Baku", participants=[lavrov], mentioned=[aliyev])
    duplicate = make_event(
        summary="Lavrov visits Baku",
        participants=[aliyev, lavrov],
        mentioned=[putin],
        date=dt.date(2021, 5, 1),
        precision="month",
    )
    corrections.apply_correction(event=duplicate, values={"place": "Baku"})
    url = reverse("admin:timeline_event_changelist")
    post = {"action": "merge_events", "_selected_action": [duplicate.pk, oldest.pk]}

    confirm = editor_client.post(url, post)
    assert confirm.status_code == 200
    assert confirm.context["form"]["keep"].value() == oldest.pk
    assert Event.objects.count() == 2

    response = editor_client.post(url, {**post, "confirm": "yes", "keep": oldest.pk}, follow=True)
    assert "Merged 2 events into" in response.content.decode()
    assert list(Event.objects.values_list("pk", flat=True)) == [oldest.pk]
    oldest.refresh_from_db()
    assert Source.objects.filter(event=oldest).count() == 2
    roles = dict(oldest.participations.values_list("actor__name", "role"))
    assert roles == {
        "Sergey Lavrov": Role.PARTICIPANT,
        "Ilham Aliyev": Role.PARTICIPANT,
        "Vladimir Putin": Role.MENTIONED,
    }
    assert oldest.place == "Baku"  # the editor's correction on the duplicate wins
    assert oldest.date_precision == "day"  # the machine's date on the duplicate does not
    assert {"place", "participants"} <= set(oldest.locked_fields)
    assert "Lavrov visits Baku" not in oldest.summary


def test_merging_one_event_is_refused_politely(editor_client):
    event = make_event()
    response = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_events", "_selected_action": [event.pk]},
        follow=True,
    )
    assert "Select at least two events to merge." in response.content.decode()


def test_merging_actors_moves_participations_and_names(editor_client):
    lavrov = make_actor("Sergey Lavrov", aliases=["Lavrov"])
    twin = make_actor("Sergei Lavrov", aliases=["S. Lavrov"], reviewed=False)
    shared = make_event(participants=[lavrov], mentioned=[twin])
    make_event(participants=[lavrov])
    own = make_event(mentioned=[twin])
    url = reverse("admin:timeline_actor_changelist")
    post = {"action": "merge_actors", "_selected_action": [twin.pk, lavrov.pk]}

    confirm = editor_client.post(url, post)
    assert confirm.context["form"]["keep"].value() == lavrov.pk  # the one in most events
    editor_client.post(url, {**post, "confirm": "yes", "keep": lavrov.pk})

    assert list(Actor.objects.values_list("name", flat=True)) == ["Sergey Lavrov"]
    lavrov.refresh_from_db()
    assert lavrov.aliases == ["Lavrov", "Sergei Lavrov", "S. Lavrov"]
    assert Participation.objects.filter(actor=lavrov).count() == 3
    assert shared.participations.get().role == Role.PARTICIPANT
    assert own.participations.get().actor == lavrov


def test_merging_actors_when_the_duplicate_is_the_busier_one():
    first, second = make_actor("A. Person"), make_actor("Anna Person")
    event = make_event(participants=[first, second])
    kept = services.merge_actors(into=second, others=[first, second])
    assert kept == second and not Actor.objects.filter(pk=first.pk).exists()
    assert list(event.participations.values_list("actor__name", flat=True)) == ["Anna Person"]


def test_renaming_an_actor_keeps_the_old_name_as_an_alias(editor_client):
    actor = make_actor("Sergei Lavrov")
    url = reverse("admin:timeline_actor_change", args=[actor.pk])
    data = change_form_data(editor_client.get(url))
    data["name"] = "Sergey Lavrov"
    assert editor_client.post(url, data).status_code == 302
    actor.refresh_from_db()
    assert (actor.name, actor.aliases, actor.slug) == (
        "Sergey Lavrov",
        ["Sergei Lavrov"],
        "sergei-lavrov",
    )


# Editor accounts --------------------------------------------------------------------------


def test_create_editor_reads_the_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    call_command("create_editor", "nigar", "--password-from-env", "EDITOR_PASSWORD")
    call_command("create_editor", "nigar", "--email", "nigar@example.org")  # idempotent
    out = capsys.readouterr().out
    assert "created editor nigar" in out and "updated editor nigar" in out
    from django.contrib.auth import authenticate

    user = authenticate(username="nigar", password=PASSWORD)
    assert user is not None and user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.email == "nigar@example.org"


def test_create_editor_never_invents_a_password(monkeypatch):
    monkeypatch.delenv("NOT_SET", raising=False)
    with pytest.raises(CommandError, match="NOT_SET is not set"):
        call_command("create_editor", "nigar", "--password-from-env", "NOT_SET")
    with pytest.raises(CommandError, match="needs a password"):
        call_command("create_editor", "nigar")  # no terminal to prompt in
    monkeypatch.setenv("WEAK", "1234")
    with pytest.raises(CommandError, match="password refused"):
        call_command("create_editor", "nigar", "--password-from-env", "WEAK")
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="nigar").exists()


def test_an_article_backing_events_cannot_be_deleted_even_in_code():
    from django.db.models import ProtectedError

    article = make_article()
    make_event(article=article)
    with pytest.raises(ProtectedError):
        article.delete()
