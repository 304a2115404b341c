"""A reader walks from an entry told by several sources to each of its passages."""

import pytest
from playwright.sync_api import expect

from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_an_entry_with_several_sources_to_each_highlighted_passage(live_server, page, seeded):
    event = Event.objects.get(label__icontains="allied")
    sources = list(event.sources.select_related("article").order_by("-is_main", "article_id"))
    page.goto(live_server.url + "/")
    entry = page.locator("#results article").filter(
        has=page.locator(f"a[href='{event.get_absolute_url()}']")
    )
    expect(entry.locator(".source-count")).to_have_text("3 sources")
    entry.locator(f"a[href='{event.get_absolute_url()}']").click()
    expect(page.locator("h1")).to_have_text(event.title)
    expect(page.locator(".sources-side .source")).to_have_count(len(sources))
    # Side by side on a wide screen: the first two passages share a row.
    boxes = [page.locator(".sources-side .source").nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
    assert ".txt" not in page.locator(".date-explanation").inner_text()

    for i, source in enumerate(sources):
        page.locator(".sources-side .passage-link").nth(i).click()
        page.wait_for_url(f"**/articles/{source.article_id}/#event-{event.pk}")
        mark = page.locator(f"mark#event-{event.pk}")
        expect(mark).to_be_visible()
        assert page.evaluate("document.querySelector(':target').id") == f"event-{event.pk}"
        words = " ".join(source.passage.split()[:4])
        assert words in " ".join(mark.inner_text().split())
        page.go_back()
        expect(page.locator("h1")).to_have_text(event.title)
