"""People no list has, spellings of one person, and who took part: on texts written here, with
invented people (and the registry's famous ones where the registry is the point)."""

import datetime as dt

import pytest

from articles.extraction import extract, load_default_actors
from articles.extraction.actors import Registry
from articles.extraction.affiliation import office_country
from articles.extraction.names import find_people

TODAY = dt.date(2026, 11, 23)


def people(text):
    """(name, office) of every person no registry names, as the text introduces them."""
    registry = Registry(load_default_actors())
    known = [(h.start, h.end) for h in registry.find(text)]
    return [(p.name, p.office) for p in find_people(text, 0, len(text), known)]


def names(text):
    return [h.actor.name for h in Registry(load_default_actors()).find(text)]


def main_of(text):
    return next(e for e in extract(text, today=TODAY).events if e.main)


# -- Open-set recognition: how news introduces a person ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Governor of the Samara Region Ivan Petrov met the delegation.",
            [("Ivan Petrov", "Governor of the Samara Region")],
        ),
        (
            "Deputy Prime Minister Samir Karimov opened the forum.",
            [("Samir Karimov", "Deputy Prime Minister")],
        ),
        (
            "Russian Deputy Transport Minister Pavel Orlov arrived in Baku.",
            [("Pavel Orlov", "Russian Deputy Transport Minister")],
        ),
        (
            "the deputy Minister of Foreign Affairs of Ruritania Oleg Bondar arrived.",
            [("Oleg Bondar", "deputy Minister of Foreign Affairs of Ruritania")],
        ),
        (
            "The Governor of Samara Ivan Petrov spoke.",  # the place is not his given name
            [("Ivan Petrov", "Governor of Samara")],
        ),
    ],
)
def test_title_or_office_before_a_name(text, expected):
    assert people(text) == expected


def test_military_ranks():
    assert people("Russian Col. Gen. Oleg Smirnov said at the ceremony.") == [
        ("Oleg Smirnov", "Russian Col. Gen.")
    ]
    assert people("Ruritania's chief of the general staff, Col. Gen. Kamal Rustamov, said.") == [
        ("Kamal Rustamov", "Ruritania's chief of the general staff, Col. Gen.")
    ]
    assert people("Lieutenant-General Boris Lebedko inspected the base.") == [
        ("Boris Lebedko", "Lieutenant-General")
    ]


def test_religious_titles():
    text = "Patriarch Teodor received Sheikh-ul-Islam Rashad Mammadli and Mufti Timur Ganiev."
    assert people(text) == [
        ("Patriarch Teodor", "Patriarch"),
        ("Rashad Mammadli", "Sheikh-ul-Islam"),
        ("Timur Ganiev", "Mufti"),
    ]
    assert people("Metropolitan Gavriil blessed the church.") == [
        ("Metropolitan Gavriil", "Metropolitan")
    ]


def test_company_titles():
    text = "SOCAR President Rauf Hasanli and Gazprom CEO Pavel Sokolov signed the contract."
    assert people(text) == [
        ("Rauf Hasanli", "SOCAR President"),
        ("Pavel Sokolov", "Gazprom CEO"),
    ]


def test_parliament_speakers():
    text = (
        "Chairman of the Milli Majlis Leyla Hasanova met Speaker of the State Duma Oleg "
        "Morozko in Moscow."
    )
    assert people(text) == [
        ("Leyla Hasanova", "Chairman of the Milli Majlis"),
        ("Oleg Morozko", "Speaker of the State Duma"),
    ]


def test_office_then_comma_then_name():
    assert people("Ambassador of Russia to Azerbaijan, Vasily Orlovsky, briefed the media.") == [
        ("Vasily Orlovsky", "Ambassador of Russia to Azerbaijan")
    ]
    text = (
        "an invitation to Ruritania's Minister of Sports and the President of the National "
        "Olympic Committee (NOC), Pavel Dvorkin, to attend the games"
    )
    assert people(text) == [
        (
            "Pavel Dvorkin",
            "Ruritania's Minister of Sports and the President of the National Olympic Committee",
        )
    ]


def test_name_with_an_apposition():
    text = "The agency quoted Ivan Petrov, a top aide to the chief executive of Rostekh, as saying"
    assert people(text) == [("Ivan Petrov", "top aide to the chief executive of Rostekh")]
    assert people("Anna Belova, the head of the agency, said.") == [
        ("Anna Belova", "head of the agency")
    ]
    assert people("Anna Belova, who heads the agency, said.")[0][0] == "Anna Belova"


def test_names_listed_with_their_countries():
    text = "the mediators Igor Belov (Russia), Jean Morel (France) and Tom Hill (USA) arrived."
    assert [name for name, _ in people(text)] == ["Igor Belov", "Jean Morel", "Tom Hill"]


def test_honorific_and_patronymic():
    assert people("Mr. Ivan Petrov said hello.") == [("Ivan Petrov", "")]
    assert people("Governor Ivan Ivanovich Petrov spoke.") == [
        ("Ivan Ivanovich Petrov", "Governor")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov said the talks went well.",  # no title, nothing says who he is
        "The President of Russia and Ivan Petrov met.",  # the title is someone else's
        "The concert took place at the Ivan Petrov Palace.",
        "The Eastern Economic Forum opened in Vladivostok.",
        "The Days of Culture opened in Moscow on Monday.",
        "Minister of Culture Spoke Today",  # a headline in title case, no name
        "Russian Minister Holds Talks With Azerbaijani Counterpart In Baku",
        "Deputy Minister Opens Exhibition. The exhibition opens daily.",  # words, not names
    ],
)
def test_no_person_without_an_introduction(text):
    assert [name for name, _ in people(text)] == []


def test_a_new_person_becomes_a_new_actor_with_the_office_as_written():
    text = (
        "Talks\n\nGovernor of the Samara Region Ivan Petrov met Deputy Prime Minister Samir "
        "Karimov in Baku on 3 March 2024.\n"
    )
    result = extract(text, today=TODAY)
    assert [(a.name, a.office) for a in result.new_actors] == [
        ("Ivan Petrov", "Governor of the Samara Region"),
        ("Samir Karimov", "Deputy Prime Minister"),
    ]
    assert main_of(text).participants == ["Ivan Petrov", "Samir Karimov"]


@pytest.mark.parametrize(
    "office, country, organisation",
    [
        ("Russian Deputy Culture Minister", "Russia", ""),
        ("Azerbaijan's Ambassador to Russia", "Azerbaijan", ""),
        ("SOCAR Vice-President", "", "SOCAR"),
        ("Deputy Head of the Ministry of Foreign Affairs", "", "Ministry of Foreign Affairs"),
        ("Governor of the Samara Region", "", ""),
    ],
)
def test_a_new_actor_s_office_names_its_country_and_organisation(office, country, organisation):
    text = f"Talks\n\n{office} Ivan Petrov met the delegation in Baku on 3 March 2024.\n"
    (actor,) = extract(text, today=TODAY).new_actors
    assert (actor.office, actor.country, actor.organisation) == (office, country, organisation)


@pytest.mark.parametrize(
    "office, country",
    [
        ("заместитель министра иностранных дел России", "Russia"),
        ("глава МИД РФ", "Russia"),
        ("посол Азербайджана в Москве", "Azerbaijan"),
        ("Rusiyanın Bakıdakı səfiri", "Russia"),
        ("Azərbaycan Respublikasının Baş naziri", "Azerbaijan"),
        ("губернатор области", ""),
        ("Prussian envoy", ""),  # a country word inside another word is none
    ],
)
def test_the_country_of_an_office_in_russian_and_azerbaijani(office, country):
    assert office_country(office) == country


# -- One person, many spellings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ilkham Aliev", "Ilham Aliyev"),
        ("İlham Əliyev", "Ilham Aliyev"),
        ("Heidar Aliyev", "Heydar Aliyev"),
        ("Geydar Aliev", "Heydar Aliyev"),
        ("Ceyhun Bairamov", "Jeyhun Bayramov"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Dimitri Medvedev", "Dmitry Medvedev"),  # a given name spelled with another vowel
        ("Gurbangulu Berdimuhamedow", "Gurbanguly Berdimuhamedov"),
        ("I. Aliyev", "Ilham Aliyev"),  # an initial
        ("H.Aliyev", "Heydar Aliyev"),
    ],
)
def test_transliterations_fold_to_one_actor(text, name):
    assert names(f"On Monday {text} arrived.") == [name]


def test_people_sharing_a_surname_stay_apart():
    assert names("Heydar Aliyev and Ilham Aliyev") == ["Heydar Aliyev", "Ilham Aliyev"]
    assert names("Shahin Mustafayev met Rahman Mustafayev") == [
        "Shahin Mustafayev",
        "Rahman Mustafayev",
    ]
    assert names("Emin Aliyev said") == []  # another Aliyev, not a known one
    assert names("R. Mustafayev and S. Mustafayev") == ["Rahman Mustafayev", "Shahin Mustafayev"]


def test_a_new_person_is_later_named_by_surname():
    text = (
        "Talks\n\nDeputy Minister of Culture Farid Guliyev welcomed the guests of the opening "
        "ceremony in Baku on 3 March 2024. Guliyev said the days of culture would continue.\n"
    )
    main = main_of(text)
    assert main.participants == ["Farid Guliyev"]


def test_a_new_person_shadows_a_known_namesake_named_by_surname():
    # The registry knows one Ivanov; the text introduces another, then names him by surname.
    text = (
        "Culture\n\nThe Deputy Culture Minister, Oleg Ivanov, opened the exhibition in Baku "
        "on 3 March 2024. Ivanov said the exhibition was a success.\n"
    )
    main = main_of(text)
    assert main.participants == ["Oleg Ivanov"]
    assert "Sergei Ivanov" not in main.mentioned


# -- Russian and Azerbaijani forms of a name ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("встреча с Ильхамом Алиевым", ["Ilham Aliyev"]),  # instrumental
        ("визит Сергея Лаврова", ["Sergey Lavrov"]),  # genitive
        ("письмо Сергею Лаврову", ["Sergey Lavrov"]),  # dative
        ("беседа с Мехрибан Алиевой", ["Mehriban Aliyeva"]),  # a woman's surname
        ("юбилей Гейдара Алиева", ["Heydar Aliyev"]),  # not Ilham: the given name decides
        ("вице-премьер Шахин Мустафаев", ["Shahin Mustafayev"]),  # е after a vowel is ye
        ("встреча Путина с Пашиняном", ["Vladimir Putin", "Nikol Pashinyan"]),  # surnames alone
        ("Ceyhun Bayramovla Sergey Lavrov arasında görüş", ["Jeyhun Bayramov", "Sergey Lavrov"]),
        ("Prezident İlham Əliyevin çıxışı", ["Ilham Aliyev"]),
        ("C.Bayramov Moskvaya səfər edib", ["Jeyhun Bayramov"]),
    ],
)
def test_case_forms_name_the_same_actor(text, expected):
    assert names(text) == expected


def test_an_ambiguous_case_form_follows_who_was_introduced():
    # "Алиева" is Aliyev's genitive or a woman's surname: the article's own Aliyev decides.
    assert names("Президент Ильхам Алиев выступил. По мнению Алиева, это важно.") == [
        "Ilham Aliyev",
        "Ilham Aliyev",
    ]
    assert names("По мнению Алиева, это важно.") == []


def test_english_text_is_not_read_for_azerbaijani_suffixes():
    assert names("Putina said nothing.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "встреча с губернатором Самарской области Иваном Петровым",
            [("Ivan Petrov", "губернатором Самарской области")],
        ),
        ("заявил помощник президента Олег Смирнов", [("Oleg Smirnov", "помощник президента")]),
        ("с вице-премьером Анной Сергеевной Беловой", [("Anna Belova", "вице-премьером")]),
        ("мэр города Пётр Ковалёв", [("Pyotr Kovalyov", "мэр города")]),
        ("в Москве и Самаре прошла Неделя Культуры", []),  # places and words are not names
        # Surnames the dictionary does not know, read by their endings in the name's case.
        (
            "вице-премьер Азербайджана Самир Керимов",
            [("Samir Kerimov", "вице-премьер Азербайджана")],
        ),
        ("с губернатором Игорем Бабушкиным", [("Igor Babushkin", "губернатором")]),
        ("с послом Анной Керимовой", [("Anna Kerimova", "послом")]),
        ("губернатор Игорь Лепский", [("Igor Lepskiy", "губернатор")]),
        # The title is the words from its head on, not a sentence before it.
        (
            "министр Олег Сидоренко встретился с послом Анной Керимовой",
            [("Oleg Sidorenko", "министр"), ("Anna Kerimova", "послом")],
        ),
        ("Самир Быстро открыл выставку", []),  # no surname ending, no noun
        # Armenian surnames; a given name the dictionary barely knows, after a title.
        ("встреча с послом Ашотом Овакимяном", [("Ashot Ovakimyan", "послом")]),
        (
            "заместитель главы Администрации президента Виген Саркисян",
            [("Vigen Sarkisyan", "заместитель главы Администрации президента")],
        ),
        ("Виген Саркисян открыл выставку", []),  # without a title, not enough to go on
        # One given name after a religious title, shown with the English title.
        (
            "Патриарх Московский и всея Руси Кирилл встретился с гостями",
            [("Patriarch Kirill", "Патриарх Московский и всея Руси")],
        ),
        (
            "встреча с митрополитом Бакинским Александром",
            [("Metropolitan Aleksandr", "митрополитом Бакинским")],
        ),
    ],
)
def test_russian_names_no_list_has(text, expected):
    assert people(text) == expected


def test_a_russian_participant_no_list_has():
    text = (
        "Встреча\n\nВице-премьер Самир Керимов встретился с губернатором Самарской области "
        "Иваном Петровым в Самаре.\n"
    )
    assert "Ivan Petrov" in main_of(text).participants


def test_a_new_person_spelled_two_ways_is_one_person():
    text = (
        "Talks\n\nDeputy Minister Sergei Orlovsky met Governor Ivan Petrov in Samara on 3 March "
        "2024. Deputy Minister Sergey Orlovskiy said at the meeting that trade was growing.\n"
    )
    result = extract(text, today=TODAY)
    assert [a.name for a in result.new_actors] == ["Sergei Orlovsky", "Ivan Petrov"]
    assert main_of(text).participants == ["Sergei Orlovsky", "Ivan Petrov"]


def test_the_office_held_over_an_events_whole_date():
    from articles.extraction.datevalue import UNKNOWN, DateValue
    from articles.extraction.offices import office_held

    terms = [
        {"title": "Deputy Foreign Minister", "from": "1999", "to": "2004-03"},
        {"title": "Foreign Minister", "from": "2004-03-09"},
    ]
    assert office_held(terms, DateValue("day", 2003, 5, 1)) == "Deputy Foreign Minister"
    assert office_held(terms, DateValue("year", 2004)) is None  # both offices that year
    assert office_held(terms, DateValue("day", 2004, 3, 31)) == "Deputy Foreign Minister"
    assert office_held(terms, DateValue("day", 2004, 4, 1)) == "Foreign Minister"
    assert office_held(terms, DateValue("year", 2010)) == "Foreign Minister"
    assert office_held(terms, DateValue("year", 1998)) is None
    assert office_held(terms, UNKNOWN) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Azərbaycanın xarici işlər nazirinin müavini Elnur Məmmədov Rusiyanın səfiri Pavel "
            "Orlovla görüşüb.",
            [
                ("Elnur Mammadov", "Azərbaycanın xarici işlər nazirinin müavini"),
                ("Pavel Orlov", "Rusiyanın səfiri"),
            ],
        ),
        (
            "Şəhərin icra başçısı Niyazi Bayramovun sözlərinə görə",
            [("Niyazi Bayramov", "Şəhərin icra başçısı")],
        ),
        # No office word right before the two words: a place, a company, no one.
        ("Gəncə Aqrar Universiteti Bakıda sərgi açıb.", []),
        ("Nazir Bakıda Pavel Orlovla görüşüb.", []),
    ],
)
def test_azerbaijani_names_no_list_has(text, expected):
    assert people(text) == expected


def test_the_second_of_two_names_after_a_plural_office_has_that_office():
    text = "Deputy Prime Ministers Samir Sharifli and Ivan Dorokhov met in Baku."
    assert people(text) == [
        ("Samir Sharifli", "Deputy Prime Ministers"),
        ("Ivan Dorokhov", "Deputy Prime Ministers"),
    ]
    # After a singular office, the second name is nobody the text introduced.
    assert people("Minister Samir Sharifli and Ivan Dorokhov met in Baku.") == [
        ("Samir Sharifli", "Minister")
    ]


def test_an_azerbaijani_spelling_of_a_new_name_is_written_as_english_news_writes_it():
    assert people("Astraxan vilayətinin qubernatoru İqor Babuşkin Bakıya gəlib.") == [
        ("Igor Babushkin", "vilayətinin qubernatoru")
    ]
    assert people("Şəhərin icra başçısı Ceyhun Xələfovla görüşüb.") == [
        ("Jeyhun Khalafov", "Şəhərin icra başçısı")
    ]
