"""The import: idempotent, one transaction per article, bad files skipped with a reason."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from tests.conftest import SEEDS
from timeline.importing import import_paths
from timeline.models import Actor, Event, Source

pytestmark = pytest.mark.django_db


def test_seeds_import_once_and_second_run_changes_nothing(seeded, capsys):
    assert seeded.created == 5
    events, sources = Event.objects.count(), Source.objects.count()
    call_command("import_articles", "seeds/")
    out = capsys.readouterr().out
    assert "0 created, 0 updated, 5 unchanged, 0 failed" in out
    assert (Event.objects.count(), Source.objects.count()) == (events, sources)


def test_every_article_has_exactly_one_main_event(seeded):
    for article in Article.objects.all():
        assert article.sources.filter(is_main=True).count() == 1


def test_raw_text_is_kept_verbatim(seeded):
    from tests.conftest import SEEDS

    for path in SEEDS.glob("*.txt"):
        article = Article.objects.get(file_name=path.name)
        assert article.raw_text == path.read_text(encoding="utf-8")
        assert 0 <= article.body_start < article.body_end <= len(article.raw_text)


def test_passages_point_inside_the_article(seeded):
    for source in Source.objects.select_related("article"):
        assert 0 <= source.passage_start < source.passage_end <= len(source.article.raw_text)
        assert source.passage.strip()


def test_bad_file_is_reported_and_skipped_while_others_import(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Ministers meet\n\nThe ministers met in Baku on 3 March 2019 and discussed trade.\n"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Baku were held.".encode("latin-1"))
    report = import_paths([str(tmp_path)])
    assert (report.created, report.failed) == (1, 3)
    reasons = dict(report.errors)
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["latin1.txt"]
    assert Article.objects.count() == 1


def test_same_text_under_another_name_is_not_duplicated(tmp_path):
    text = "Ministers meet\n\nThe ministers met in Baku on 3 March 2019 and discussed trade.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    report = import_paths([str(tmp_path)])
    assert (report.created, report.unchanged) == (1, 1)
    assert Article.objects.count() == 1


def test_command_fails_with_one_line_reason_when_nothing_imports(tmp_path):
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_articles", str(tmp_path / "missing.txt"))


def test_dry_run_writes_nothing(capsys):
    call_command("import_articles", "seeds/", "--dry-run")
    assert "dry run: 5 created" in capsys.readouterr().out
    assert Article.objects.count() == 0 and Event.objects.count() == 0


def test_a_failure_while_storing_rolls_the_article_back(tmp_path, monkeypatch):
    from timeline.importing import store as services

    (tmp_path / "a.txt").write_text(
        "Ministers meet\n\nThe ministers met in Baku on 3 March 2019 and discussed trade.\n"
    )

    def broken(*args, **kwargs):
        raise RuntimeError("connection lost")

    # Fails after the article and its events are written, before their participants.
    monkeypatch.setattr(services, "_write_participations", broken)
    with pytest.raises(RuntimeError):
        import_paths([str(tmp_path)])
    assert Article.objects.count() == 0 and Event.objects.count() == 0


def test_a_shipped_actor_merged_into_another_is_not_recreated(seeded):
    from timeline.models import Actor

    lavrov = Actor.objects.get(name="Sergey Lavrov")
    keeper = Actor.objects.create(
        name="S. V. Lavrov", slug="s-v-lavrov", aliases=["Sergey Lavrov", *lavrov.aliases]
    )
    lavrov.participations.update(actor=keeper)
    lavrov.delete()
    import_paths([str(SEEDS)], reextract=True)
    assert not Actor.objects.filter(name="Sergey Lavrov").exists()


def test_a_new_disagreement_sends_a_reviewed_event_back_to_review(seeded, monkeypatch):
    import datetime as dt

    from articles.extraction.types import DateClaim
    from timeline.importing import imports as services

    source = Source.objects.get(article__file_name="003_2143d4e045405792.txt", is_main=True)
    event = source.event
    event.date_precision, event.date_start, event.date_end = (
        "year",
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
    )
    event.needs_review = False
    event.locked_fields = ["date_precision", "date_start", "date_end", "needs_review"]
    event.save()
    real = services.iter_extract_batch

    def later_extractor(items, **kwargs):
        for index, result in real(items, **kwargs):
            for item in result.events:
                if item.main:
                    item.date = DateClaim("day", 2023, 5, 24, derivation="a newer extractor")
            yield index, result

    monkeypatch.setattr(services, "iter_extract_batch", later_extractor)
    import_paths([str(SEEDS)], reextract=True)
    event.refresh_from_db()
    assert (event.date_precision, event.date_start.year) == ("year", 2023)
    assert event.needs_review
    assert "extractor now says 2023-05-24" in event.machine_disagreement
    assert "editor said 2023" in event.machine_disagreement


def test_an_alias_added_by_an_editor_is_picked_up_on_reextraction(tmp_path):
    from timeline.models import Actor, Participation

    text = (
        "Talks in Baku\n\nBAKU, 3 March 2019 (Agency) - Minister Zaur Qəhrəmanlı met "
        "Sergey Lavrov in Baku and discussed trade.\n"
    )
    (tmp_path / "a.txt").write_text(text)
    import_paths([str(tmp_path)])
    event = Source.objects.get(is_main=True).event
    assert not event.participations.filter(actor__name="Zaur Gahramanli").exists()
    event.summary = "Corrected by an editor"
    event.locked_fields = ["summary"]
    event.save()
    Actor.objects.create(
        name="Zaur Gahramanli", slug="zaur-gahramanli", aliases=["Zaur Qəhrəmanlı"]
    )
    import_paths([str(tmp_path)], reextract=True)
    event.refresh_from_db()
    assert event.summary == "Corrected by an editor"
    assert Participation.objects.filter(
        event=event, actor__name="Zaur Gahramanli", role="participant"
    ).exists()


@pytest.fixture
def signing_reports(tmp_path):
    """A signing reported by one article, and mentioned with its date by another."""
    (tmp_path / "a.txt").write_text(
        "Declaration signed\n\nMOSCOW, 22 February 2022 (Agency) - Vladimir Putin and Ilham "
        "Aliyev signed a declaration on allied interaction in Moscow.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Ministers meet\n\nBAKU, 3 March 2023 (Agency) - The foreign ministers met in Baku.\n\n"
        "On 22 February 2022, Vladimir Putin and Ilham Aliyev signed the declaration in "
        "Moscow.\n"
    )
    return tmp_path


def test_a_mentioned_event_the_timeline_has_becomes_a_further_source(signing_reports):
    tmp_path = signing_reports
    import_paths([str(tmp_path / "a.txt")])
    import_paths([str(tmp_path / "b.txt")])
    signing = Event.objects.get(date_start="2022-02-22")
    assert sorted(signing.sources.values_list("article__file_name", flat=True)) == [
        "a.txt",
        "b.txt",
    ]
    assert "allied interaction" in signing.passages and "foreign ministers" not in signing.passages


def test_articles_imported_together_share_an_event_and_its_history(signing_reports):
    tmp_path = signing_reports
    report = import_paths([str(tmp_path)])  # one chunk, one transaction
    assert report.created == 2
    signing = Event.objects.get(date_start="2022-02-22")
    assert signing.sources.count() == 2
    assert "\n" in signing.passages
    first = signing.history.earliest()
    assert (first.history_type, first.date_precision) == ("+", "day")
    assert set(signing.participations.values_list("actor__name", flat=True)) == {
        "Vladimir Putin",
        "Ilham Aliyev",
    }


def test_a_new_person_is_registered_unreviewed_with_the_country_and_organisation_of_the_office(
    tmp_path, admin_client
):
    (tmp_path / "talks.txt").write_text(
        "Talks in Baku\n\nRussian Deputy Culture Minister Ivan Petrovsky met SOCAR Vice-President "
        "Samir Karimzade in Baku on 3 March 2024.\n"
    )
    import_paths([str(tmp_path)])
    petrovsky = Actor.objects.get(name="Ivan Petrovsky")
    karimzade = Actor.objects.get(name="Samir Karimzade")
    assert not petrovsky.reviewed and not karimzade.reviewed
    assert petrovsky.office == "Russian Deputy Culture Minister"
    assert petrovsky.offices == [{"title": "Russian Deputy Culture Minister", "country": "Russia"}]
    assert karimzade.offices == [{"title": "SOCAR Vice-President", "organisation": "SOCAR"}]
    page = admin_client.get("/admin/timeline/actor/?reviewed__exact=0").content.decode()
    assert '<td class="field-affiliation">Russia</td>' in page
    assert '<td class="field-affiliation">SOCAR</td>' in page
