"""The hostile article in a real browser: nothing in it runs, on public pages or in the admin,
and the pages (with htmx) work under the Content-Security-Policy without a violation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.hostile import import_hostile_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any of the page's own scripts: records what the policy blocks.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`);
});
"""
# Event-handler attributes, javascript: links and inline scripts anywhere in the DOM.
FIND_INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const js = a.name === "href" && a.value.trim().toLowerCase().startsWith("javascript:");
      if (a.name.startsWith("on") || js) found.push(`${el.tagName} ${a.name}`);
    }
  }
  for (const s of document.scripts) if (!s.src) found.push("inline script");
  return found;
}"""
ADMIN_PASSWORD = "a-long-admin-passphrase-42"


class Watched:
    """A page whose dialogs, console errors and policy violations are recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.add_init_script(WATCH)
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.console.append(message.text)

    def csp_problems(self) -> list[str]:
        seen = self.page.evaluate("window.__violations || []")
        return seen + [m for m in self.console if "Content Security Policy" in m]

    def assert_nothing_ran(self, where: str) -> None:
        page = self.page
        # Hover and click over everything an event handler could have been hidden in.
        for selector in (".summary a", ".raw-text mark", "h1", "blockquote", "pre"):
            for element in page.locator(selector).all()[:5]:
                if element.is_visible():
                    element.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined", f"{where}: a payload ran"
        assert not self.dialogs, f"{where}: a dialog opened: {self.dialogs}"
        injected = page.evaluate(FIND_INJECTED)
        assert injected == [], f"{where}: markup from the article reached the DOM: {injected}"


@pytest.fixture
def hostile(seeded, tmp_path):
    return import_hostile_article(tmp_path)


@pytest.fixture
def watched(page):
    return Watched(page)


def sign_in(page, live_server, django_user_model) -> None:
    django_user_model.objects.create_superuser("boss", "boss@example.org", ADMIN_PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_hostile_text_never_runs_on_the_public_pages(live_server, watched, hostile):
    page = watched.page
    for url in hostile.public_urls():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        watched.assert_nothing_ran(url)
        assert watched.csp_problems() == [], url
    # The payload is on the page, as the words it is (the sentence under the headline).
    page.goto(live_server.url + hostile.event.get_absolute_url())
    reported = page.locator(".reported-as")
    expect(reported).to_contain_text("<script>window.__pwned=1;alert(1)</script>")
    expect(reported).to_contain_text("{{ request }} {% debug %}")


def test_hostile_text_never_runs_in_the_admin(live_server, watched, hostile, django_user_model):
    page = watched.page
    sign_in(page, live_server, django_user_model)
    for url in hostile.admin_urls():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        watched.assert_nothing_ran(url)
        assert watched.csp_problems() == [], url
    page.goto(live_server.url + reverse("admin:timeline_event_change", args=[hostile.event.pk]))
    expect(page.locator(".field-evidence_in_context mark").first).to_have_text("12 May 2022")
    expect(page.locator("#id_summary")).to_have_value(re.compile(r"^Putin and Aliyev <script>"))


def test_the_chronology_filters_with_htmx_under_the_policy(live_server, watched, hostile):
    page = watched.page
    page.goto(live_server.url + "/")
    page.evaluate("window.__marker = 1")
    page.get_by_role("combobox", name="Kind").select_option("meeting")
    page.wait_for_url(re.compile(r"kind=meeting"))
    expect(page.locator(".results-count")).to_contain_text("talks or meeting")
    page.get_by_role("searchbox", name="Search").fill("Baku")
    page.wait_for_url(re.compile(r"q=Baku"))
    expect(page.locator("#results .summary mark").first).to_have_text(re.compile("Baku"))
    assert page.evaluate("window.__marker") == 1, "htmx swapped the results in place"
    watched.assert_nothing_ran("filtered chronology")
    assert watched.csp_problems() == []
    # htmx's own indicator styles would be an inline <style>: configured off.
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False


def test_the_policy_stops_an_inline_script_that_got_in(live_server, watched, hostile):
    """Defence in depth: were markup ever to reach a page, the policy would not run it."""
    page = watched.page
    page.goto(live_server.url + hostile.event.get_absolute_url())
    page.evaluate(
        """() => {
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = 1';
          document.body.append(s);
          document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned=2">');
        }"""
    )
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert any("script-src" in v for v in watched.csp_problems())
