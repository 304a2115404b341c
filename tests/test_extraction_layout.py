"""Title, body and boilerplate of raw scrapes (texts written for these tests)."""

from articles.extraction import extract
from articles.extraction.layout import analyse, is_ui_line

SCRAPE = """Ministers meet in Ganja / World / Example Daily
Rate it
Ministers meet in Ganja

Politics 14 march — 10:05

The foreign ministers of the two countries met in Ganja on Tuesday, the ministry said.

They discussed transport links and trade. "We are pleased," one of them said.

Share:
2034 views
Read also

Floods hit the north of the country

12 June 2019 - 09:10

Parliament adopts budget for 2020

11 June 2019 - 18:45
"""


def test_title_drops_site_name_and_section():
    assert analyse(SCRAPE).title == "Ministers meet in Ganja"


def test_body_stops_before_the_list_of_other_stories():
    layout = analyse(SCRAPE)
    body = SCRAPE[layout.body_start : layout.body_end]
    assert body.startswith("The foreign ministers")
    assert body.endswith("one of them said.")
    assert "Floods" not in body and "views" not in body


def test_boilerplate_spans_cover_header_and_sidebar():
    layout = analyse(SCRAPE)
    covered = "".join(SCRAPE[s:e] for s, e in layout.boilerplate)
    assert "Rate it" in covered and "Floods hit the north" in covered


def test_sidebar_dates_never_become_events():
    result = extract(SCRAPE)
    for event in result.events:
        assert event.date.year != 2019 and event.date.iso() != "2020"


def test_interface_lines():
    assert is_ui_line("1155 views")
    assert is_ui_line("Поделиться:")
    assert is_ui_line("(Video, Photo, Updated)")
    assert is_ui_line("Latest news")
    assert not is_ui_line("Latest news from the talks was encouraging, the minister said.")


def test_russian_article_keeps_its_cyrillic_body():
    text = (
        "Путин и Алиев провели переговоры\n\n"
        "Президенты России и Азербайджана провели переговоры в Москве, сообщил Кремль. "
        "Стороны обсудили торговлю.\n"
    )
    layout = analyse(text)
    assert "Президенты" in text[layout.body_start : layout.body_end]


def test_empty_and_odd_text_do_not_raise():
    for text in ["", "   \n\n  ", "a", "\x00\x01", "Latest news\n\n"]:
        result = extract(text)
        assert 0 <= result.body_start <= result.body_end <= len(text)


UNTITLED_SCRAPE = (
    " date 2025-03-04 + share\n\n"
    "Baku has asked for the swift payment of damages promised after the sinking of a ferry. "
    "The promise was made by President Ilham Aliyev and President Vladimir Putin at their "
    "talks in Minsk on October 12, 2024.\n\n"
    "The request was made in Moscow on Tuesday at a meeting between Azerbaijan's Ambassador "
    "Orkhan Talibov and Deputy Foreign Minister Pavel Kuznetsov.\n"
)


def test_a_lead_paragraph_of_two_long_sentences_is_not_a_title():
    layout = analyse(UNTITLED_SCRAPE)
    assert layout.title == ""
    body = UNTITLED_SCRAPE[layout.body_start : layout.body_end]
    assert body.startswith("Baku has asked")


def test_a_short_title_of_two_sentences_is_still_a_title():
    text = (
        "Talks end. Ministers leave Baku\n\n"
        "The foreign ministers left Baku on Friday after two days of talks, the ministry said.\n"
    )
    assert analyse(text).title == "Talks end. Ministers leave Baku"


def test_people_of_a_background_lead_do_not_join_an_untitled_article_s_meeting():
    main = next(e for e in extract(UNTITLED_SCRAPE).events if e.main)
    assert "Vladimir Putin" not in main.participants
    assert "Ilham Aliyev" not in main.participants


def test_accessibility_and_navigation_lines_are_not_the_title():
    text = (
        "Accessibility links\n\nSkip to main content\n\nBreaking News\n\n"
        "Ministers Meet In Ganja\n\n"
        "Ganja, May 3, 2019 (Agency) - The foreign ministers of the two countries met on Friday "
        "to discuss transport links.\n"
    )
    assert analyse(text).title == "Ministers Meet In Ganja"
    for line in (
        "Accessibility links",
        "Skip to content",
        "Main menu",
        "Search",
        "Log in",
        "Anna Petrova Read more",  # a byline with its link
        "Последнее обновление: 12:30",
        "news_header_top_970_100",  # an advertisement slot's code name
        "(2 минуты назад)",
        "5 minutes ago",
        "example.az",  # the site's own name
    ):
        assert is_ui_line(line), line
    assert not is_ui_line("Read more about the talks in Baku today")
    assert not is_ui_line("Search for survivors goes on")


def test_a_short_site_name_gives_way_to_the_headline_that_shares_the_lead_s_words():
    text = (
        "Atlas Pages\n\nRegion Index\n\nFerry Service Opening\n\n"
        "The ferry service between the two ports opened after a long dispute over fees. "
        "The first ferry sailed with forty passengers.\n"
    )
    assert analyse(text).title == "Ferry Service Opening"
    # A longer first line stays the title, even when a later one shares more words.
    text = (
        "Ports agree on fees after a long dispute\n\nFerry Service Opening\n\n"
        "The ferry service between the two ports opened after a long dispute over fees.\n"
    )
    assert analyse(text).title == "Ports agree on fees after a long dispute"
