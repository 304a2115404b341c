"""Articles in Russian and Azerbaijani: their language is read, stored, shown and filtered on."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.extraction.language import detect_language
from articles.models import Article
from timeline.importing import Outcome, import_paths
from timeline.models import Event

TEXTS = Path(__file__).parent / "data" / "languages"
RUSSIAN = TEXTS / "sochi_ru.txt"
AZERBAIJANI = TEXTS / "baku_az.txt"
ENGLISH = "Ministers meet\n\nThe ministers met in Baku on 3 March 2019 and discussed trade.\n"


@pytest.mark.parametrize(
    "text, language",
    [
        ("Президент России провел переговоры в Сочи.", "ru"),
        ("Azərbaycan və Rusiya arasında danışıqlar davam edir.", "az"),
        ("Prezident İlham Əliyev Bakıda görüş keçirib.", "az"),
        ("The ministers met in Baku and discussed trade.", "en"),
        # One foreign name or letter does not make an English text foreign.
        ("Ilham Əliyev met Vladimir Putin (Владимир Путин) in Sochi on Monday for talks.", "en"),
        ("", "en"),
        ("12 03 2021", "en"),
    ],
)
def test_the_language_is_read_from_letters_and_common_words(text, language):
    assert detect_language(text) == language


def test_extract_json_gives_the_language(capsys):
    call_command("extract", "--json", str(RUSSIAN), str(AZERBAIJANI))
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert [a["language"] for a in articles] == ["ru", "az"]


@pytest.mark.django_db
def test_the_import_stores_the_language_and_the_page_shows_it(tmp_path, client):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    import_paths([str(RUSSIAN), str(AZERBAIJANI), str(tmp_path / "en.txt")])
    languages = dict(Article.objects.values_list("file_name", "language"))
    assert languages == {"sochi_ru.txt": "ru", "baku_az.txt": "az", "en.txt": "en"}
    russian = Article.objects.get(file_name="sochi_ru.txt")
    assert "Language: Russian" in client.get(russian.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_language_filter_keeps_events_reported_in_that_language(tmp_path, client):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    import_paths([str(RUSSIAN), str(AZERBAIJANI), str(tmp_path / "en.txt")])
    russian = Event.objects.get(sources__article__language="ru")
    english = Event.objects.get(sources__article__language="en")
    assert list(Event.objects.in_language("ru")) == [russian]
    html = client.get("/?lang=ru").content.decode()
    assert russian.get_absolute_url() in html
    assert english.get_absolute_url() not in html
    assert "reported in Russian" in html
    html = client.get("/?lang=xx").content.decode()
    assert "Ignored lang=" in html
    assert english.get_absolute_url() in html


@pytest.mark.django_db
def test_an_event_with_two_sources_in_a_language_is_listed_once():
    from tests.factories import make_article, make_event
    from timeline.models import Source

    event = make_event(summary="Talks", article=make_article(language="ru"))
    Source.objects.create(
        event=event,
        article=make_article(language="ru"),
        extraction_key="second",
        passage_start=0,
        passage_end=5,
    )
    assert list(Event.objects.in_language("ru")) == [event]


@pytest.mark.django_db
def test_a_russian_article_in_windows_1251_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes(RUSSIAN.read_text(encoding="utf-8").encode("cp1251"))
    report = import_paths([str(path)])
    [result] = report.results
    assert result.outcome == Outcome.REJECTED
    assert "not UTF-8" in result.message
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, language",
    [
        ("переговоры", "ru"),  # the passage says "переговоров": Russian stems
        ("Азербайджан", "ru"),  # "президентом Азербайджана"
        ("danışıqlar", "az"),  # the words as written
        ("telefonla", "az"),
        ("trade", "en"),  # English stems still work
        ("discussing", "en"),
    ],
)
def test_search_finds_russian_and_azerbaijani_words(query, language, tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    import_paths([str(RUSSIAN), str(AZERBAIJANI), str(tmp_path / "en.txt")])
    found = Event.objects.matching(query)
    assert [e.sources.get().article.language for e in found] == [language]
    ranked = found.with_search_rank(query, start_sel="<b>", stop_sel="</b>").get()
    assert ranked.rank > 0


@pytest.mark.django_db
def test_a_russian_match_is_highlighted_in_the_summary():
    import_paths([str(RUSSIAN)])
    event = Event.objects.with_search_rank("Сочи", start_sel="<b>", stop_sel="</b>").get()
    assert "<b>Сочи</b>" in event.headline


@pytest.mark.django_db
def test_a_russian_word_form_is_highlighted_when_another_form_is_searched():
    import_paths([str(RUSSIAN)])  # its title: "... обсудили в Сочи транспортные коридоры"
    found = Event.objects.matching("транспортный коридор").with_search_rank(
        "транспортный коридор", start_sel="<b>", stop_sel="</b>"
    )
    headline = found.get().headline
    assert "<b>транспортные</b>" in headline and "<b>коридоры</b>" in headline


def test_an_english_label_for_a_summary_in_another_language():
    from timeline.pages.cards import english_label

    names = ["Ilham Aliyev", "Vladimir Putin"]
    assert (
        english_label("Путин и Алиев провели переговоры в Сочи", "meeting", names, "Sochi")
        == "Talks or meeting: Ilham Aliyev, Vladimir Putin — Sochi"
    )
    assert english_label("Əliyev Putinlə telefonla danışıb və razılaşıb", "call", [], "") == (
        "Phone call"
    )
    assert english_label("Путин провел встречу", "other", names[:1], "") == ("Event: Ilham Aliyev")
    assert english_label("Putin and Aliyev met in Sochi", "meeting", names, "Sochi") == ""


@pytest.mark.django_db
def test_a_russian_report_gets_an_english_headline_and_keeps_its_sentence(client):
    import_paths([str(RUSSIAN)])
    event = Event.objects.get()
    assert "Aliyev" in event.title and "Putin" in event.title
    chronology = client.get("/").content.decode()
    assert f'<a href="{event.get_absolute_url()}">{event.title}</a>' in chronology
    page = client.get(event.get_absolute_url()).content.decode()
    assert event.title in page and event.summary in page  # the sentence stays as evidence
