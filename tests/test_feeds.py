"""Feeds (JSON Lines, CSV) and zips: each record an article with its metadata; a bad record is
refused with its line and a reason, the rest still arrive; nothing is half-written."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.bundles import read_upload, read_zip
from articles.feeds import read_feed
from articles.models import Article

LIMIT = 10_000
TEXT = "BAKU, 5 April 2019\n\nIlham Aliyev met Vladimir Putin in Sochi for talks on trade."
UNDATED = "Ilham Aliyev met Vladimir Putin in Sochi on Friday for talks on trade and transit."


def jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def feed(data: bytes, name: str = "feed.jsonl", folder=None):
    return read_feed(name, data, folder=folder, max_bytes=LIMIT)


def test_a_jsonl_record_carries_its_metadata():
    record = {
        "text": TEXT,
        "url": "https://news.az/2019/04/05/talks",
        "title": "Aliyev and Putin meet",
        "published": "2019-04-05T10:00:00Z",
        "outlet": "News.az",
        "language": "EN",
    }
    (article,), errors = feed(jsonl(record))
    assert errors == []
    assert article.text == TEXT and article.name == "talks"
    assert article.meta.url == record["url"] and article.meta.language == "en"
    assert (article.meta.title, article.meta.outlet) == ("Aliyev and Putin meet", "News.az")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"url": "https://x.org/a"}), "no text and no path"),
        (json.dumps({"text": TEXT, "body": "x"}), "unknown field 'body'"),
        (json.dumps({"text": 42}), "text must be a string"),
        (json.dumps({"text": "   "}), "no text and no path"),
        (json.dumps({"text": TEXT, "path": "a.txt"}), "give text or path, not both"),
        (json.dumps({"text": TEXT, "url": "javascript:alert(1)"}), "not an http(s) address"),
        (json.dumps({"text": TEXT, "published": "last week"}), "is not a date"),
        (json.dumps({"text": TEXT, "language": "de"}), "language 'de' is not one of"),
        (json.dumps({"text": "x" * (LIMIT + 1)}), "over the 10000-byte limit"),
        (json.dumps({"text": "a\x00b"}), "binary data"),
        (json.dumps({"text": "<html><body>page</body></html>"}), "an HTML page"),
        (json.dumps({"path": "a.txt"}), "only read from feeds on disk"),
    ],
)
def test_a_bad_record_is_refused_with_its_line_and_the_good_ones_arrive(line, reason):
    articles, errors = feed(jsonl({"text": TEXT}, line, {"text": UNDATED}))
    assert [a.text for a in articles] == [TEXT, UNDATED]
    ((where, why),) = errors
    assert where == "feed.jsonl line 2" and reason in why


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\n\n", "only whitespace"),
        (b"\xff\xfe\x00" + b"\x00" * 10 + b"\xd8", "UTF-16"),
        ("текст".encode("cp1251"), "not UTF-8"),
        (b"\x89PNG\x00\x00\x00", "binary data"),
    ],
)
def test_a_feed_that_is_no_text_is_refused_as_a_whole(data, reason):
    from articles.files import BadArticle

    with pytest.raises(BadArticle, match=reason):
        feed(data)


def test_csv_with_quoted_multiline_text_a_bom_and_a_malformed_row():
    rows = io.StringIO()
    rows.write("\ufefftext,URL,published\n")
    rows.write(f'"{TEXT}",https://news.az/2019/04/05/a,2019-04-05\n')
    rows.write(f'"{UNDATED}",https://news.az/b,,extra\n')
    rows.write(f'"{UNDATED} Again.",,\n')
    articles, errors = read_feed("feed.csv", rows.getvalue().encode(), folder=None, max_bytes=LIMIT)
    assert [a.meta.url for a in articles] == ["https://news.az/2019/04/05/a", ""]
    assert articles[0].text == TEXT  # the newlines inside the quotes are the article's
    # Line 5 of the file: the first record spans lines 2 to 4.
    assert errors == [("feed.csv line 5", "more values than the header has columns")]


def test_csv_without_a_text_or_path_column_says_what_it_needs():
    articles, errors = read_feed("f.csv", b"title,url\nA,https://x.org\n", folder=None, max_bytes=9)
    assert articles == [] and "header row with a text or path column" in errors[0][1]


def test_a_path_record_reads_next_to_the_feed_and_never_outside_it(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT)
    (tmp_path.parent / "secret.txt").write_text("not yours")
    data = jsonl({"path": "one.txt", "url": "https://x.org/1"}, {"path": "../secret.txt"})
    articles, errors = feed(data, folder=tmp_path)
    assert [a.name for a in articles] == ["one.txt"] and articles[0].meta.url == "https://x.org/1"
    assert errors == [("feed.jsonl line 2", "path '../secret.txt' is outside the feed's folder")]


def test_a_feed_with_no_records_says_so():
    articles, errors = read_feed("f.csv", b"text\n", folder=None, max_bytes=LIMIT)
    assert (articles, errors) == ([], [("f.csv", "the feed holds no records")])


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_gives_its_text_files_and_names_what_it_refuses():
    data = _zip(
        {
            "a/one.txt": TEXT.encode(),
            "two.txt": b"",
            "big.txt": b"x" * (LIMIT + 1),
            "photo.jpg": b"\xff\xd8",
            "__MACOSX/._one.txt": b"junk",
        }
    )
    articles, errors = read_zip("up.zip", data, max_bytes=LIMIT)
    assert [a.name for a in articles] == ["one.txt"]
    assert dict(errors) == {
        "up.zip/two.txt": "empty file",
        "up.zip/big.txt": f"{LIMIT + 1} bytes is over the {LIMIT}-byte limit",
        "up.zip/photo.jpg": "not a .txt file (a zip holds plain-text articles)",
    }


def test_a_zip_that_lies_about_its_sizes_or_is_no_zip_is_refused():
    assert read_zip("x.zip", b"PK\x03\x04broken", max_bytes=LIMIT)[1][0][1].startswith(
        "not a readable zip"
    )
    bomb = bytearray(_zip({"bomb.txt": b"a" * (LIMIT * 50)}))
    # Claim a tiny size in the central directory: the read stops at the limit all the same.
    at = bomb.rfind(b"PK\x01\x02")
    bomb[at + 24 : at + 28] = (100).to_bytes(4, "little")
    articles, errors = read_zip("bomb.zip", bytes(bomb), max_bytes=LIMIT)
    assert articles == [] and errors


def test_an_upload_over_the_feed_limit_is_refused_before_parsing():
    files, errors = read_upload("big.jsonl", b"{}" * 100, max_bytes=LIMIT, feed_max_bytes=50)
    assert files == [] and "over the 50-byte limit" in errors[0][1]


# Through the import -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_imports_a_feed_its_url_and_dates_shown_on_the_article_page(
    tmp_path, client, capsys
):
    records = [
        {"text": UNDATED, "url": "https://news.az/politics/2019/04/05/sochi", "outlet": "News.az"},
        {
            "text": UNDATED + " Both agreed.",
            "url": "https://x.org/2019/04/05/a",
            "published": "2019-04-06",
        },
        {"text": TEXT, "published": "2019-04-05"},
        "{broken",
    ]
    (tmp_path / "feed.jsonl").write_bytes(jsonl(*records))
    call_command("import_articles", str(tmp_path / "feed.jsonl"))
    out, err = capsys.readouterr()
    assert "3 created" in out and "feed.jsonl line 4: not JSON" in err
    dated = Article.objects.get(url=records[0]["url"])
    assert (dated.published_date.isoformat(), dated.published_needs_review) == ("2019-04-05", False)
    assert dated.published_derivation == "the date in the article's URL path (/2019/04/05/)"
    assert dated.outlet == "News.az" and dated.file_name == "sochi"
    disputed = Article.objects.get(url=records[1]["url"])
    assert disputed.published_needs_review and "says 2019-04-05" in disputed.published_derivation
    stated = Article.objects.get(raw_text=TEXT)
    assert stated.published_derivation.startswith("dateline")
    assert not stated.published_needs_review

    page = client.get(reverse("article_detail", args=[dated.pk])).content.decode()
    assert f'Original at <a href="{records[0]["url"]}"' in page
    assert "the date in the article&#x27;s URL path (/2019/04/05/)" in page
    page = client.get(reverse("article_detail", args=[disputed.pk])).content.decode()
    assert "needs review" in page


@pytest.mark.django_db
def test_reextraction_keeps_the_feeds_evidence(tmp_path):
    from timeline.importing import reextract_articles

    record = {"text": UNDATED, "url": "https://news.az/2019/04/05/sochi", "published": "2019-04-05"}
    (tmp_path / "feed.jsonl").write_bytes(jsonl(record))
    call_command("import_articles", str(tmp_path / "feed.jsonl"))
    reextract_articles(Article.objects.all())
    article = Article.objects.get()
    assert article.published_date.isoformat() == "2019-04-05"
    assert "agrees" in article.published_derivation


@pytest.mark.django_db
def test_plain_text_files_import_as_before_with_no_url(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT)
    call_command("import_articles", str(tmp_path))
    article = Article.objects.get()
    assert (article.url, article.outlet, article.file_name) == ("", "", "one.txt")
    assert article.published_date.isoformat() == "2019-04-05"
