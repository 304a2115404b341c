"""The editors' admin under its strict policy (no inline styles) in a real browser: nothing is
blocked, and the evidence blocks, the review queue and the article pages keep their styles,
which now come from static/css/admin.css."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, EDITOR_PASSWORD
from tests.factories import make_actor, make_article, make_event
from tests.test_browser_hostile import Watched
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "BAKU, 26 November\n\nSergey Lavrov arrived in Baku on 11 May 2021 for talks. "
    "He met the president.\nThey talked about trade."
)
STRICT_STYLES = "style-src 'self';"


def computed(page, selector: str, *properties: str) -> dict[str, str]:
    return page.locator(selector).first.evaluate(
        "(el, props) => Object.fromEntries(props.map(p => "
        "[p, getComputedStyle(el).getPropertyValue(p)]))",
        list(properties),
    )


@pytest.fixture
def event(db):
    """An event in the review queue with two sources: the date evidence inside the first
    passage, and in the second article's dateline, outside its passage."""
    article = make_article(
        text=TEXT,
        title="Lavrov in Baku",
        published_date=dt.date(2021, 5, 12),
        published_precision="day",
    )
    event = make_event(
        article=article,
        passage=(TEXT.index("Sergey"), TEXT.index("He met")),
        summary="Lavrov and Bayramov hold talks in Baku",
        date_evidence="11 May 2021",
        date_derivation="explicit date in text",
        machine_disagreement="extractor now says 2020 (year)",
        needs_review=True,
        participants=[make_actor("Sergey Lavrov")],
    )
    at = TEXT.index("11 May 2021")
    event.sources.update(date_evidence_start=at, date_evidence_end=at + len("11 May 2021"))
    second = make_article(text=TEXT.replace("Lavrov", "Bayramov"), title="Bayramov in Baku")
    passage = (TEXT.index("Sergey"), len(second.raw_text))
    make_event(article=second, passage=passage).sources.update(
        event=event, date_evidence_start=6, date_evidence_end=17, is_main=False
    )
    Event.objects.filter(pk=event.pk).update(locked_fields=["date_start", "needs_review"])
    return event


def visit(watched: Watched, url: str, screenshot: str):
    response = watched.page.goto(url)
    assert response.status == 200, url
    assert STRICT_STYLES in response.headers["content-security-policy"], url
    watched.page.screenshot(path=str(ARTIFACTS / f"admin-csp-{screenshot}.png"), full_page=True)
    return response


def test_the_admin_works_and_looks_the_same_without_inline_styles(page, live_server, editor, event):
    ARTIFACTS.mkdir(exist_ok=True)
    watched = Watched(page)
    page.set_viewport_size({"width": 1400, "height": 900})
    base = live_server.url

    visit(watched, base + reverse("admin:login"), "login")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    assert watched.csp_problems() == [], "login"

    # The change form: two evidence blocks, the evidence marked, the articles dated.
    visit(watched, base + reverse("admin:timeline_event_change", args=[event.pk]), "event")
    blocks = page.locator(".field-evidence_in_context .evidence-block")
    expect(blocks).to_have_count(2)
    expect(blocks.first).to_be_visible()
    expect(blocks.first.locator("blockquote mark")).to_have_text("11 May 2021")
    expect(blocks.first.locator("time")).to_have_attribute("datetime", "2021-05-12")
    expect(blocks.first.locator("time")).to_have_text("12 May 2021")
    expect(blocks.first).to_contain_text("main source: 12 May 2021 · Lavrov in Baku · public page")
    expect(blocks.nth(1)).to_contain_text("The date comes from elsewhere in the article:")
    expect(blocks.nth(1).locator("blockquote").nth(1).locator("mark")).to_have_text("26 November")
    # What the old style attributes gave the quotes, the blocks and their first lines.
    quote = computed(
        page,
        ".evidence-block blockquote",
        "border-left-width",
        "border-left-style",
        "border-left-color",
        "margin-top",
        "margin-left",
        "margin-bottom",
        "padding-top",
        "padding-left",
        "white-space",
        "font-size",
        "max-width",
    )
    assert quote == {
        "border-left-width": "3px",
        "border-left-style": "solid",
        "border-left-color": "rgb(143, 179, 217)",
        "margin-top": "0px",
        "margin-left": "0px",  # Django's .module blockquote would indent it 12px
        "margin-bottom": "0px",
        "padding-top": "4.2px",
        "padding-left": "8.4px",
        "white-space": "pre-wrap",
        "font-size": "14px",
        "max-width": "840px",
    }
    assert computed(page, ".evidence-block", "margin-bottom") == {"margin-bottom": "13px"}
    assert computed(page, ".evidence-block p", "margin-top", "margin-bottom") == {
        "margin-top": "0px",
        "margin-bottom": "3.9px",
    }
    machine = page.locator(".field-machine_says strong")
    expect(machine).to_have_text("extractor now says 2020 (year)")
    assert computed(page, ".field-machine_says strong", "color")["color"] == "rgb(186, 33, 33)"
    assert watched.csp_problems() == [], "event change form"

    # The review queue, and its columns' widths.
    visit(watched, base + reverse("admin:timeline_event_changelist"), "review-queue")
    row = page.locator("#result_list tbody tr", has_text="Lavrov and Bayramov hold talks")
    expect(row.locator("td.field-corrections strong")).to_have_text("machine disagrees")
    assert computed(page, "#result_list td.field-date_label", "white-space") == {
        "white-space": "nowrap"
    }
    assert computed(page, "#result_list td.field-derivation", "min-width", "font-size") == {
        "min-width": "176.4px",  # 14em
        "font-size": "12.6px",  # 0.9em
    }
    assert computed(page, "#result_list .field-headline", "min-width") == {
        "min-width": "260px"  # 20em
    }
    assert watched.csp_problems() == [], "review queue"

    # Merging: the confirmation page the action shows.
    page.locator("#result_list input.action-select").nth(0).check()
    page.locator("#result_list input.action-select").nth(1).check()
    page.select_option("select[name=action]", "merge_events")
    page.click("button[name=index]")
    expect(page.locator("body.merge-confirmation label.merge-choice")).to_have_count(2)
    page.screenshot(path=str(ARTIFACTS / "admin-csp-merge.png"), full_page=True)
    assert watched.csp_problems() == [], "merge confirmation"

    visit(watched, base + reverse("admin:timeline_event_history", args=[event.pk]), "history")
    assert computed(page, "#change-history + .paginator", "border-top-width") == {
        "border-top-width": "0px"
    }
    assert watched.csp_problems() == [], "history"

    # An article: the events it backs and its raw text.
    article = event.sources.get(is_main=True).article
    visit(watched, base + reverse("admin:articles_article_change", args=[article.pk]), "article")
    expect(page.locator(".field-events ul.article-events a")).to_contain_text(event.summary)
    assert computed(page, "ul.article-events", "margin-left", "padding-left") == {
        "margin-left": "0px",  # Django's form .aligned ul would indent it 160px
        "padding-left": "13px",
    }
    pre = page.locator("pre.verbatim-text")
    expect(pre).to_be_visible()
    expect(pre).to_contain_text("arrived in Baku on 11 May 2021")
    assert computed(page, "pre.verbatim-text", "white-space", "font-size", "max-width") == {
        "white-space": "pre-wrap",
        "font-size": "13px",
        "max-width": "780px",
    }
    assert watched.csp_problems() == [], "article change page"

    # The upload page, and what it says about a file it refuses.
    visit(watched, base + reverse("admin:articles_article_add"), "upload")
    page.set_input_files(
        "#id_files", files=[{"name": "empty.txt", "mimeType": "text/plain", "buffer": b""}]
    )
    page.click("#upload-form input[type=submit]")
    refused = page.locator("#upload-results tr.upload-rejected strong")
    expect(refused).to_have_text("rejected: empty file")
    assert computed(page, "#upload-results tr.upload-rejected strong", "color") == {
        "color": "rgb(186, 33, 33)"
    }
    table_width = page.locator("#upload-results").evaluate("t => t.offsetWidth")
    assert table_width == page.locator("#upload-results").evaluate(
        "t => t.parentElement.clientWidth"
    )
    page.screenshot(path=str(ARTIFACTS / "admin-csp-upload-results.png"), full_page=True)
    assert watched.csp_problems() == [], "upload page"
