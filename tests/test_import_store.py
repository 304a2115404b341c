"""The one store: new, changed and re-extracted articles written the same way, in a fixed
number of statements per batch."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.conftest import SEEDS
from tests.factories import make_article, make_event
from timeline import services
from timeline.importing import Outcome, import_paths, reextract_articles
from timeline.importing.passages import PASSAGES_LIMIT, passages_text
from timeline.models import Event, Source

pytestmark = pytest.mark.django_db


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def test_reextraction_runs_no_query_per_article(seeded):
    reextract_articles(Article.objects.all())  # settled: what the timeline knows is dated
    one = _queries(lambda: reextract_articles(Article.objects.order_by("id")[:1]))
    five = _queries(lambda: reextract_articles(Article.objects.all()))
    assert Article.objects.count() == 5
    assert five <= one + 2, (one, five)  # the same statements, whatever the batch holds


def test_new_and_reextracted_articles_are_told_apart_by_outcome(tmp_path):
    first = import_paths([str(SEEDS)])
    assert {r.outcome for r in first.results} == {Outcome.CREATED}
    assert all(r.article_id for r in first.results)
    again = import_paths([str(SEEDS)])
    assert {r.outcome for r in again.results} == {Outcome.UNCHANGED}
    redone = import_paths([str(SEEDS)], reextract=True)
    assert {r.outcome for r in redone.results} == {Outcome.UPDATED}
    assert (redone.created, redone.updated, redone.unchanged) == (0, 5, 0)


def test_every_import_write_is_in_the_history(seeded):
    event = Event.objects.order_by("id").first()
    assert event.history.filter(history_type="+", history_change_reason="imported").exists()
    owned = Event.objects.filter(sources__is_main=True).first()
    Event.objects.filter(pk=owned.pk).update(summary="What an older extractor said")
    reextract_articles(Article.objects.all())
    assert owned.history.filter(history_type="~", history_change_reason="re-extracted").exists()


def test_a_reextracted_article_keeps_its_sources_and_events(seeded):
    before = sorted(Source.objects.values_list("article_id", "extraction_key", "event_id"))
    events = Event.objects.count()
    reextract_articles(Article.objects.all())
    after = sorted(Source.objects.values_list("article_id", "extraction_key", "event_id"))
    assert after == before and Event.objects.count() == events


def test_passages_are_kept_once_and_capped():
    assert passages_text(["a b", "a b", "", "c"]) == "a b\nc"
    assert passages_text(["b"], start="a b c") == "a b c"  # already in the text
    long = ["x" * 9_000, "y" * 9_000, "z" * 9_000]
    assert len(passages_text(long)) < PASSAGES_LIMIT


def test_a_merge_keeps_each_passage_once():
    text = "The ministers met in Baku. They signed a plan."
    article = make_article(text=text)
    first = make_event(summary="Talks", article=article, passage=(0, 26))
    second = make_event(summary="Talks again", article=article, passage=(0, 26))
    merged = services.merge_events(events=[first, second])
    assert merged.passages == "The ministers met in Baku."


def test_stored_values_are_those_django_would_write():
    """The article row's date expressions are ``dates_json()``; COPY writes each column as
    ``get_db_prep_save`` would."""
    import datetime as dt

    from articles.extraction import extract
    from timeline.importing.article_values import dates_json
    from timeline.importing.copying import db_value

    text = sorted(SEEDS.glob("*.txt"))[0].read_text()
    result = extract(text)
    assert result.dates and dates_json(result) == result.dates_json()
    event = Event(title="t", date_start=dt.date(2020, 1, 2), source_count=3, needs_review=True)
    for field in Event._meta.concrete_fields:
        if not field.primary_key and not field.generated:
            expected = field.get_db_prep_save(field.pre_save(event, True), connection)
            if field.name not in ("created_at", "updated_at"):
                assert db_value(field)(event) == expected, field.name
