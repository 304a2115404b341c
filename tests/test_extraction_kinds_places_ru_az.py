"""Event kinds and places read in Russian and Azerbaijani give the English ones' values."""

import pytest

from articles.extraction import extract
from articles.extraction.kinds import EventKind, event_kind
from articles.extraction.places import place_in_dateline, place_of

KINDS = [
    # Russian
    ("Лидеры двух стран провели переговоры в узком составе", EventKind.MEETING),
    ("По итогам переговоров стороны приняли совместное заявление", EventKind.MEETING),
    ("В ходе переговоров обсуждался транзит грузов", EventKind.MEETING),
    ("На следующей неделе запланированы переговоры министров", EventKind.MEETING),
    ("Министры встретились на полях форума", EventKind.MEETING),
    ("Встреча глав МИД прошла в закрытом режиме", EventKind.MEETING),
    ("Глава государства принял в Кремле премьер-министра", EventKind.MEETING),
    ("Президент прибыл с официальным визитом", EventKind.VISIT),
    ("Делегация посетила промышленную выставку", EventKind.VISIT),
    ("Лидеры провели телефонный разговор", EventKind.CALL),
    ("Министры обсудили ситуацию по телефону", EventKind.CALL),
    ("Стороны подписали соглашение о сотрудничестве", EventKind.AGREEMENT),
    ("Состоялось подписание меморандума о взаимопонимании", EventKind.AGREEMENT),
    ("Правительства заключили новое соглашение о транзите", EventKind.AGREEMENT),
    ("МИД выступил с заявлением по ситуации", EventKind.STATEMENT),
    ("Министр заявил журналистам, что позиция не изменилась", EventKind.STATEMENT),
    ("На границе произошла перестрелка", EventKind.INCIDENT),
    ("Товарооборот двух стран вырос на десять процентов", EventKind.ECONOMIC),
    ("Поставки газа возобновятся весной", EventKind.ECONOMIC),
    # Azerbaijani
    ("Prezidentlər təkbətək danışıqlar aparıblar", EventKind.MEETING),
    ("Nazirlər forum çərçivəsində görüşüb", EventKind.MEETING),
    ("Görüşdə ikitərəfli əlaqələr müzakirə olunub", EventKind.MEETING),
    ("Baş nazir rəsmi səfərə gəlib", EventKind.VISIT),
    ("Dövlət başçıları arasında telefon danışığı olub", EventKind.CALL),
    ("Tərəflər əməkdaşlıq sazişi imzalanıb", EventKind.AGREEMENT),
    ("Anlaşma memorandumu imzalanıb", EventKind.AGREEMENT),
    ("XİN bəyanat yayıb", EventKind.STATEMENT),
    ("Sərhəddə atəşkəs pozulub, toqquşma baş verib", EventKind.INCIDENT),
    ("İki ölkə arasında ticarət dövriyyəsi artıb", EventKind.ECONOMIC),
]

KIND_NEGATIVES = [
    # A newspaper is not gas, a subscriber signs nothing, a bare "agreement" is signed by no one.
    ("Об этом пишет газета", EventKind.OTHER),
    ("Число подписчиков канала выросло", EventKind.OTHER),
    ("Соглашение остаётся в силе", EventKind.OTHER),
    ("Hava limanı bağlıdır", EventKind.OTHER),
]


@pytest.mark.parametrize(("sentence", "kind"), KINDS + KIND_NEGATIVES)
def test_russian_and_azerbaijani_kinds(sentence, kind):
    assert event_kind(sentence) is kind


PLACES = [
    # Russian: a preposition and the case ending
    ("Переговоры прошли в Москве", "Moscow"),
    ("Делегация прибыла в Москву", "Moscow"),
    ("Лидеры встретились в Баку", "Baku"),
    ("Саммит состоится в Сочи", "Sochi"),
    ("Форум открылся в Санкт-Петербурге", "St. Petersburg"),
    ("Встреча прошла в Петербурге", "St. Petersburg"),
    ("Министры собрались в Астрахани", "Astrakhan"),
    ("Переговоры прошли в Казани", "Kazan"),
    ("Совещание прошло в Минске", "Minsk"),
    ("Министры встретились в Ереване", "Yerevan"),
    ("Консультации прошли в Тбилиси", "Tbilisi"),
    ("Саммит проходил в Анкаре", "Ankara"),
    ("Лидеры собрались в Ашхабаде", "Ashgabat"),
    ("Встреча прошла в Нур-Султане", "Nur-Sultan"),
    ("Президенты встретились в Астане", "Astana"),
    ("Гостей принимали в Кремле", "Moscow"),
    ("Совещание прошло во Владивостоке", "Vladivostok"),
    ("Встреча состоялась в городе Сочи", "Sochi"),
    ("Встреча состоялась в столице Азербайджана Баку", "Baku"),
    ("В Баку прошёл форум", "Baku"),
    # Azerbaijani: locative or dative suffix
    ("Prezidentlər Bakıda görüşüblər", "Baku"),
    ("Nazir Moskvaya səfər edib", "Moscow"),
    ("Görüş Moskvada keçirilib", "Moscow"),
    ("Liderlər Soçidə danışıqlar aparıblar", "Sochi"),
    ("Forum Gəncədə keçirilib", "Ganja"),
    ("Tədbir Şuşada baş tutub", "Shusha"),
    ("Nümayəndə heyəti Naxçıvana gəlib", "Nakhchivan"),
    ("Görüş Gəncə şəhərində olub", "Ganja"),
]

PLACE_NEGATIVES = [
    # A city's name alone, as a subject, is not where something happened.
    "Москва и Баку обсуждают сотрудничество",
    "Bakı və Moskva əməkdaşlığı müzakirə edir",
    # "Вена" is a city; "вены" are veins, and a hyphenated name is a company's.
    "Врачи осмотрели вены пациента",
    "Компания арендовала офис в Москва-Сити",
    # No listed place at all.
    "Переговоры прошли в узком составе",
    "Görüş təkbətək formatda olub",
]


@pytest.mark.parametrize(("sentence", "place"), PLACES)
def test_russian_and_azerbaijani_places(sentence, place):
    assert place_of(sentence) == place


@pytest.mark.parametrize("sentence", PLACE_NEGATIVES)
def test_no_place_without_a_place_reading(sentence):
    assert place_of(sentence) is None


DATELINES = [
    ("СОЧИ, 14 марта. /ТАСС/.", "Sochi"),
    ("МОСКВА, 2 апреля. /ТАСС/.", "Moscow"),
    ("БАКУ, 5 мая — РИА Новости.", "Baku"),
    ("САНКТ-ПЕТЕРБУРГ, 7 июня. /ТАСС/.", "St. Petersburg"),
    ("КАЗАНЬ, 19 мая. /ТАСС/.", "Kazan"),
    ("Bakı, 5 may (APA).", "Baku"),
    ("BAKI, 5 may.", "Baku"),
    ("Moskva, 12 iyun.", "Moscow"),
    ("Şuşa, 15 iyun.", "Shusha"),
    ("Moscow, 14 March (TASS).", "Moscow"),
    ("СЕЛО ИВАНОВКА, 14 марта.", None),
]


@pytest.mark.parametrize(("line", "place"), DATELINES)
def test_dateline_city_in_both_scripts(line, place):
    assert place_in_dateline(line) == place


ARTICLES = [
    (
        "Путин и Алиев встретились в Сочи\n\n"
        "СОЧИ, 14 марта. /ТАСС/. Президент России провел переговоры с президентом "
        "Азербайджана Ильхамом Алиевым.\n\nЛидеры обсудили региональную повестку.\n",
        EventKind.MEETING,
        "Sochi",
    ),
    (
        "Президенты обсудили сотрудничество\n\n"
        "МОСКВА, 3 апреля. /ТАСС/. Президент России Владимир Путин и Ильхам Алиев "
        "провели телефонный разговор.\n\nСтороны договорились о новых контактах.\n",
        EventKind.CALL,
        None,
    ),
    (
        "Əliyev Moskvaya səfər edib\n\n"
        "Bakı, 10 aprel (APA). Prezident İlham Əliyev Moskvaya işgüzar səfərə gəlib.\n\n"
        "Səfər çərçivəsində görüşlər keçiriləcək.\n",
        EventKind.VISIT,
        "Moscow",
    ),
]


@pytest.mark.parametrize(("text", "kind", "place"), ARTICLES)
def test_main_event_kind_and_place(text, kind, place):
    event = next(e for e in extract(text).events if e.main)
    assert (event.kind, event.place) == (kind, place)
