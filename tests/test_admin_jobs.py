"""Uploads in the admin: they return at once with the job's page, which follows the
background import (htmx, or a reload) and then lists what became of each file."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.conftest import SEEDS
from timeline.importing import enqueue_files
from timeline.importing.background import import_chunk_items
from timeline.jobs import ImportChunk, ImportJob

pytestmark = pytest.mark.django_db


def test_upload_returns_at_once_with_the_job_page_then_each_file_and_its_article(
    editor_client,
):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    url = reverse("admin:articles_article_add")
    files = [
        SimpleUploadedFile(seed.name, seed.read_bytes(), "text/plain"),
        SimpleUploadedFile("empty.txt", b"", "text/plain"),
        SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    ]
    response = editor_client.post(url, {"files": files})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert Article.objects.count() == 0  # nothing imported inside the request
    page = editor_client.get(job.get_absolute_url())
    html = page.content.decode()
    assert 'hx-trigger="every 1s"' in html and "Waiting for a worker" in html
    assert "0 done" in html and "2 failed" in html and "1 remaining" in html
    assert '<meta http-equiv="refresh"' in html  # without JavaScript, the page reloads
    partial = editor_client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith('<div id="job-progress"')
    assert "HX-Request" in partial["Vary"]

    import_chunk_items(ImportChunk.objects.get(job=job).pk)  # what a worker does
    html = editor_client.get(job.get_absolute_url()).content.decode()
    article = Article.objects.get()
    assert "Finished" in html and "hx-trigger" not in html
    assert "rejected: empty file" in html and "rejected: binary data" in html
    assert reverse("admin:articles_article_change", args=[article.pk]) in html
    assert article.raw_text == seed.read_text(encoding="utf-8")
    assert article.sources.exists()

    editor_client.post(url, {"files": [SimpleUploadedFile(seed.name, seed.read_bytes())]})
    again = ImportJob.objects.latest("created_at")
    import_chunk_items(ImportChunk.objects.get(job=again).pk)
    assert again.items.get().outcome == "unchanged"
    assert Article.objects.count() == 1


def test_a_zip_and_a_feed_upload_become_one_job_with_a_row_per_article(editor_client):
    seed = sorted(SEEDS.glob("*.txt"))[1]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("folder/one.txt", seed.read_text(encoding="utf-8"))
        archive.writestr("notes.pdf", b"%PDF")
    feed = json.dumps(
        {
            "text": "BAKU, 5 April 2019\n\nIlham Aliyev met Vladimir Putin.",
            "url": "https://example.org/2019/04/05/talks",
        }
    )
    files = [
        SimpleUploadedFile("articles.zip", buffer.getvalue(), "application/zip"),
        SimpleUploadedFile("feed.jsonl", (feed + "\n{broken\n").encode(), "application/json"),
    ]
    editor_client.post(reverse("admin:articles_article_add"), {"files": files})
    job = ImportJob.objects.get()
    rows = {i.name: i for i in job.items.all()}
    assert set(rows) == {"one.txt", "talks", "articles.zip/notes.pdf", "feed.jsonl line 2"}
    assert rows["feed.jsonl line 2"].detail.startswith("not JSON")
    assert "not a .txt file" in rows["articles.zip/notes.pdf"].detail
    import_chunk_items(ImportChunk.objects.get(job=job).pk)
    article = Article.objects.get(url="https://example.org/2019/04/05/talks")
    assert article.published_date.isoformat() == "2019-04-05"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_import_jobs_are_listed_with_their_counts_in_queries_that_do_not_grow(editor_client):
    url = reverse("admin:timeline_importjob_changelist")
    enqueue_files([("bad.txt", "empty file")], description="job 0")
    one = _queries(editor_client, url)
    for n in range(1, 6):
        enqueue_files([(f"bad{n}.txt", "empty file")], description=f"job {n}")
    assert _queries(editor_client, url) == one
    page = editor_client.get(url).content.decode()
    assert "job 5" in page and "job 0" in page


def test_editors_cannot_edit_or_delete_an_import_job(editor_client):
    job = enqueue_files([("bad.txt", "empty file")], description="one refusal")
    url = job.get_absolute_url()
    assert editor_client.post(url, {"description": "changed"}).status_code in (200, 403)
    assert ImportJob.objects.get().description == "one refusal"
    delete = reverse("admin:timeline_importjob_delete", args=[job.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert ImportJob.objects.exists()


def test_duplicates_huge_and_broken_uploads_get_a_reason_never_an_error(editor_client, settings):
    settings.ARTICLE_MAX_BYTES = 2000
    settings.FEED_MAX_BYTES = 5000
    seed = sorted(SEEDS.glob("*.txt"))[2].read_bytes()[:1500]
    files = [
        SimpleUploadedFile("a.txt", seed, "text/plain"),
        SimpleUploadedFile("copy-of-a.txt", seed, "text/plain"),
        SimpleUploadedFile("huge.txt", b"x" * 2001, "text/plain"),
        SimpleUploadedFile("huge.jsonl", b"{}\n" * 2000, "application/json"),
        SimpleUploadedFile("broken.zip", b"PK\x03\x04 not really", "application/zip"),
        SimpleUploadedFile("cp1251.txt", "Баку".encode("cp1251"), "text/plain"),
        SimpleUploadedFile("rows.csv", b"text,published\nHello there,yesterday\n", "text/csv"),
    ]
    response = editor_client.post(reverse("admin:articles_article_add"), {"files": files})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    import_chunk_items(ImportChunk.objects.get(job=job).pk)
    rows = {i.name: i.message for i in job.items.all()}
    assert rows["a.txt"].startswith("created")
    assert rows["copy-of-a.txt"] == "unchanged (same text already imported)"
    assert rows["huge.txt"] == "rejected: 2001 bytes is over the 2000-byte limit for one article"
    assert rows["huge.jsonl"] == "rejected: 6000 bytes is over the 5000-byte limit"
    assert rows["broken.zip"].startswith("rejected: not a readable zip file")
    assert rows["cp1251.txt"].startswith("rejected: not UTF-8")
    assert rows["rows.csv line 2"] == (
        "rejected: published 'yesterday' is not a date: use ISO 8601 (2019-04-05 or "
        "2019-04-05T10:00:00Z) or an RSS date"
    )
    assert Article.objects.count() == 1
    page = editor_client.get(job.get_absolute_url())
    assert page.status_code == 200 and "1 done" not in page.content.decode()
    assert "2 done" in page.content.decode() and "5 failed" in page.content.decode()


def test_a_job_page_needs_a_login_and_the_right_to_add_articles(client, django_user_model):
    job = enqueue_files([("bad.txt", "empty file")], description="private")
    response = client.get(job.get_absolute_url())
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(job.get_absolute_url()).status_code == 403
    assert client.get(reverse("admin:timeline_importjob_changelist")).status_code == 403
