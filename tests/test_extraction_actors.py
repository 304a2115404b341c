"""Who took part: spellings, patronymics, surnames, titles and roles, on texts written here."""

import datetime as dt

from articles.extraction import extract, load_default_actors
from articles.extraction.actors import Registry
from articles.extraction.words import fold

TODAY = dt.date(2026, 11, 23)


def main_of(text, **kw):
    return next(e for e in extract(text, today=TODAY, **kw).events if e.main)


def names(text):
    return [h.actor.name for h in Registry(load_default_actors()).find(text)]


def test_transliteration_variants_fold_together():
    for a, b in [
        ("Sergey", "Sergei"),
        ("Aliyev", "Aliev"),
        ("Mammadyarov", "Mamedyarov"),
        ("Jeyhun", "Ceyhun"),
        ("Hajiyev", "Gadzhiev"),
        ("Dmitry", "Dmitriy"),
        ("Alexei", "Aleksey"),
        ("Pashinyan", "Pashinian"),
        ("Erdogan", "Erdoğan"),
        ("Yevgeny", "Evgeny"),
        ("Shoigu", "Shoygu"),
        # Azerbaijani Latin spellings of Russian and Azerbaijani names
        ("Xələfov", "Khalafov"),
        ("Mixail", "Mikhail"),
        ("Babuşkin", "Babushkin"),
        ("İqor", "Igor"),
        ("Aleksandr", "Alexander"),
    ]:
        assert fold(a) == fold(b), (a, b)
    assert fold("Aliyeva") != fold("Aliyev")


def test_every_spelling_resolves_to_one_actor():
    assert names("Sergei Lavrov met Elmar Mamedyarov.") == ["Sergey Lavrov", "Elmar Mammadyarov"]
    assert names("Dmitri Peskov and Ceyhun Bayramov") == ["Dmitry Peskov", "Jeyhun Bayramov"]


def test_patronymic_address_in_direct_speech():
    assert names("Dear Vladimir Vladimirovich, thank you.") == ["Vladimir Putin"]
    assert names("- Thank you, Ilham Heydarovich.") == ["Ilham Aliyev"]
    assert names("Sergey Viktorovich, welcome!") == ["Sergey Lavrov"]


def test_surname_alone_means_the_person_the_article_introduced():
    text = (
        "Former president Heydar Aliyev was remembered. Later, President Ilham Aliyev spoke. "
        "Aliyev said the talks went well."
    )
    assert names(text)[-1] == "Ilham Aliyev"
    text = "President Heydar Aliyev received the envoy. Aliyev said the talks went well."
    assert names(text) == ["Heydar Aliyev", "Heydar Aliyev"]


def test_unintroduced_ambiguous_surname_is_left_alone():
    assert names("Aliyev said the talks went well.") == []


def test_unique_surname_needs_no_introduction():
    assert names("Lavrov said the talks went well.") == ["Sergey Lavrov"]


def test_title_resolved_against_the_office_holder_at_the_date():
    text = (
        "Leaders meet\n\nSOCHI, 14 August 2009 (Agency) - The Russian President met the head "
        "of the Azerbaijani state in Sochi and discussed gas supplies.\n"
    )
    assert main_of(text).participants == ["Dmitry Medvedev", "Ilham Aliyev"]
    text = text.replace("14 August 2009", "14 August 2015")
    assert main_of(text).participants == ["Vladimir Putin", "Ilham Aliyev"]


def test_title_in_a_year_when_the_office_changed_hands_stays_unresolved():
    text = (
        "Leaders meet\n\nThe Russian President met the Azerbaijani President in Baku. The "
        "meeting took place in 2008.\n"
    )
    assert "Vladimir Putin" not in main_of(text).participants


def test_new_person_with_an_office_is_detected():
    text = (
        "Talks\n\nRussian Deputy Prime Minister Nikodim Zaborsky met Azerbaijani officials "
        "in Baku on 3 March 2024.\n"
    )
    result = extract(text, today=TODAY)
    assert [(a.name, a.office) for a in result.new_actors] == [
        ("Nikodim Zaborsky", "Russian Deputy Prime Minister")
    ]


def test_spokesman_quoted_about_the_meeting_is_not_a_participant():
    text = (
        "Talks\n\nKremlin spokesman Dmitry Peskov told reporters that Vladimir Putin met "
        "Ilham Aliyev in Sochi on 3 March 2021.\n"
    )
    main = main_of(text)
    assert main.participants == ["Vladimir Putin", "Ilham Aliyev"]
    assert "Dmitry Peskov" in main.mentioned


def test_leader_commemorated_is_only_mentioned():
    text = (
        "Talks\n\nIlham Aliyev met Vladimir Putin in Moscow on 3 March 2023 to mark the "
        "anniversary of the late Heydar Aliyev.\n"
    )
    main = main_of(text)
    assert "Heydar Aliyev" not in main.participants
    assert "Heydar Aliyev" in main.mentioned


def test_sidebar_names_never_take_part():
    text = (
        "Talks in Baku\n\nIlham Aliyev received Sergey Lavrov in Baku on 3 March 2023.\n\n"
        "Latest news\n\nErdogan and Raisi discuss trade\n\n3 March 2023 - 10:00\n"
    )
    main = main_of(text)
    assert main.participants == ["Ilham Aliyev", "Sergey Lavrov"]
    assert not {"Recep Tayyip Erdogan", "Ebrahim Raisi"} & set(main.mentioned)


def test_place_and_kind_of_event():
    main = main_of(
        "Call\n\nVladimir Putin and Ilham Aliyev held a telephone conversation on 3 March 2023.\n"
    )
    assert main.kind == "call"
    main = main_of("Visit\n\nSergey Lavrov arrived in Baku on an official visit on 3 March 2023.\n")
    assert (main.kind, main.place) == ("visit", "Baku")


def test_a_name_wrapped_onto_the_next_indented_line_is_one_name():
    # Text wrapped at a fixed width, lines indented: the name goes on after the line break.
    assert names("met Azerbaijani President Ilham\n    Aliyev in Baku") == ["Ilham Aliyev"]
    assert names("signed during Heydar\n    Aliyev's visit to Moscow") == ["Heydar Aliyev"]
    assert "Heydar Aliyev" not in names("talks with Heydar\n\n    Aliyev's successor")
