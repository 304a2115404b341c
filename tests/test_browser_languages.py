"""A Russian article in a real browser: found by a Russian word, linked to the same actors as
English articles, and kept by the language filter."""

import re

import pytest
from playwright.sync_api import expect

from timeline.importing import import_paths
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOCHI = (
    "Алиев и Путин провели переговоры в Сочи\n\n"
    "СОЧИ, 14 марта. /ТАСС/. Президент России Владимир Путин провел в Сочи переговоры с "
    "президентом Азербайджана Ильхамом Алиевым в 2023 году. Стороны обсудили торговлю и "
    "транспорт.\n\n"
    "По итогам переговоров лидеры договорились продолжить контакты.\n"
)


@pytest.fixture
def russian_event(tmp_path, db):
    path = tmp_path / "sochi.txt"
    path.write_text(SOCHI, encoding="utf-8")
    report = import_paths([str(path)])
    assert report.failed == 0, report.errors
    return Event.objects.get()


def test_a_russian_article_is_searched_filtered_and_linked(live_server, page, russian_event):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search").fill("переговоры")
    page.wait_for_url(re.compile(r"q="))
    url = russian_event.get_absolute_url()
    card = page.locator("#results article").filter(has=page.locator(f"a[href='{url}']"))
    expect(card.locator(f"a[href='{url}']")).to_have_text(russian_event.title)  # in English
    expect(card.locator(".summary mark").first).to_be_visible()  # the sentence, matched
    expect(card).to_contain_text(re.compile("Алиев и Путин"))
    expect(page.locator("#results a[href='/actors/ilham-aliyev/']").first).to_be_visible()
    expect(page.locator("#results a[href='/actors/vladimir-putin/']").first).to_be_visible()

    page.goto(live_server.url + "/")
    page.get_by_role("combobox", name="Language").select_option("ru")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url(re.compile(r"lang=ru"))
    expect(page.locator(f"#results a[href='{russian_event.get_absolute_url()}']")).to_be_visible()
    page.get_by_role("combobox", name="Language").select_option("az")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url(re.compile(r"lang=az"))
    expect(page.locator(f"#results a[href='{russian_event.get_absolute_url()}']")).to_have_count(0)
