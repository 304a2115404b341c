"""The pages in a real browser (Debian's Chromium through Playwright), with and without JS."""

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS
from tests.factories import make_actor, make_article, make_event
from timeline.models import Actor, Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE_TEXT = (
    "World | Politics | Sport | Subscribe\n\n"
    "Aliyev and Putin meet in Sochi\n\n"
    "Sochi, 26 November 2021. Azerbaijani President Ilham Aliyev met Russian President "
    "Vladimir Putin in Sochi to discuss trade and transport links.\n\n"
    "The two presidents also spoke by phone in May 2021 about gas supplies.\n\n"
    "Read more: other stories from the region"
)


@pytest.fixture
def timeline(seeded):
    """The seed articles, plus a known article whose events involve known actors."""
    aliyev = Actor.objects.get(name="Ilham Aliyev")
    putin = Actor.objects.get(name="Vladimir Putin")
    lavrov = Actor.objects.get(name="Sergey Lavrov")
    article = make_article(text=ARTICLE_TEXT, title="Aliyev and Putin meet in Sochi")
    body_start = ARTICLE_TEXT.index("Sochi, 26")
    body_end = ARTICLE_TEXT.index("Read more")
    type(article).objects.filter(pk=article.pk).update(body_start=body_start, body_end=body_end)
    meeting_at = ARTICLE_TEXT.index("Azerbaijani President")
    meeting_end = ARTICLE_TEXT.index("links.") + len("links.")
    call_at = ARTICLE_TEXT.index("The two presidents")
    call_end = ARTICLE_TEXT.index("supplies.") + len("supplies.")
    meeting = make_event(
        summary="Aliyev and Putin meet in Sochi",
        date=dt.date(2021, 11, 26),
        kind="meeting",
        place="Sochi",
        participants=[aliyev, putin],
        article=article,
        passage=(meeting_at, meeting_end),
    )
    call = make_event(
        summary="Aliyev and Putin discuss gas supplies by phone",
        date=dt.date(2021, 5, 1),
        precision="month",
        kind="call",
        participants=[aliyev, putin],
        mentioned=[lavrov],
        article=article,
        passage=(call_at, call_end),
    )
    return {"aliyev": aliyev, "putin": putin, "article": article, "meeting": meeting, "call": call}


def shown_events(page) -> list[int]:
    ids = page.locator("#results [id^=summary-]").evaluate_all("els => els.map(e => e.id)")
    return [int(i.removeprefix("summary-")) for i in ids]


def involving(actor) -> set[int]:
    return set(Event.objects.involving_all([actor]).values_list("pk", flat=True))


def test_filter_by_actor_without_reload_then_follow_a_source_and_come_back(
    live_server, page, timeline
):
    aliyev, meeting = timeline["aliyev"], timeline["meeting"]
    page.goto(live_server.url + "/")
    everything = len(shown_events(page))
    page.evaluate("window.__marker = 1")

    page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev")).check()
    page.wait_for_url(re.compile(rf"[?&]actor={aliyev.slug}"))
    expect(page.locator(".results-count")).to_contain_text("involving Ilham Aliyev")
    assert set(shown_events(page)) == involving(aliyev)
    assert len(shown_events(page)) < everything
    assert page.evaluate("window.__marker") == 1, "the list changed without a page load"
    assert page.title().startswith("Events involving Ilham Aliyev")
    expect(page.locator("#results-status")).to_have_text(re.compile(r"^\d+ events?"))
    assert page.evaluate("document.activeElement.name") == "actor", "focus stays in the form"

    page.locator(f"article:has(#summary-{meeting.pk}) a.source-link").click()
    page.wait_for_url(re.compile(rf"/articles/{timeline['article'].pk}/#event-{meeting.pk}$"))
    mark = page.locator(f"mark#event-{meeting.pk}")
    expect(mark).to_be_visible()
    assert page.evaluate("document.querySelector(':target').id") == f"event-{meeting.pk}"
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 201, 77)"

    page.go_back()
    page.wait_for_url(re.compile(rf"[?&]actor={aliyev.slug}"))
    expect(page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev"))).to_be_checked()
    assert set(shown_events(page)) == involving(aliyev)


def test_back_button_restores_the_previous_filters(live_server, page, timeline):
    aliyev = timeline["aliyev"]
    page.goto(live_server.url + "/")
    page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev")).check()
    page.wait_for_url(re.compile(r"actor="))
    page.get_by_role("combobox", name="Kind").select_option("call")
    page.wait_for_url(re.compile(r"kind=call"))
    expect(page.locator(".results-count")).to_contain_text("phone call")
    assert shown_events(page) == [timeline["call"].pk]

    page.go_back()
    page.wait_for_url(re.compile(rf"/\?actor={aliyev.slug}$"))
    expect(page.locator(".results-count")).not_to_contain_text("phone call")
    expect(page.get_by_role("combobox", name="Kind")).to_have_value("")
    expect(page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev"))).to_be_checked()
    assert set(shown_events(page)) == involving(aliyev)


def test_search_as_you_type_highlights_matches(live_server, page, timeline):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search").fill("gas")
    page.wait_for_url(re.compile(r"q=gas"))
    expect(page.locator("#results .summary mark").first).to_have_text(
        re.compile("gas", re.IGNORECASE)
    )
    assert timeline["call"].pk in shown_events(page)
    expect(page.get_by_role("searchbox", name="Search")).to_be_focused()


def test_more_appends_the_next_page_and_moves_focus_to_it(live_server, page):
    actor = make_actor("Busy Diplomat")
    for day in range(60):
        make_event(
            summary=f"Consultation {day}",
            date=dt.date(2020, 1, 1) + dt.timedelta(day),
            participants=[actor],
        )
    page.goto(f"{live_server.url}/actors/{actor.slug}/")
    page.evaluate("window.__marker = 1")
    assert len(shown_events(page)) == 50
    page.get_by_role("link", name=re.compile("^More events")).click()
    expect(page.locator("#page-2")).to_be_focused()
    assert len(shown_events(page)) == 60
    assert page.evaluate("window.__marker") == 1
    assert page.url.endswith(f"/actors/{actor.slug}/"), "More does not change the address"
    expect(page.locator("#results-status")).to_have_text("Showing events 51–60 of 60")


def test_the_same_flow_works_without_javascript(live_server, browser, timeline):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    aliyev, meeting = timeline["aliyev"], timeline["meeting"]
    try:
        page.goto(live_server.url + "/")
        page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev")).check()
        page.get_by_role("combobox", name="Kind").select_option("meeting")
        page.get_by_role("button", name="Show events").click()
        page.wait_for_url(re.compile(rf"actor={aliyev.slug}.*kind=meeting"))
        assert meeting.pk in shown_events(page)
        assert set(shown_events(page)) <= involving(aliyev)

        page.locator(f"article:has(#summary-{meeting.pk}) a.source-link").click()
        page.wait_for_url(re.compile(rf"#event-{meeting.pk}$"))
        assert page.evaluate("document.querySelector(':target').id") == f"event-{meeting.pk}"

        page.go_back()
        page.wait_for_url(re.compile(r"kind=meeting"))
        expect(page.get_by_role("combobox", name="Kind")).to_have_value("meeting")
        expect(page.get_by_role("checkbox", name=re.compile("^Ilham Aliyev"))).to_be_checked()

        page.get_by_role("link", name="Clear filters").first.click()
        page.wait_for_url(live_server.url + "/")
        expect(page.get_by_role("combobox", name="Kind")).to_have_value("")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_and_no_sideways_scrolling(live_server, browser, timeline, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    pages = {
        "chronology": "/",
        "filtered": f"/?actor={timeline['aliyev'].slug}&from=2020",
        "event": f"/events/{timeline['call'].pk}/",
        "article": f"/articles/{timeline['article'].pk}/#event-{timeline['meeting'].pk}",
        "actor": f"/actors/{timeline['aliyev'].slug}/",
    }
    try:
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=name != "article")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
    finally:
        context.close()


def test_keyboard_reaches_the_filters_and_the_events(live_server, page, timeline):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
    focused = page.evaluate(
        "document.activeElement.closest('form, #results')?.id || "
        "document.activeElement.closest('form')?.className"
    )
    assert focused, "tabbing from the skip link lands in the filters or the results"


def test_a_bar_of_the_year_chart_filters_to_its_year(live_server, page, timeline):
    page.goto(live_server.url + "/")
    page.locator(".year-chart a.bar[aria-label*='2021']").first.click()
    expect(page).to_have_url(re.compile(r"[?&](year|from)=2021"))
    shown = shown_events(page)
    assert shown and set(shown) == set(
        Event.objects.filter(date_start__year=2021).values_list("pk", flat=True)
    )


@pytest.mark.parametrize("label", ["CSV", "iCalendar"])
def test_export_downloads_parse(live_server, page, timeline, label):
    import csv
    import io

    page.goto(live_server.url + "/?actor=" + timeline["aliyev"].slug)
    with page.expect_download() as info:
        page.locator(".exports a", has_text=label).first.click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    if label == "CSV":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert len(rows) == len(involving(timeline["aliyev"]))
    else:
        assert body.startswith("BEGIN:VCALENDAR") and body.count("BEGIN:VEVENT") >= 1


@pytest.mark.parametrize("label", ["JSON", "TimelineJS"])
def test_json_feeds_of_the_filtered_view_parse(live_server, page, timeline, label):
    """JSON and TimelineJS are served inline, as feeds a newsroom's page can load."""
    page.goto(live_server.url + "/?actor=" + timeline["aliyev"].slug)
    href = page.locator(".exports a", has_text=label).first.get_attribute("href")
    data = page.request.get(live_server.url + href).json()
    events = Event.objects.involving_all([timeline["aliyev"]])
    if label == "TimelineJS":  # a TimelineJS slide needs a date: undated events are left out
        events = events.exclude(date_start=None)
    assert len(data["events"]) == events.count()
