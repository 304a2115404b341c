"""`manage.py backup` and `restore`: an edited timeline survives a round trip into an empty
database, every correction intact; restore never overwrites a database by accident."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Article
from tests.conftest import EDITOR_PASSWORD as PASSWORD
from tests.conftest import SEEDS
from tests.factories import make_actor, make_event
from tests.test_admin import change_form_data
from timeline import corrections, services
from timeline.importing import import_paths
from timeline.models import Actor, Event, Participation, Role, Source

# Committed data: the backup runs in its own snapshot transaction, as it does in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor():
    user, _ = services.create_editor(username="editor", password=PASSWORD)
    return user


@pytest.fixture
def edited(seeded, client, editor):
    """The seed timeline after an editor's work: a corrected date and summary, a changed
    participant list, a review, two merged actors and two merged events."""
    client.force_login(editor)
    event = (
        Event.objects.filter(date_precision="day", participations__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = change_form_data(client.get(url))
    data.update(date="May 2021", summary="Corrected by an editor")
    assert client.post(url, data).status_code == 302

    participants = list(event.participations.select_related("actor"))
    newcomer = make_actor("Anna Newcomer", kind="person")
    Participation.objects.create(event=event, actor=newcomer, role=Role.MENTIONED)
    participants[0].delete()
    corrections.lock_participants(event=event)

    corrections.mark_reviewed(events=list(Event.objects.filter(needs_review=True)[:1]))

    twin = make_actor("Sergei Lavrov", aliases=["S. Lavrov"], reviewed=False)
    make_event(summary="Lavrov meets the press", participants=[twin])
    services.merge_actors(into=Actor.objects.get(name="Sergey Lavrov"), others=[twin])

    first = make_event(summary="Talks in Moscow", date=dt.date(2022, 4, 1))
    second = make_event(summary="Moscow talks", date=dt.date(2022, 4, 1), place="Moscow")
    corrections.apply_correction(event=second, values={"place": "Moscow"})
    services.merge_events(events=[first, second])
    return event


def snapshot() -> dict:
    """Everything a correction could live in, as plain values."""
    user_model = get_user_model()
    return {
        "articles": list(
            Article.objects.order_by("pk").values(
                "pk",
                "content_hash",
                "raw_text",
                "title",
                "body_start",
                "body_end",
                "published_date",
                "published_precision",
                "file_name",
                "previous_version",
                "imported_at",
                "extracted_at",
            )
        ),
        "events": list(
            Event.objects.order_by("pk").values(
                "pk",
                "summary",
                "kind",
                "place",
                "label",
                "date_precision",
                "date_start",
                "date_end",
                "precision_rank",
                "date_evidence",
                "date_derivation",
                "needs_review",
                "locked_fields",
                "machine_disagreement",
                "passages",
                "created_at",
                "updated_at",
            )
        ),
        "actors": list(
            Actor.objects.order_by("pk").values(
                "pk", "name", "slug", "kind", "aliases", "office", "offices", "reviewed"
            )
        ),
        "participations": list(
            Participation.objects.order_by("pk").values("pk", "event", "actor", "role")
        ),
        "sources": list(
            Source.objects.order_by("pk").values(
                "pk",
                "event",
                "article",
                "extraction_key",
                "is_main",
                "passage_start",
                "passage_end",
                "date_evidence_start",
                "date_evidence_end",
            )
        ),
        "history": list(
            Event.history.order_by("history_id").values_list(
                "history_id",
                "id",
                "summary",
                "history_type",
                "history_user__username",
                "history_date",
                "locked_fields",
            )
        ),
        "participation_history": Participation.history.count(),
        "actor_history": Actor.history.count(),
        "accounts": list(
            user_model.objects.order_by("username").values_list(
                "username", "password", "is_staff", "is_superuser", "groups__name"
            )
        ),
        "editor_permissions": sorted(
            user_model.objects.get(username="editor").get_all_permissions()
        ),
    }


def assert_same(after: dict, before: dict) -> None:
    assert after.keys() == before.keys()
    for key, rows in before.items():
        if isinstance(rows, list):
            assert len(after[key]) == len(rows), key
            for got, expected in zip(after[key], rows, strict=True):
                assert got == expected, key
        assert after[key] == rows, key


def empty_database() -> None:
    """What a freshly migrated database holds: no rows but content types and permissions."""
    call_command("flush", "--noinput", verbosity=0)
    assert not Event.objects.exists() and not get_user_model().objects.exists()


def test_an_edited_timeline_survives_a_round_trip_into_an_empty_database(
    edited, tmp_path, capsys, client
):
    before = snapshot()
    corrected = Event.objects.get(pk=edited.pk)
    assert {"date_precision", "summary", "participants"} <= set(corrected.locked_fields)
    path = tmp_path / "timeline.json"

    call_command("backup", str(path))
    assert "backed up to" in capsys.readouterr().out
    empty_database()
    call_command("restore", str(path))
    out = capsys.readouterr().out
    assert f"{len(before['articles'])} articles" in out
    assert f"{len(before['events'])} events" in out

    assert_same(snapshot(), before)
    event = Event.objects.get(pk=edited.pk)
    assert event.summary == "Corrected by an editor"
    assert (event.date_precision, event.date_start) == ("month", dt.date(2021, 5, 1))
    assert "Anna Newcomer" in [p.actor.name for p in event.participations.all()]
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    assert "Sergei Lavrov" in lavrov.aliases
    assert event.history.filter(history_user__username="editor").exists()

    # The restored site works: pages, new rows (ids continue), sign-in, and a re-import
    # that recognises every article and keeps every correction.
    assert "Corrected by an editor" in client.get(event.get_absolute_url()).content.decode()
    assert event.heading in client.get("/").content.decode()
    new = make_event(summary="After the restore")
    assert new.pk > max(e["pk"] for e in before["events"])
    assert client.login(username="editor", password=PASSWORD)
    report = import_paths([str(SEEDS)])
    assert report.unchanged == len(list(SEEDS.glob("*.txt"))) and report.failed == 0
    event.refresh_from_db()
    assert event.summary == "Corrected by an editor" and event.date_precision == "month"


def test_restore_refuses_a_database_that_is_not_empty(edited, tmp_path):
    path = tmp_path / "timeline.json"
    call_command("backup", str(path))
    before = snapshot()
    Event.objects.filter(pk=edited.pk).update(summary="Changed after the backup")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path))
    message = str(refused.value)
    assert "restore refused: the database is not empty" in message
    assert "pass --force" in message and "\n" not in message
    assert Event.objects.get(pk=edited.pk).summary == "Changed after the backup"

    # --force replaces what is there with the backup.
    make_event(summary="Added after the backup")
    call_command("restore", str(path), "--force")
    assert_same(snapshot(), before)


def test_a_failed_restore_leaves_the_database_as_it_was(edited, tmp_path):
    path = tmp_path / "timeline.json"
    call_command("backup", str(path))
    backup = json.loads(path.read_text())
    for row in backup["objects"]:
        if row["model"] == "timeline.source":
            row["fields"]["article"] = 999_999  # an article that is not in the backup
            break
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(backup))
    empty_database()

    with pytest.raises(CommandError, match="could not be loaded, nothing was restored"):
        call_command("restore", str(broken))
    assert not Article.objects.exists() and not Event.objects.exists()
    assert not get_user_model().objects.exists()


def test_restore_refuses_files_that_are_not_backups(db, tmp_path):
    cases = {
        "missing.json": (None, "no such file"),
        "fixture.json": (b"[]", "not a timeline backup"),
        "text.json": (b"hello", "not a timeline backup (not JSON"),
        "binary.json": (b"\xff\xfe\x00", "not a timeline backup"),
        "damaged.json.gz": (b"\x1f\x8b\x08\x00garbage", "damaged gzip file"),
        "future.json": (
            json.dumps({"format": "ru-az-timeline-backup", "version": 99, "objects": []}).encode(),
            "version 99 backup",
        ),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(CommandError, match="restore refused") as refused:
            call_command("restore", str(path))
        assert message in str(refused.value), name


def test_restore_refuses_a_backup_of_another_schema(edited, tmp_path):
    path = tmp_path / "timeline.json"
    call_command("backup", str(path))
    backup = json.loads(path.read_text())
    backup["migrations"]["timeline"].append("0099_from_the_future")
    path.write_text(json.dumps(backup))
    empty_database()
    with pytest.raises(CommandError, match="other migrations than this database has"):
        call_command("restore", str(path))


def test_a_gzipped_backup_is_private_to_its_owner(seeded, tmp_path):
    path = tmp_path / "timeline.json.gz"
    call_command("backup", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it holds password hashes
    backup = json.loads(gzip.decompress(path.read_bytes()))
    assert backup["format"] == "ru-az-timeline-backup"
    assert backup["counts"]["articles.Article"] == Article.objects.count()
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no leftovers
    empty_database()
    call_command("restore", str(path))
    assert Article.objects.count() == backup["counts"]["articles.Article"]


def test_backup_into_a_missing_folder_fails_with_one_line(db, tmp_path):
    with pytest.raises(CommandError, match="backup failed: no such folder"):
        call_command("backup", str(tmp_path / "nowhere" / "timeline.json"))
