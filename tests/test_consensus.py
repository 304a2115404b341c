"""An event shows what its sources agree on; an editor's headline stays theirs."""

import pytest
from django.urls import reverse

from articles.extraction.datevalue import DateValue, Precision
from articles.models import Article
from tests.test_identity import SOCHI_10, SOCHI_11, TALKS_DAY
from timeline.importing import import_paths, reextract_articles
from timeline.importing.consensus import Claim, agreed_date, agreed_values
from timeline.models import Decision, Event, Suggestion

DAY_10 = DateValue(Precision.DAY, 2024, 5, 10)
DAY_11 = DateValue(Precision.DAY, 2024, 5, 11)
MAY = DateValue(Precision.MONTH, 2024, 5)
YEAR = DateValue(Precision.YEAR, 2024)


def test_the_most_precise_date_all_sources_fit():
    date, why, review, _ = agreed_date(
        [Claim(YEAR, "year in text"), Claim(DAY_10, "explicit date"), Claim(MAY, "month")]
    )
    assert date == DAY_10 and not review
    assert why == "the sources agree; the most precise: explicit date"


def test_disagreeing_sources_keep_what_they_share_and_need_review():
    date, why, review, _ = agreed_date([Claim(DAY_10, "a"), Claim(DAY_11, "b")])
    assert date == MAY and review
    assert "disagree (10 May 2024, 11 May 2024)" in why
    other_year = DateValue(Precision.DAY, 2023, 5, 10)
    assert agreed_date([Claim(DAY_10), Claim(other_year)])[0] == DAY_10  # the first source's


def test_kind_place_and_name_are_what_most_sources_say():
    claims = [
        Claim(DAY_10, kind="other", label="declaration on friendship signed"),
        Claim(MAY, kind="agreement", place="Baku", label="Declaration on Friendship"),
        Claim(YEAR, kind="agreement", place="Baku"),
    ]
    values = agreed_values(claims, ["Aliyev", "Putin"], "fallback")
    assert (values["kind"], values["place"]) == ("agreement", "Baku")
    assert values["title"] == "Aliyev and Putin sign the Declaration on Friendship — Baku"
    assert not values["planned"]


@pytest.mark.django_db
def test_merging_a_suggestion_shows_both_dates_for_review(tmp_path, editor_client):
    for name, text in (("ten", SOCHI_10), ("eleven", SOCHI_11)):
        (tmp_path / f"{name}.txt").write_text(text)
    import_paths([str(tmp_path)])
    suggestion = Suggestion.objects.get(decision=Decision.PENDING)
    url = reverse("admin:timeline_event_suggestions")
    page = editor_client.get(url).content.decode()
    assert "Probably the same" in page and "10 May 2024" in page and "11 May 2024" in page
    response = editor_client.post(url, {"suggestion": suggestion.pk, "decision": "merge"})
    assert response.status_code == 302
    merged = Event.objects.get()
    assert merged.source_count == 2 and merged.needs_review
    assert (merged.date_precision, merged.date_start.month) == ("month", 5)
    detail = editor_client.get(merged.get_absolute_url()).content.decode()
    assert "disagree on its date (10 May 2024, 11 May 2024)" in detail
    assert detail.count('class="source"') == 2


@pytest.mark.django_db
def test_keep_apart_is_one_click_and_leaves_the_queue(tmp_path, editor_client):
    for name, text in (("ten", SOCHI_10), ("eleven", SOCHI_11)):
        (tmp_path / f"{name}.txt").write_text(text)
    import_paths([str(tmp_path)])
    suggestion = Suggestion.objects.get()
    url = reverse("admin:timeline_event_suggestions")
    editor_client.post(url, {"suggestion": suggestion.pk, "decision": "apart"})
    assert Event.objects.count() == 2
    assert Suggestion.objects.get().decision == Decision.APART
    assert "Nothing to decide" in editor_client.get(url).content.decode()


@pytest.mark.django_db
def test_an_editors_headline_survives_reextraction(tmp_path, editor_client):
    (tmp_path / "talks.txt").write_text(TALKS_DAY)
    import_paths([str(tmp_path)])
    event = Event.objects.get()
    change = reverse("admin:timeline_event_change", args=[event.pk])
    form = editor_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(
        title="Lavrov and Bayramov talk trade in Baku",
        date="4 April 2024",
        date_precision="",
        **{f"{p}-TOTAL_FORMS": "0" for p in ("participations", "sources")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("participations", "sources")},
    )
    response = editor_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert "title" in event.locked_fields
    reextract_articles(Article.objects.all())
    event.refresh_from_db()
    assert event.title == "Lavrov and Bayramov talk trade in Baku"


def test_claims_counted_agree_as_the_claims_told_one_by_one():
    # The database sends each different claim once with how many sources make it.
    a = Claim(DAY_10, "explicit date", kind="meeting", place="Sochi", label="talks")
    b = Claim(MAY, "month", kind="visit", place="Baku", label="talks")
    c = Claim(YEAR, "year in text", kind="visit", place="Baku", label="visit")
    one_by_one = [a, b, b, c, b, a]
    counted = ([a, b, c], [2, 3, 1])
    assert agreed_values(one_by_one, ["Putin"], "x") == agreed_values(
        counted[0], ["Putin"], "x", counted[1]
    )
    # One source alone keeps its own explanation; two that say the same "agree".
    assert agreed_date([a])[1] == "explicit date"
    assert agreed_date([a], [2])[1].startswith("the sources agree")
