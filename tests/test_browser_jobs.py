"""An editor uploads articles and watches the job's page follow a real worker: the counts
change in place (htmx, no reload), then each file's result appears with its article."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, EDITOR_PASSWORD, SEEDS
from tests.test_browser_hostile import Watched
from tests.workers import finish, start_worker
from timeline.jobs import ImportJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_then_the_job_page_follows_the_worker_to_the_results(page, live_server, editor):
    ARTIFACTS.mkdir(exist_ok=True)
    watched = Watched(page)
    base = live_server.url
    page.goto(base + reverse("admin:login"))
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")

    page.goto(base + reverse("admin:articles_article_add"))
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    page.set_input_files(
        "#id_files",
        files=[
            *({"name": s.name, "mimeType": "text/plain", "buffer": s.read_bytes()} for s in seeds),
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
        ],
    )
    page.click("#upload-form input[type=submit]")
    job = ImportJob.objects.get()
    page.wait_for_url("**" + job.get_absolute_url())
    expect(page.locator("#job-state")).to_have_text("Waiting for a worker")
    expect(page.locator("#job-remaining")).to_have_text("2 remaining")
    expect(page.locator("#job-failed")).to_have_text("1 failed")
    page.screenshot(path=str(ARTIFACTS / "job-waiting.png"), full_page=True)
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    finish(start_worker("--until-done"))
    expect(page.locator("#job-state")).to_have_text("Finished", timeout=15_000)
    assert page.evaluate("window.__sameDocument === true"), "updated in place by htmx"
    expect(page.locator("#job-done")).to_have_text("2 done")
    expect(page.locator("#job-remaining")).to_have_text("0 remaining")
    rows = page.locator("#upload-results tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#upload-results tr.upload-rejected strong")).to_have_text(
        "rejected: empty file"
    )
    created = page.locator("#upload-results tr.upload-created")
    expect(created).to_have_count(2)
    page.screenshot(path=str(ARTIFACTS / "job-finished.png"), full_page=True)
    assert watched.csp_problems() == []
    created.first.locator("a").click()
    expect(page.locator("h1")).to_have_text("View article")
    assert "/admin/articles/article/" in page.url


def test_without_javascript_the_job_page_reloads_itself(browser, live_server, editor):
    from articles.files import decode_article
    from tests.workers import generated_texts
    from timeline.importing import enqueue_files

    job = enqueue_files(
        [decode_article("one.txt", generated_texts(1)[0].encode())], description="no js"
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.goto(live_server.url + job.get_absolute_url())
    expect(page.locator("#job-remaining")).to_have_text("1 remaining")
    finish(start_worker("--until-done"))
    # The <noscript> refresh brings the finished job without anyone clicking.
    expect(page.locator("#job-state")).to_have_text("Finished", timeout=15_000)
    expect(page.locator("#upload-results tr.upload-created")).to_have_count(1)
    context.close()
