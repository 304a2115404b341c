"""Bad input to the import: each gets a one-line reason, and nothing is half-written."""

import codecs
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.files import BadArticle, decode_article, read_article_file
from articles.models import Article
from timeline.importing import import_paths
from timeline.models import Event, Source

pytestmark = pytest.mark.django_db
GOOD = "Ministers meet\n\nThe ministers met in Baku on 3 March 2019 and discussed trade.\n"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "only whitespace"),
        (bytes(range(256)) * 4, "binary"),
        (b"Talks in Baku\x00 were held.", "NUL"),
        ("Переговоры в Баку".encode("cp1251"), "not UTF-8"),
        ("Café talks in Baku".encode("latin-1"), "not UTF-8"),
        (b"<!DOCTYPE html><html><body>Talks</body></html>", "HTML page"),
        (b"\n<html lang='en'><head></head><body>x</body></html>", "HTML page"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(BadArticle, match=reason) as info:
        decode_article("x.txt", data)
    assert "\n" not in str(info.value)


def test_control_characters_tell_binary_data_from_text():
    # More than one character in a hundred below space (not tab, line or page breaks): binary.
    text = "Переговоры в Баку прошли успешно. " * 40
    noisy = "".join(ch + ("\x01" if i % 50 == 0 else "") for i, ch in enumerate(text))
    with pytest.raises(BadArticle, match="control characters"):
        decode_article("x.txt", noisy.encode("utf-8"))
    # A few stray ones (a form feed, an escape left by a scraper) do not make text binary.
    kept = decode_article("y.txt", (text + "\x1b\x0c\r\n\v").encode("utf-8"))
    assert kept.text.startswith("Переговоры")


def test_utf16_with_bom_is_read():
    data = codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")
    assert decode_article("x.txt", data).text == GOOD


def test_utf8_bom_is_dropped():
    assert decode_article("x.txt", codecs.BOM_UTF8 + GOOD.encode()).text == GOOD


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    opened = []
    monkeypatch.setattr(type(big), "open", lambda self, *a, **k: opened.append(self))
    with pytest.raises(BadArticle, match="over the 2097152-byte limit"):
        read_article_file(big)
    assert opened == []  # refused on its size alone


def test_one_line_of_five_million_characters(tmp_path):
    (tmp_path / "line.txt").write_text("word " * 1_000_000)
    report = import_paths([str(tmp_path)])
    assert report.failed == 1 and "limit" in report.errors[0][1]
    assert Article.objects.count() == 0


def test_changed_version_is_kept_beside_the_old_one(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GOOD)
    import_paths([str(path)])
    path.write_text(GOOD.replace("trade", "trade and energy"))
    report = import_paths([str(path)])
    assert report.created == 1
    old, new = Article.objects.order_by("id")
    assert new.previous_version == old and old.raw_text == GOOD
    assert (
        Source.objects.filter(article=old).exists() and Source.objects.filter(article=new).exists()
    )


def test_missing_path_fails_the_command_with_a_reason(capsys):
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_articles", "/nonexistent/folder")
    assert "no such file or folder" in capsys.readouterr().err


def test_folder_with_thousands_of_files(tmp_path):
    for i in range(1500):
        (tmp_path / f"{i:04d}.txt").write_text(GOOD if i % 3 else "")
    report = import_paths([str(tmp_path)])
    assert (report.created, report.unchanged, report.failed) == (1, 999, 500)
    assert Article.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_folder_at_once(tmp_path):
    for i in range(12):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("3 March", f"{i + 1} March"))
    cmd = [sys.executable, "manage.py", "import_articles", str(tmp_path)]
    from django.conf import settings
    from django.db import connection

    env = {
        "DATABASE_URL": _url(settings.DATABASES["default"], connection.settings_dict["NAME"]),
        "PATH": "/usr/bin:/bin",
    }
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert Article.objects.count() == 12
    assert Source.objects.filter(is_main=True).count() == 12
    assert Event.objects.count() == Source.objects.values("event").distinct().count()
    created = [int(out.strip().splitlines()[-1].split()[0]) for out, _ in outputs]
    assert sum(created) == 12


def _url(db: dict, name: str) -> str:
    host = db.get("HOST") or "localhost"
    if host.startswith("/"):
        return f"postgresql://{db['USER']}@/{name}?host={host}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgresql://{auth}@{host}:{db.get('PORT') or 5432}/{name}"


def test_connection_lost_mid_import_rolls_back_the_article_in_flight(tmp_path, monkeypatch):
    from django.db import OperationalError

    from timeline.importing import imports, store

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("3 March", f"{i + 1} March"))
    monkeypatch.setattr(imports, "BATCH", 2)  # two articles together, then the third alone
    real = store._write_sources
    calls = []

    def flaky(plan):
        calls.append(plan)
        real(plan)  # the third article is half written when the connection drops
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(store, "_write_sources", flaky)
    with pytest.raises(CommandError, match=r"connection lost.*run the same command again"):
        call_command("import_articles", str(tmp_path))
    assert Article.objects.count() == 2
    assert Source.objects.filter(is_main=True).count() == 2
    monkeypatch.setattr(store, "_write_sources", real)
    call_command("import_articles", str(tmp_path))
    assert Article.objects.count() == 3


def test_connection_lost_in_a_chunk_rolls_the_whole_chunk_back(tmp_path, monkeypatch):
    from django.db import OperationalError

    from timeline.importing import store

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("3 March", f"{i + 1} March"))

    def lost(model, ids, change, reason):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(store, "record_history", lost)
    with pytest.raises(CommandError, match="connection lost"):
        call_command("import_articles", str(tmp_path))
    assert (Article.objects.count(), Event.objects.count()) == (0, 0)


def test_a_chunk_with_a_bad_article_falls_back_to_one_at_a_time(tmp_path, monkeypatch):
    from timeline.importing import imports

    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(GOOD.replace("3 March", f"{i + 1} March"))
    real = imports.store_batch
    calls = []

    def failing_chunk(batch, **kwargs):
        calls.append(len(batch))
        if len(batch) > 1:
            from django.db import IntegrityError

            raise IntegrityError("duplicate key value violates unique constraint")
        return real(batch, **kwargs)

    monkeypatch.setattr(imports, "store_batch", failing_chunk)
    report = import_paths([str(tmp_path)])
    assert calls == [4, 1, 1, 1, 1] and report.created == 4
    assert Source.objects.filter(is_main=True).count() == 4
