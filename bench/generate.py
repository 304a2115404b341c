"""Synthetic news articles about Russia–Azerbaijan relations, shaped like raw scrapes.

    uv run python bench/generate.py --count 10000 --seed 42 --out bench/out/articles

Writes one UTF-8 ``.txt`` file per article and prints files written, total MB and seconds.
The same seed gives byte-identical files: each article draws from its own random stream
(seeded by the run's seed and the article's number), so article 17 is the same whether 20 or
10,000 are written.

Every sentence comes from the templates below (never from ``seeds/``). What varies is what a
scraper really meets: people from ``articles/extraction/data/actors.json`` with the offices
they held on the article's date, spelling variants (Sergei/Sergey, Aliev/Aliyev), surnames
after the first mention, patronymic greetings, datelines of many shapes (some without a year,
some only in the first sentence, some missing), relative dates in the body ("yesterday",
"on Tuesday", "last year"), dated past events, hard-wrapped paragraphs, and site chrome:
rating widgets, view counters, Russian interface lines and "Latest news" sidebars whose
headlines carry their own timestamps.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import itertools
import json
import multiprocessing
import os
import random
import re
import string
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTORS_FILE = ROOT / "articles" / "extraction" / "data" / "actors.json"
FIRST_DAY = dt.date(1992, 2, 1)
LAST_DAY = dt.date(2025, 12, 31)  # fixed, so a run does not depend on today's date
FILE_PREFIX = "synthetic_"

MONTHS = list(calendar.month_name)
MONTHS_SHORT = [m[:3] for m in MONTHS]
WEEKDAYS = list(calendar.day_name)
RU_MONTHS = [
    "",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]

# ---------------------------------------------------------------------------------------------
# People and the offices they held
# ---------------------------------------------------------------------------------------------

ADJECTIVE = {
    "Russia": "Russian",
    "Azerbaijan": "Azerbaijani",
    "Armenia": "Armenian",
    "Turkey": "Turkish",
    "Iran": "Iranian",
    "Kazakhstan": "Kazakh",
    "Belarus": "Belarusian",
    "Georgia": "Georgian",
    "USSR": "Soviet",
}
LONG_NAME = {
    "Russia": ["Russia", "the Russian Federation"],
    "Azerbaijan": ["Azerbaijan", "the Republic of Azerbaijan"],
    "Armenia": ["Armenia"],
}
FEMALE = {
    "Valentina Matviyenko",
    "Natalya Timakova",
    "Maria Zakharova",
    "Mehriban Aliyeva",
    "Sahiba Gafarova",
}
KREMLIN_VOICES = {"Dmitry Peskov", "Alexei Gromov", "Sergey Yastrzhembsky", "Natalya Timakova"}
DUMA_SPEAKERS = {
    "Ivan Rybkin",
    "Gennady Seleznyov",
    "Boris Gryzlov",
    "Sergey Naryshkin",
    "Vyacheslav Volodin",
}

# People the registry lists without an office, with roles of our own (conservative spans).
EXTRA_ROLES = [
    ("Alexey Miller", "Russia", "Gazprom chief executive", "2001-06-01", None),
    ("Vagit Alekperov", "Russia", "Lukoil president", "1994-01-01", "2022-04-01"),
    ("Igor Sechin", "Russia", "Rosneft chief executive", "2012-06-01", None),
    ("Alexey Likhachev", "Russia", "Rosatom director general", "2016-11-01", None),
    ("Grigory Karasin", "Russia", "Deputy Foreign Minister", "2006-01-01", "2018-12-31"),
    ("Mikhail Galuzin", "Russia", "Deputy Foreign Minister", "2022-06-01", None),
    (
        "Konstantin Kosachev",
        "Russia",
        "Deputy Speaker of the Federation Council",
        "2021-01-01",
        None,
    ),
    (
        "Elchin Amirbayov",
        "Azerbaijan",
        "presidential envoy for special assignments",
        "2021-01-01",
        None,
    ),
    ("Aykhan Hajizada", "Azerbaijan", "Press Secretary", "2021-03-01", None),
]

FIRST_NAME_VARIANTS = {
    "Sergey": "Sergei",
    "Sergei": "Sergey",
    "Dmitry": "Dmitri",
    "Alexei": "Alexey",
    "Alexey": "Alexei",
    "Yuri": "Yury",
    "Andrei": "Andrey",
    "Nikolai": "Nikolay",
    "Alexander": "Aleksandr",
    "Maxim": "Maksim",
    "Valery": "Valeriy",
    "Yevgeny": "Evgeny",
    "Natalya": "Natalia",
}
SURNAME_VARIANTS = {
    "Aliyev": "Aliev",
    "Aliyeva": "Alieva",
    "Mammadyarov": "Mamedyarov",
    "Mammadov": "Mamedov",
    "Guliyev": "Guliev",
    "Abiyev": "Abiev",
    "Mehdiyev": "Mekhtiyev",
    "Mustafayev": "Mustafaev",
    "Hasanov": "Gasanov",
    "Shoigu": "Shoygu",
    "Nazarbayev": "Nazarbaev",
    "Lukashenko": "Lukashenka",
    "Usubov": "Usubov",
    "Eyvazov": "Eyvazov",
    "Hajiyev": "Gadzhiev",
}


@dataclass(frozen=True)
class Person:
    name: str
    patronymic: str | None
    female: bool

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Office:
    person: Person
    title: str
    country: str
    start: dt.date
    end: dt.date


def _day(value: str | None, *, opening: bool) -> dt.date | None:
    """A registry date; a bare year is read conservatively (the office surely held)."""
    if value is None:
        return None
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 12, 31) if opening else dt.date(int(text), 1, 1)
    return dt.date.fromisoformat(text[:10])


def load_offices(path: Path = ACTORS_FILE) -> list[Office]:
    """Every dated office of every person in the registry, plus the few extra roles above."""
    people: dict[str, Person] = {}
    offices: list[Office] = []
    for item in json.loads(path.read_text(encoding="utf-8"))["actors"]:
        if item.get("kind", "person") != "person" or item["name"].startswith("Patriarch"):
            continue
        person = Person(item["name"], item.get("patronymic"), item["name"] in FEMALE)
        people[person.name] = person
        for office in item.get("offices", ()):
            start = _day(office.get("from"), opening=True)
            end = _day(office.get("to"), opening=False) or LAST_DAY
            if start is None or end < start or end < FIRST_DAY:
                continue
            offices.append(Office(person, office["title"], office.get("country") or "", start, end))
    for name, country, title, start, end in EXTRA_ROLES:
        if name in people:
            offices.append(
                Office(
                    people[name],
                    title,
                    country,
                    dt.date.fromisoformat(start),
                    dt.date.fromisoformat(end) if end else LAST_DAY,
                )
            )
    return offices


OFFICES = load_offices()


def holders(country: str, day: dt.date, titles: tuple[str, ...] | None = None) -> list[Office]:
    return [
        o
        for o in OFFICES
        if o.country == country
        and o.start <= day <= o.end
        and (titles is None or o.title in titles)
    ]


# ---------------------------------------------------------------------------------------------
# One article's state: who has been named, how names are spelled, where it happened
# ---------------------------------------------------------------------------------------------


@dataclass
class Story:
    rng: random.Random
    published: dt.datetime
    day: dt.date  # the main event's day
    kind: str
    variant_spelling: bool
    named: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    @property
    def year(self) -> int:
        return self.published.year

    def fresh(self, pool: list[str], k: int) -> list[str]:
        """Up to k sentences from pool that this article has not used yet."""
        unused = [item for item in pool if item not in self.used]
        chosen = self.rng.sample(unused, k=min(k, len(unused)))
        self.used.update(chosen)
        return chosen

    def spell(self, person: Person) -> tuple[str, str]:
        first, surname = person.first, person.surname
        if self.variant_spelling or self.rng.random() < 0.05:
            first = FIRST_NAME_VARIANTS.get(first, first)
            surname = SURNAME_VARIANTS.get(surname, surname)
        return first, surname

    def full_name(self, person: Person) -> str:
        first, surname = self.spell(person)
        middle = person.name.split()[1:-1]
        return " ".join([first, *middle, surname])

    def title(self, office: Office, *, lower: bool = False) -> str:
        """The office as a news text gives it before a name."""
        rng = self.rng
        name, country, title = office.person.name, office.country, office.title
        adj = ADJECTIVE.get(country, country)
        gendered = "spokeswoman" if office.person.female else "spokesman"
        if title == "Press Secretary":
            if country == "Russia" and name in KREMLIN_VOICES:
                text = rng.choice([f"Kremlin {gendered}", "Kremlin press secretary"])
            else:
                text = f"{adj} Foreign Ministry {gendered}"
        elif title == "Speaker of Parliament":
            if country == "Russia":
                text = (
                    "State Duma Speaker" if name in DUMA_SPEAKERS else "Federation Council Speaker"
                )
            elif country == "Azerbaijan":
                text = rng.choice(["Milli Majlis Speaker", "Azerbaijani Parliament Speaker"])
            else:
                text = f"{adj} Parliament Speaker"
        elif title.startswith(
            ("Gazprom", "Lukoil", "Rosneft", "Rosatom", "presidential envoy", "Deputy Speaker")
        ):
            text = title if title[0].isupper() else f"{adj} {title}"
        elif (
            title in ("President", "Prime Minister", "Foreign Minister")
            and country in LONG_NAME
            and rng.random() < 0.3
        ):
            text = f"{title} of {rng.choice(LONG_NAME[country])}"
        else:
            if title == "Defence Minister" and rng.random() < 0.4:
                title = "Defense Minister"
            text = f"{adj} {title}"
        return text[0].lower() + text[1:] if lower and not text.startswith(adj) else text

    def name(self, office: Office, *, titled: bool = True) -> str:
        """Full name with the title at first mention, then mostly the surname."""
        person = office.person
        if person.name not in self.named:
            self.named.add(person.name)
            full = self.full_name(person)
            return f"{self.title(office)} {full}" if titled else full
        first, surname = self.spell(person)
        roll = self.rng.random()
        if roll < 0.15:
            return f"{first} {surname}"
        if roll < 0.25 and office.title in ("President", "Foreign Minister", "Prime Minister"):
            adj = ADJECTIVE.get(office.country, office.country)
            return f"the {adj} {office.title.lower()}"
        return surname

    def surname(self, office: Office) -> str:
        if office.person.name not in self.named:
            return self.name(office)
        return self.spell(office.person)[1]

    def greeting(self, office: Office) -> str:
        person = office.person
        if person.patronymic and self.rng.random() < 0.8:
            first, _ = self.spell(person)
            return f"Dear {first} {person.patronymic}"
        return self.rng.choice(
            ["Dear colleague", "Dear friend", "Mr President"]
            if office.title == "President"
            else ["Dear colleague", "Dear friends"]
        )


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def russian_city(rng: random.Random) -> str:
    return rng.choices(
        [
            "Moscow",
            "Sochi",
            "St. Petersburg",
            "Kazan",
            "Astrakhan",
            "Makhachkala",
            "Yekaterinburg",
            "Novo-Ogaryovo",
        ],
        [55, 15, 12, 5, 4, 4, 2, 3],
    )[0]


def azerbaijani_city(rng: random.Random, day: dt.date) -> str:
    cities = ["Baku", "Ganja", "Gabala", "Sheki", "Lankaran", "Nakhchivan"]
    weights = [75, 6, 5, 4, 3, 3]
    if day >= dt.date(2021, 1, 1):
        cities += ["Shusha", "Fuzuli"]
        weights += [5, 1]
    return rng.choices(cities, weights)[0]


def kazakh_capital(day: dt.date) -> str:
    if day < dt.date(1998, 6, 10):
        return "Almaty"
    if dt.date(2019, 3, 23) <= day < dt.date(2022, 9, 17):
        return "Nur-Sultan"
    return "Astana"


def third_city(rng: random.Random, day: dt.date) -> tuple[str, str]:
    """A city hosting a multilateral meeting, and the meeting."""
    options = [
        (kazakh_capital(day), "the CIS summit"),
        ("Minsk", "the CIS summit"),
        ("Dushanbe", "the CIS summit"),
        ("Bishkek", "the CIS informal summit"),
        ("Ashgabat", "the Caspian summit"),
        ("Tehran", "the Caspian summit"),
    ]
    if day >= dt.date(2015, 1, 1):
        options += [
            ("Minsk", "the Eurasian Economic Union summit"),
            (kazakh_capital(day), "the Eurasian Economic Union summit"),
        ]
    if day >= dt.date(2010, 1, 1):
        options.append(("Istanbul", "an international conference"))
    return rng.choice(options)


# ---------------------------------------------------------------------------------------------
# Dates in text
# ---------------------------------------------------------------------------------------------


def d_month(day: dt.date, rng: random.Random) -> str:
    return (
        f"{day.day} {MONTHS[day.month]}" if rng.random() < 0.5 else f"{MONTHS[day.month]} {day.day}"
    )


def d_month_year(day: dt.date, rng: random.Random) -> str:
    return (
        f"{day.day} {MONTHS[day.month]} {day.year}"
        if rng.random() < 0.5
        else f"{MONTHS[day.month]} {day.day}, {day.year}"
    )


def when_phrase(story: Story) -> str:
    """How the lead dates the main event relative to the article's own date."""
    rng = story.rng
    offset = (story.published.date() - story.day).days
    choices: list[tuple[str, int]] = [(f"on {d_month(story.day, rng)}", 3), ("", 2)]
    if offset == 0:
        choices += [("today", 3), (f"on {WEEKDAYS[story.day.weekday()]}", 2)]
    elif offset == 1:
        choices += [("yesterday", 4), (f"on {WEEKDAYS[story.day.weekday()]}", 2)]
    elif offset < 7:
        choices += [(f"on {WEEKDAYS[story.day.weekday()]}", 5)]
    choices.append((f"on {d_month_year(story.day, rng)}", 1))
    texts, weights = zip(*choices, strict=True)
    return rng.choices(texts, weights)[0]


def with_when(sentence: str, when: str) -> str:
    return sentence.replace(" {when}", f" {when}" if when else "")


# ---------------------------------------------------------------------------------------------
# Sentences (all written for this generator)
# ---------------------------------------------------------------------------------------------

TOPICS = [
    ("trade and economic cooperation", None),
    ("energy projects", None),
    ("the North–South international transport corridor", "2002-01-01"),
    ("cooperation on the Caspian Sea", None),
    ("humanitarian ties", None),
    ("the Russian language in Azerbaijani schools", None),
    ("regional security", None),
    ("the Karabakh settlement", None),
    ("migration issues", None),
    ("direct flights between the two countries", None),
    ("interregional cooperation", None),
    ("military-technical cooperation", None),
    ("gas supplies", None),
    ("the demarcation of the state border", "1996-01-01"),
    ("the unblocking of transport links in the South Caucasus", "2020-11-10"),
    ("the peace treaty between Baku and Yerevan", "2021-01-01"),
    ("cooperation within the CIS", None),
    ("agricultural exports", None),
    ("the work of the intergovernmental commission", "1998-01-01"),
    ("the fight against terrorism", None),
    ("tourism", None),
]

DOCUMENTS = [
    ("an intergovernmental agreement on cooperation in the energy sector", "energy"),
    ("a memorandum on expanding deliveries of natural gas", "energy"),
    ("an agreement on the development of the North–South transport corridor", "transport"),
    ("a protocol on railway freight tariffs", "transport"),
    ("an economic cooperation program for the next five years", "economy"),
    ("an agreement on mutual protection of investments", "economy"),
    ("a memorandum on cooperation in agriculture", "economy"),
    ("an agreement on the opening of a branch of a Russian university in Baku", "humanitarian"),
    ("a plan of consultations between the two foreign ministries", "diplomacy"),
    ("a joint statement on cooperation in the Caspian region", "diplomacy"),
    ("an agreement on the joint use of the Samur river", "water"),
    ("a memorandum on cooperation in customs administration", "economy"),
    ("an agreement on labour migration", "humanitarian"),
    ("a roadmap for interregional cooperation", "economy"),
]

QUOTES = {
    "relations": [
        "Our relations rest on good neighbourliness and respect for each other's interests.",
        "We see a steady rise in contacts at every level, and that is the result of joint work.",
        "There is no question on our bilateral agenda that we cannot discuss openly.",
        "I am glad that the dialogue between our countries remains regular and trusting.",
        "Millions of our citizens are bound by family and friendly ties, and this is our common "
        "asset.",
        "We value the consistent position of our partners on the key issues of the region.",
        "Every meeting of this kind gives new impetus to the work of our governments.",
        "We are neighbours, and good neighbours must be able to agree with each other.",
        "The agreements reached at the highest level are being carried out step by step.",
        "I would like to thank you for the warm welcome and the constructive atmosphere.",
        "Our parliaments, ministries and regions work with each other directly, without "
        "intermediaries.",
        "I am sure that today's talks will be useful for both sides.",
        "We have always treated each other as reliable partners, even in difficult times.",
        "Our teams have done a great deal of preparatory work for this visit.",
        "The level of political dialogue between Moscow and Baku is very high.",
        "It is important that we meet regularly and compare notes on every question.",
    ],
    "economy": [
        "Trade between our countries has grown markedly, and there is still room to grow.",
        "Russian companies are ready to take part in large infrastructure projects.",
        "We expect the intergovernmental commission to prepare concrete proposals by autumn.",
        "Agricultural products from Azerbaijan are in demand on the Russian market.",
        "Hundreds of joint ventures already operate, and their number keeps rising.",
        "We agreed to remove the remaining barriers for our exporters.",
        "Russian regions are opening trading houses in Baku one after another.",
        "Azerbaijani fruit and vegetables reach Russian shops within two days.",
        "We are looking at joint production of trucks and agricultural machinery.",
        "Investment in both directions has exceeded several billion dollars.",
        "Settlements in national currencies are becoming more common.",
    ],
    "energy": [
        "Cooperation in the gas sector remains one of the pillars of our partnership.",
        "Our energy companies have a long history of working together on the Caspian shelf.",
        "We discussed the supply of gas through the existing pipeline and the swap schemes.",
        "The energy ministries will continue consultations on oil and gas transit.",
        "Electricity exchanges between the two power grids are growing every year.",
        "Joint exploration of new fields in the Caspian remains on the table.",
        "We are interested in the peaceful use of nuclear technologies in medicine.",
    ],
    "transport": [
        "The North–South corridor can become one of the main trade routes of Eurasia.",
        "Freight traffic through the Yalama checkpoint has increased several times.",
        "Railway workers of both countries are modernising the border crossing.",
        "New flights between Russian regions and Baku are opening every season.",
        "The capacity of the road checkpoints on the border should be doubled.",
        "Shipping lines across the Caspian are becoming busier.",
    ],
    "humanitarian": [
        "The Russian language is taught in hundreds of Azerbaijani schools.",
        "Branches of Russian universities in Baku are popular with young people.",
        "We want our students, scientists and artists to meet more often.",
        "Days of culture will be held in several cities next year.",
        "Tens of thousands of Azerbaijani students study at Russian universities.",
        "Theatre companies from Russian cities tour Baku every season.",
        "The Azerbaijani community in Russia is a bridge between our peoples.",
    ],
    "region": [
        "Lasting peace in the South Caucasus is in the interests of all countries of the region.",
        "We are ready to help the sides reach agreements acceptable to everyone.",
        "The situation in the region requires restraint and a responsible approach.",
        "Any settlement must be based on the norms and principles of international law.",
        "Regional problems should be solved by the countries of the region themselves.",
        "The Caspian must remain a sea of peace and cooperation.",
    ],
}
REGION_AFTER_2020 = [
    "The unblocking of communications will benefit the whole region.",
    "The trilateral working group of deputy prime ministers continues its work.",
    "We support the preparation of a peace treaty between Baku and Yerevan.",
]
REGION_BEFORE_2020 = [
    "The co-chairs of the OSCE Minsk Group are continuing their mediation.",
    "The ceasefire regime must be strictly observed by both sides.",
]
# How direct speech is retold in reported speech ("{p}" is he or she).
REPORTED = [
    (re.compile(r"\bour countries\b"), "the two countries"),
    (re.compile(r"\b[Oo]ur\b"), "their"),
    (re.compile(r"\b[Ww]e\b"), "they"),
    (re.compile(r"\bus\b"), "them"),
    (re.compile(r"\btoday's\b"), "that day's"),
    (re.compile(r"\bI am\b"), "{p} was"),
    (re.compile(r"\bI\b"), "{p}"),
]

SAID = ["said", "noted", "stressed", "pointed out", "added", "emphasised", "remarked"]
AGENCIES = [
    "TASS",
    "RIA Novosti",
    "Interfax",
    "APA",
    "Trend",
    "Report",
    "Azertag",
    "Sputnik Azerbaijan",
    "Turan",
    "Vestnik Kavkaza",
]


def quote(story: Story, topic: str | None = None, count: int | None = None) -> str:
    """One to three sentences of direct speech not used yet in this article ("" if none)."""
    rng = story.rng
    topic = topic or rng.choice(list(QUOTES))
    pool = list(QUOTES[topic])
    if story.kind not in ("visit", "meeting", "agreement"):
        pool = [q for q in pool if not any(w in q for w in ("visit", "welcome", "talks"))]
    if topic == "region":
        pool += REGION_AFTER_2020 if story.day >= dt.date(2020, 11, 10) else REGION_BEFORE_2020
    return " ".join(story.fresh(pool, count or rng.randint(1, 3)))


def quoted(text: str, rng: random.Random) -> str:
    return rng.choice(['"{}"', "'{}'", "“{}”", "«{}»"]).format(text)


def reported(text: str, female: bool) -> str:
    """The first sentence of a quote in reported speech: "that the two countries ..."."""
    sentence = re.split(r"(?<!\bSt)\. ", text)[0].rstrip(".")
    pronoun = "she" if female else "he"
    for pattern, replacement in REPORTED:
        sentence = pattern.sub(replacement.format(p=pronoun), sentence)
    return sentence[0].lower() + sentence[1:] + "."


def attach_greeting(greeting: str, text: str) -> str:
    proper = ("I ", "Russia", "Azerbaijan", "Moscow", "Baku", "North", "Caspian")
    head = text if text.startswith(proper) else text[0].lower() + text[1:]
    return f"{greeting}, {head}"


# ---------------------------------------------------------------------------------------------
# Past events an article may recall, with their dates (written for this generator)
# ---------------------------------------------------------------------------------------------

HISTORY = [
    ("1992-04-04", "Russia and Azerbaijan established diplomatic relations on {date}.", "day"),
    (
        "1994-09-20",
        "The Contract of the Century, the first large production sharing agreement "
        "for the Caspian shelf, was signed in Baku on {date}.",
        "day",
    ),
    (
        "1997-07-03",
        "The Treaty of Friendship, Cooperation and Mutual Security was signed during "
        "Heydar Aliyev's visit to Moscow on {date}.",
        "day",
    ),
    (
        "2001-01-09",
        "Vladimir Putin made his first visit to Azerbaijan as president in {month}, "
        "and the Baku Declaration was adopted during that trip.",
        "month",
    ),
    (
        "2002-01-25",
        "In {year}, the two presidents signed an agreement on the long-term use of "
        "the Gabala radar station.",
        "year",
    ),
    (
        "2008-07-03",
        "Dmitry Medvedev chose Baku for one of his first foreign trips as president in {month}.",
        "month",
    ),
    (
        "2010-09-03",
        "The treaty on the state border between the two countries was signed in Baku on {date}.",
        "day",
    ),
    (
        "2012-12-10",
        "Russia stopped operating the Gabala radar station in {month}, after the "
        "lease talks failed.",
        "month",
    ),
    (
        "2018-08-12",
        "The Convention on the Legal Status of the Caspian Sea was signed in Aktau on {date}.",
        "day",
    ),
    ("2020-09-27", "Fighting in Karabakh resumed on {date} and lasted 44 days.", "day"),
    (
        "2020-11-10",
        "The trilateral statement that ended the fighting was signed on the night "
        "of {date}, and Russian peacekeepers were deployed the same day.",
        "day",
    ),
    (
        "2021-01-11",
        "At a meeting in Moscow on {date}, the three leaders agreed to set up a "
        "working group on transport links.",
        "day",
    ),
    ("2021-11-26", "The leaders met again in Sochi on {date}.", "day"),
    ("2022-02-22", "The Declaration on Allied Interaction was signed in Moscow on {date}.", "day"),
    ("2022-10-31", "Another trilateral meeting took place in Sochi on {date}.", "day"),
    (
        "2023-09-19",
        "Azerbaijan carried out local anti-terrorist measures in Karabakh on {date}.",
        "day",
    ),
    (
        "2024-04-17",
        "The withdrawal of the Russian peacekeeping contingent from Karabakh began in {month}.",
        "month",
    ),
    ("2024-08-18", "Vladimir Putin paid a state visit to Azerbaijan in {month}.", "month"),
]


def history_sentence(story: Story) -> str | None:
    """A past event from HISTORY, dated explicitly, that this article has not recalled yet."""
    rng = story.rng
    earlier = [
        h
        for h in HISTORY
        if h[1] not in story.used
        and dt.date.fromisoformat(h[0]) < story.day - dt.timedelta(days=30)
    ]
    if not earlier:
        return None
    day_text, template, precision = rng.choice(earlier)
    story.used.add(template)
    day = dt.date.fromisoformat(day_text)
    values = {
        "date": d_month_year(day, rng),
        "month": f"{MONTHS[day.month]} {day.year}",
        "year": str(day.year),
    }
    sentence = template.format(**values)
    ending = f" on {values['date']}."
    if precision == "day" and rng.random() < 0.3 and sentence.endswith(ending):
        # "On November 10, 2020, ..." at the front, as background paragraphs often start.
        body = sentence[: -len(ending)]
        sentence = f"On {values['date']}, {body[0].lower()}{body[1:]}."
        for proper in ("russia", "azerbaijan", "vladimir", "dmitry"):
            if sentence.startswith(f"On {values['date']}, {proper} "):
                sentence = sentence.replace(f", {proper} ", f", {proper.title()} ", 1)
    return sentence


def anniversary_sentence(story: Story) -> str | None:
    years = story.year - 1992
    if years < 5:
        return None
    return story.rng.choice(
        [
            f"This year marks the {_ordinal(years)} anniversary of diplomatic relations between "
            "Russia and Azerbaijan.",
            f"The two countries are marking {years} years since diplomatic relations were "
            "established.",
        ]
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Trade turnover in billions of US dollars, roughly, by year (linear in between).
TURNOVER = [
    (1992, 0.3),
    (1995, 0.4),
    (2000, 0.45),
    (2005, 1.2),
    (2008, 2.4),
    (2012, 3.0),
    (2014, 3.0),
    (2016, 2.1),
    (2018, 2.5),
    (2019, 3.0),
    (2021, 2.9),
    (2022, 3.5),
    (2023, 4.3),
    (2025, 4.8),
]


def turnover(year: int, rng: random.Random) -> float:
    year = min(max(year, TURNOVER[0][0]), TURNOVER[-1][0])
    for (y0, v0), (y1, v1) in itertools.pairwise(TURNOVER):
        if y0 <= year <= y1:
            return round((v0 + (v1 - v0) * (year - y0) / (y1 - y0)) * rng.uniform(0.93, 1.07), 1)
    return TURNOVER[-1][1]


# ---------------------------------------------------------------------------------------------
# Choosing who took part
# ---------------------------------------------------------------------------------------------

LEVELS = {
    "President": 6,
    "Foreign Minister": 5,
    "Prime Minister": 2,
    "Deputy Prime Minister": 2,
    "Speaker of Parliament": 1,
    "Defence Minister": 1,
    "Energy Minister": 1,
    "Economy Minister": 1,
    "Interior Minister": 0.5,
    "Secretary of the Security Council": 0.5,
    "Head of Presidential Administration": 0.3,
}


def counterparts(story: Story) -> tuple[Office, Office]:
    """A Russian and an Azerbaijani office-holder of matching rank on the event's day."""
    rng, day = story.rng, story.day
    ru_all, az_all = holders("Russia", day), holders("Azerbaijan", day)
    shared = [
        t for t in LEVELS if any(o.title == t for o in ru_all) and any(o.title == t for o in az_all)
    ]
    if story.kind == "call":
        shared = [t for t in shared if t in ("President", "Foreign Minister", "Prime Minister")]
    if shared:
        level = rng.choices(shared, [LEVELS[t] for t in shared])[0]
        ru = rng.choice([o for o in ru_all if o.title == level])
        az = rng.choice([o for o in az_all if o.title == level])
    else:
        ru = rng.choice(ru_all)
        az = rng.choice(az_all)
    if story.kind in ("visit", "meeting") and rng.random() < 0.3:
        # A president receiving a visiting minister.
        presidents = (
            holders("Azerbaijan", day, ("President",))
            if rng.random() < 0.6
            else holders("Russia", day, ("President",))
        )
        if presidents:
            if presidents[0].country == "Azerbaijan":
                az = presidents[0]
            else:
                ru = presidents[0]
    return ru, az


def spokesperson(story: Story, country: str) -> Office | None:
    found = holders(country, story.day, ("Press Secretary",))
    return story.rng.choice(found) if found else None


# ---------------------------------------------------------------------------------------------
# The lead and the headline, by kind of event
# ---------------------------------------------------------------------------------------------


@dataclass
class Lead:
    headline: str
    sentence: str
    people: list[Office]
    place: str | None


def lead_for(story: Story) -> Lead:
    makers = {
        "visit": _visit,
        "meeting": _meeting,
        "call": _call,
        "agreement": _agreement,
        "statement": _statement,
        "incident": _incident,
        "economic": _economic,
    }
    return makers[story.kind](story)


def _host_city(story: Story, country: str) -> str:
    if country == "Russia":
        return russian_city(story.rng)
    return azerbaijani_city(story.rng, story.day)


def _visit(story: Story) -> Lead:
    rng = story.rng
    ru, az = counterparts(story)
    guest, host = (ru, az) if rng.random() < 0.55 else (az, ru)
    city = _host_city(story, host.country)
    vtype = rng.choice(
        [
            "working",
            "official",
            "two-day working",
            "one-day",
            "state" if guest.title == "President" else "official",
        ]
    )
    a = "an" if vtype.startswith("official") else "a"
    when = when_phrase(story)
    g, h = story.name(guest), story.name(host)
    templates = [
        f"{g} arrived in {city} {{when}} on {a} {vtype} visit, during which he is due to "
        f"hold talks with {h}.",
        f"{g} paid {a} {vtype} visit to {host.country} {{when}} and met with {h} in {city}.",
        f"{h} received {g}, who is in {city} on {a} {vtype} visit, {{when}}.",
    ]
    sentence = with_when(rng.choice(templates), when)
    if guest.person.female:
        sentence = sentence.replace(" he is due", " she is due")
    gs = story.spell(guest.person)[1]
    headline = rng.choice(
        [
            f"{gs} arrives in {city} on {vtype} visit",
            f"{ADJECTIVE[guest.country]} {guest.title.lower()} visits {host.country}",
            f"{story.spell(host.person)[1]} receives {ADJECTIVE[guest.country]} "
            f"{guest.title.lower()}",
            f"{gs} in {city}: talks focus on {rng.choice(_topics(story))}",
        ]
    )
    return Lead(headline, sentence, [guest, host], city)


def _meeting(story: Story) -> Lead:
    rng = story.rng
    ru, az = counterparts(story)
    roll = rng.random()
    occasion = ""
    if roll < 0.2:
        city, occasion = third_city(rng, story.day)
    elif roll < 0.6:
        city = _host_city(story, "Azerbaijan")
    else:
        city = _host_city(story, "Russia")
    a, b = (ru, az) if rng.random() < 0.5 else (az, ru)
    topics = " and ".join(_topics(story)[:2])
    aside = f" on the sidelines of {occasion}" if occasion else ""
    an, bn = story.name(a), story.name(b)
    sentence = with_when(
        rng.choice(
            [
                f"{an} and {bn} held talks in {city}{aside} {{when}}, focusing on {topics}.",
                f"{an} met with {bn} in {city}{aside} {{when}} to discuss {topics}.",
                f"Talks between {an} and {bn} took place in {city}{aside} {{when}}.",
            ]
        ),
        when_phrase(story),
    )
    asur, bsur = story.spell(a.person)[1], story.spell(b.person)[1]
    headline = rng.choice(
        [
            f"{asur} and {bsur} hold talks in {city}",
            f"{asur}, {bsur} discuss {_topics(story)[0]}",
            f"{ADJECTIVE[a.country]} and {ADJECTIVE[b.country]} {a.title.lower()}s meet in {city}"
            if a.title == b.title
            else f"{asur} meets {bsur} in {city}",
        ]
    )
    return Lead(headline, sentence, [a, b], city)


def _call(story: Story) -> Lead:
    rng = story.rng
    ru, az = counterparts(story)
    a, b = (ru, az) if rng.random() < 0.5 else (az, ru)
    service = (
        rng.choice(
            [
                "the Kremlin press service",
                "the Azerbaijani presidential press service",
                "the press office",
            ]
        )
        if a.title == "President"
        else rng.choice(["the Foreign Ministry", "the government press office"])
    )
    an, bn = story.name(a), story.name(b)
    topics = _topics(story)
    sentence = with_when(
        rng.choice(
            [
                f"{an} had a telephone conversation with {bn} {{when}}, {service} said.",
                f"{an} and {bn} discussed {topics[0]} in a phone call {{when}}.",
                f"{an} spoke by phone with {bn} {{when}} at the {ADJECTIVE[b.country]} side's "
                "initiative.",
            ]
        ),
        when_phrase(story),
    )
    asur, bsur = story.spell(a.person)[1], story.spell(b.person)[1]
    headline = rng.choice(
        [
            f"{asur} and {bsur} hold phone talks",
            f"{asur}, {bsur} discuss {topics[0]} by phone",
            f"Phone call between {asur} and {bsur}",
        ]
    )
    return Lead(headline, sentence, [a, b], None)


def _agreement(story: Story) -> Lead:
    rng = story.rng
    ru, az = counterparts(story)
    document, field_ = rng.choice(DOCUMENTS)
    story.topics.append(field_)
    city = _host_city(story, rng.choice(["Russia", "Azerbaijan"]))
    an, bn = story.name(ru), story.name(az)
    sentence = with_when(
        rng.choice(
            [
                f"{an} and {bn} signed {document} in {city} {{when}}.",
                f"Russia and Azerbaijan signed {document} {{when}} during talks between "
                f"{an} and {bn} "
                f"in {city}.",
                f"{document[0].upper()}{document[1:]} was signed in {city} {{when}} by "
                f"{an} and {bn}.",
            ]
        ),
        when_phrase(story),
    )
    bare = document.removeprefix("an ").removeprefix("a ")
    short = bare.split(" on ")[0].split(" for ")[0]
    headline = rng.choice(
        [
            f"Russia, Azerbaijan sign {short}",
            f"Baku and Moscow sign {bare}",
            f"New {field_} deal signed in {city}",
        ]
    )
    return Lead(headline, sentence, [ru, az], city)


STATEMENT_CLAIMS = [
    ("Moscow valued its strategic partnership with Baku", None, None),
    (
        "the two countries would keep working on the delimitation of the Caspian Sea",
        "1996-01-01",
        "2018-08-11",
    ),
    (
        "the OSCE Minsk Group remained the main format of mediation in Karabakh",
        "1995-01-01",
        "2020-09-26",
    ),
    ("Russia was ready to help Baku and Yerevan prepare a peace treaty", "2020-11-10", None),
    ("contacts between the foreign ministries would continue at every level", None, None),
    ("the recent incident would not affect relations between the two countries", None, None),
    ("a new intergovernmental program of economic cooperation was being prepared", None, None),
    (
        "Moscow expected the agreements on transport links to be carried out in full",
        "2021-01-11",
        None,
    ),
    ("the rights of Azerbaijani citizens living in Russia were fully protected", None, None),
    (
        "the question would be discussed at the next meeting of the intergovernmental commission",
        "1998-01-01",
        None,
    ),
]


def _statement(story: Story) -> Lead:
    rng = story.rng
    country = rng.choice(["Russia", "Russia", "Azerbaijan"])
    speaker = spokesperson(story, country)
    if speaker is None or rng.random() < 0.3:
        speaker = rng.choice(
            holders(country, story.day, ("Foreign Minister", "President"))
            or holders(country, story.day)
        )
    claims = [
        c
        for c, lo, hi in STATEMENT_CLAIMS
        if (lo is None or story.day >= dt.date.fromisoformat(lo))
        and (hi is None or story.day <= dt.date.fromisoformat(hi))
    ]
    claim = rng.choice(claims)
    sn = story.name(speaker)
    when = when_phrase(story)
    sentence = with_when(
        rng.choice(
            [
                f"{sn} said {{when}} that {claim}.",
                f"{sn} told reporters {{when}} that {claim}.",
                f"Speaking at a briefing {{when}}, {sn} said that {claim}."
                if speaker.title != "President"
                else f"In an interview published {{when}}, {sn} said that {claim}.",
            ]
        ),
        when,
    )
    surname = story.spell(speaker.person)[1]
    other = "Azerbaijan" if country == "Russia" else "Russia"
    headline = rng.choice(
        [
            f"{surname}: {claim[0].upper()}{claim[1:]}",
            f"{story.title(speaker)} comments on relations with {other}",
            f"{surname} on {rng.choice(_topics(story))}",
        ]
    )
    return Lead(headline, sentence, [speaker], None)


def _incident(story: Story) -> Lead:
    rng = story.rng
    city = russian_city(rng) if rng.random() < 0.5 else azerbaijani_city(rng, story.day)
    what = rng.choice(
        [
            (
                "Traffic at the Yarag-Kazmalyar border checkpoint was halted for "
                "several hours {when} "
                "after a technical failure",
                "Border crossing halted at Yarag-Kazmalyar",
            ),
            (
                f"Several citizens of Azerbaijan were detained in {city} {{when}} "
                "during an inspection "
                "of a market",
                f"Azerbaijani citizens detained in {city}",
            ),
            (
                "A cargo train bound for Azerbaijan derailed near "
                f"{rng.choice(['Derbent', 'Khasavyurt'])}"
                " {when}, the railway said, and no one was hurt",
                "Freight train derails near border",
            ),
            (
                f"A flight from {city} to {rng.choice(['Moscow', 'Baku', 'Kazan'])} "
                "made an emergency "
                "landing {when} because of a technical fault",
                "Emergency landing of passenger plane",
            ),
            (
                "The Azerbaijani Foreign Ministry summoned the Russian ambassador "
                "{when} to protest "
                "against remarks made on a Russian television show",
                "Russian ambassador summoned in Baku",
            ),
            (
                "Fishermen from Dagestan were detained by the Azerbaijani border "
                "guards in the Caspian "
                "Sea {when} for illegal fishing",
                "Dagestani fishermen detained in the Caspian",
            ),
        ]
    )
    sentence = with_when(what[0], when_phrase(story)) + "."
    sentence = sentence[0].upper() + sentence[1:]
    people: list[Office] = []
    speaker = spokesperson(story, rng.choice(["Russia", "Azerbaijan"]))
    if speaker is not None and rng.random() < 0.6:
        sentence = sentence[:-1] + f", {story.name(speaker)} said."
        people.append(speaker)
    return Lead(what[1], sentence, people, city)


def _economic(story: Story) -> Lead:
    rng = story.rng
    year = story.day.year
    value = turnover(year - 1, rng)
    growth = rng.randint(3, 24)
    officials = holders(
        "Russia", story.day, ("Deputy Prime Minister", "Economy Minister", "Energy Minister")
    ) + holders(
        "Azerbaijan", story.day, ("Economy Minister", "Energy Minister", "Deputy Prime Minister")
    )
    speaker = rng.choice(officials) if officials else None
    sn = (
        story.name(speaker)
        if speaker
        else rng.choice(["the State Customs Committee", "the Federal Customs Service"])
    )
    when = when_phrase(story)
    months = rng.randint(1, max(1, story.published.month - 1))
    options = [
        (
            f"Trade turnover between Russia and Azerbaijan reached ${value} billion last year, "
            f"{sn} said {{when}}.",
            f"Russia-Azerbaijan trade reaches ${value} billion",
        ),
        (
            f"Trade between Azerbaijan and Russia grew by {growth}% in the first {months} "
            f"month{'s' if months > 1 else ''} of the year, {sn} said {{when}}.",
            f"Trade with Russia up {growth}%",
        ),
    ]
    if year >= 2006:
        options.append(
            (
                f"{sn} said {{when}} that gas supplies between the two countries would "
                "continue under the current contract, with volumes to be agreed "
                "quarterly.",
                "Gas supplies to continue under current contract",
            )
        )
    if year >= 2016:
        options.append(
            (
                f"Freight along the North–South transport corridor through Azerbaijan "
                f"grew by {growth}% last year, {sn} said {{when}}.",
                f"North–South corridor freight up {growth}%",
            )
        )
    sentence, headline = rng.choice(options)
    story.topics.append("economy")
    return Lead(headline, with_when(sentence, when), [speaker] if speaker else [], None)


def _topics(story: Story) -> list[str]:
    rng = story.rng
    usable = [
        t for t, since in TOPICS if since is None or story.day >= dt.date.fromisoformat(since)
    ]
    return rng.sample(usable, k=3)


# ---------------------------------------------------------------------------------------------
# Body paragraphs
# ---------------------------------------------------------------------------------------------


def paragraph_quote(story: Story, lead: Lead) -> str:
    rng = story.rng
    if not lead.people:
        return paragraph_context(story, lead)
    speaker = rng.choice(lead.people)
    others = [p for p in lead.people if p is not speaker]
    text = quote(story)
    if not text:
        return ""
    verb = rng.choice(SAID)
    who = story.surname(speaker)
    roll = rng.random()
    if roll < 0.3:
        return f"{who[0].upper()}{who[1:]} {verb} that {reported(text, speaker.person.female)}"
    if others and rng.random() < 0.35:
        text = attach_greeting(story.greeting(others[0]), text)
    if roll < 0.6:
        return f"{quoted(text[:-1] + ',', rng)} {who} {verb}."
    if roll < 0.8:
        return f"{quoted(text, rng)} – {who} {verb}, {rng.choice(AGENCIES)} reports."
    return f"{who[0].upper()}{who[1:]} {verb}: {quoted(text, rng)}"


def paragraph_transcript(story: Story, lead: Lead) -> str:
    """An official transcript: a speaker line, then dash-led speech with a greeting."""
    rng = story.rng
    if len(lead.people) < 2:
        return paragraph_quote(story, lead)
    speaker, other = rng.sample(lead.people, 2)
    first = quote(story, "relations", 2)
    if not first:
        return ""
    name = story.surname(speaker)
    setting = "the talks" if story.kind != "call" else "the start of the conversation"
    intro = rng.choice(
        [
            f"{name} said:",
            f"Speaking at {setting}, {name} said:",
            f"{name}:",
            f"Opening {setting}, {name} said:",
        ]
    )
    dash = rng.choice(["–", "-", "—"])
    lines = [f"{dash} {story.greeting(other)}. {first}"]
    more = quote(story, rng.choice(["economy", "region", "humanitarian", "energy"]), 2)
    if more:
        lines.append(more)
    if rng.random() < 0.4:
        lines[-1] += rng.choice(
            [" Thank you.", " Thank you for your attention.", " Welcome once again."]
        )
    return intro + "\n\n" + "\n\n".join(lines)


def paragraph_context(story: Story, lead: Lead) -> str:
    rng = story.rng
    parts = []
    if rng.random() < 0.25 and "anniversary" not in story.used:
        anniversary = anniversary_sentence(story)
        if anniversary:
            story.used.add("anniversary")
            parts.append(anniversary)
    for _ in range(rng.randint(1, 2)):
        history = history_sentence(story)
        if history:
            parts.append(history)
    return " ".join(parts)


def pick(story: Story, options: list[str]) -> str:
    """One option this article has not used yet ("" when all are used)."""
    chosen = story.fresh(options, 1)
    return chosen[0] if chosen else ""


def paragraph_economy(story: Story, lead: Lead) -> str:
    rng = story.rng
    year = story.year
    if year < 1995:
        return ""  # no trade statistics to speak of yet
    last = turnover(year - 1, rng)
    parts = [
        pick(
            story,
            [
                f"Last year, trade between the countries amounted to ${last} billion.",
                f"According to official figures, bilateral trade reached ${last} "
                "billion last year.",
                f"In {year - 1}, trade turnover stood at about ${last} billion.",
                "Russia remains one of Azerbaijan's largest trading partners, with "
                "turnover of about "
                f"${last} billion in {year - 1}.",
            ],
        )
    ]
    month = story.published.month
    if month > 2:
        past_month = MONTHS[rng.randint(1, month - 1)]
        parts.append(
            pick(
                story,
                [
                    f"In {past_month}, the intergovernmental commission met in "
                    f"{rng.choice(['Moscow', 'Baku'])} and approved a plan of joint projects.",
                    "Earlier this year, the sides agreed to increase the number of "
                    "flights between "
                    f"{russian_city(rng)} and Baku.",
                    f"In {past_month}, a business forum in Baku brought together more than "
                    f"{rng.randint(2, 9) * 50} companies from Russian regions.",
                ],
            )
        )
    if year >= 2005:
        parts.append(
            pick(
                story,
                [
                    "Gas cooperation remains an important part of the agenda, "
                    "including transit through "
                    "the pipeline that links Dagestan with Azerbaijan.",
                    "Russian oil companies have worked in Azerbaijan since the 1990s.",
                    "Rail freight between the two countries grew by "
                    f"{rng.randint(4, 30)}% over the "
                    "same period.",
                    f"More than {rng.randint(2, 9) * 100} companies with Russian "
                    "capital are registered "
                    "in Azerbaijan.",
                    f"Azerbaijan supplied Russia with about {rng.randint(150, 400)},000 "
                    "tonnes of fruit "
                    "and vegetables over the period.",
                ],
            )
        )
    if rng.random() < 0.4:
        text = quote(story, rng.choice(["economy", "energy", "transport"]), 1)
        if text:
            said = rng.choice(SAID)
            parts.append(quoted(text[:-1] + ",", rng) + f" one of the officials {said}.")
    return " ".join(p for p in parts if p)


def paragraph_agenda(story: Story, lead: Lead) -> str:
    rng = story.rng
    topics = _topics(story)
    opening = rng.choice(
        [
            "The sides discussed",
            "The talks covered",
            "On the agenda were",
            "The officials also exchanged views on",
            "Attention was paid to",
        ]
    )
    text = f"{opening} {topics[0]}, {topics[1]} and {topics[2]}."
    if text in story.used:
        return ""
    story.used.add(text)
    more = quote(story, None, 1)
    if lead.people and more and rng.random() < 0.6:
        speaker = rng.choice(lead.people)
        who = story.surname(speaker)
        text += (
            f" {who[0].upper()}{who[1:]} {rng.choice(['also', 'separately'])} "
            f"{rng.choice(SAID)} that {reported(more, speaker.person.female)}"
        )
    return text


def paragraph_next(story: Story, lead: Lead) -> str:
    rng = story.rng
    return pick(
        story,
        [
            "The next meeting of the intergovernmental commission is expected to take place next "
            "year.",
            f"The sides agreed to continue consultations in {rng.choice(['Moscow', 'Baku'])} "
            "later this year.",
            "A visit at the level of heads of government is being prepared, the officials said.",
            "Experts of the two countries will meet again next month to finalise the documents.",
            f"The programme also includes a trip to {azerbaijani_city(rng, story.day)} "
            "and a meeting "
            "with business circles."
            if story.kind in ("visit", "meeting")
            else "The figures will be discussed at the next session of the "
            "intergovernmental commission.",
            "A new round of consultations between the foreign ministries is planned "
            "for the autumn.",
            "The documents are expected to be ready for signing by the end of the year.",
        ],
    )


def paragraph_recent(story: Story, lead: Lead) -> str:
    """Relative references to recent events ("last year", "in October", "yesterday")."""
    rng = story.rng
    month = story.published.month
    options = [
        "The ministers last met last year, when they signed a plan of consultations.",
        "Earlier this year, the two presidents discussed the same issues by phone.",
        "A delegation of the State Duma visited Baku last year.",
        "Last year, the two governments held more than twenty rounds of consultations.",
    ]
    if month > 3:
        options.append(
            f"In {MONTHS[rng.randint(1, month - 2)]}, Russian and Azerbaijani experts "
            "held consultations on border issues."
        )
        options.append(
            f"In {MONTHS[rng.randint(1, month - 2)]}, a Russian parliamentary "
            "delegation visited Baku."
        )
    if story.kind in ("visit", "meeting", "agreement"):
        options.append(
            "On the eve of the talks, the delegations held a working meeting to "
            "prepare the documents."
        )
    return pick(story, options)


def paragraph_press(story: Story, lead: Lead) -> str:
    rng = story.rng
    agency = rng.choice(AGENCIES)
    if story.kind in ("visit", "meeting", "agreement"):
        options = [
            f"The talks were held behind closed doors, {agency} reported.",
            f"According to {agency}, the meeting lasted more than two hours.",
            f"Photos of the meeting were published on the official website, {agency} said.",
            f"{agency} earlier reported that the meeting had been planned for several weeks.",
            "The talks continued in an expanded format with the participation of the delegations.",
        ]
    elif story.kind == "call":
        options = [
            f"The conversation was initiated by the Azerbaijani side, {agency} reported.",
            "The leaders also exchanged greetings on the upcoming holidays.",
            "The sides agreed to stay in contact.",
        ]
    elif story.kind == "incident":
        options = [
            "Investigators have opened a criminal case, the authorities said.",
            "The embassy is in contact with the relevant services, a diplomat said.",
            f"No one was injured, {agency} reported, citing local officials.",
            "Traffic returned to normal by the evening.",
        ]
    else:
        options = [
            f"{agency} published the full text of the remarks on its website.",
            f"The remarks were reported by {agency} and several other agencies.",
            "Analysts say the figures reflect a broader trend in regional trade.",
        ]
    return pick(story, options)


def paragraph_incident(story: Story, lead: Lead) -> str:
    rng = story.rng
    return pick(
        story,
        [
            f"Local authorities said the situation was under control {rng.choice(['', 'by noon '])}"
            "and that there was no threat to residents.".replace("  ", " "),
            "The embassy said it was providing consular assistance to the citizens concerned.",
            "A spokesman for the regional police declined to give further details, citing the "
            "ongoing investigation.",
            "Similar incidents were reported several times last year, according to local media.",
            "Lawyers for those involved said they would appeal against the decision.",
            "The two governments agreed to set up a joint working group to look into the matter.",
            "Witnesses told reporters that the queue of lorries stretched for several kilometres.",
            f"The ministry said that {rng.randint(2, 40)} people had been questioned so far.",
        ],
    )


def paragraph_reaction(story: Story, lead: Lead) -> str:
    other = "Baku" if lead.people and lead.people[0].country == "Russia" else "Moscow"
    return pick(
        story,
        [
            f"There has been no official reaction from {other} so far.",
            f"Officials in {other} said they had taken note of the remarks.",
            "The remarks came amid a busy diplomatic calendar in the region.",
            "Political analysts in both capitals described the tone of the statement as calm.",
            "The statement was later published in full on the ministry's website.",
            f"A day earlier, {other} had called for closer coordination on regional issues.",
        ],
    )


def subheading(story: Story, lead: Lead) -> str:
    rng = story.rng
    names = [story.spell(p.person)[1] for p in lead.people] or ["Moscow", "Baku"]
    return rng.choice(
        [
            f"{names[0]} on regional security",
            "Energy and transport",
            "Trade figures",
            "What comes next",
            f"{names[-1]}'s remarks",
            "Humanitarian ties",
            "Background",
            f"{names[0]} on economic ties",
        ]
    )


TALKS = ("visit", "meeting", "call", "agreement")
# (paragraph maker, weight, at most this many per article, the kinds of event it suits)
PARAGRAPHS: list[tuple[Callable[[Story, Lead], str], float, int, tuple[str, ...]]] = [
    (paragraph_quote, 5, 12, (*TALKS, "statement", "economic", "incident")),
    (paragraph_transcript, 1.5, 1, ("visit", "meeting", "agreement")),
    (paragraph_context, 2.5, 3, (*TALKS, "statement", "economic", "incident")),
    (paragraph_economy, 2, 2, (*TALKS, "economic")),
    (paragraph_agenda, 2, 2, TALKS),
    (paragraph_next, 1, 2, (*TALKS, "economic")),
    (paragraph_recent, 1.5, 2, (*TALKS, "statement", "economic")),
    (paragraph_press, 1, 2, (*TALKS, "statement", "economic", "incident")),
    (paragraph_incident, 3, 4, ("incident",)),
    (paragraph_reaction, 2, 3, ("statement", "incident")),
]


# ---------------------------------------------------------------------------------------------
# Site chrome: datelines, interface lines, sidebars
# ---------------------------------------------------------------------------------------------

SITES = [
    "Caspian Herald",
    "Kavkaz Wire",
    "Baku Monitor",
    "Northern Route News",
    "Eurasia Daily Digest",
    "Absheron Times",
    "Volga-Caspian Review",
]
SECTIONS = [
    "Politics",
    "Azerbaijani Politics",
    "Russia",
    "Region",
    "Economy",
    "CHRONICLE",
    "World",
    "Diplomacy",
    "Analytics",
]


def dateline(story: Story) -> tuple[list[str], list[str], str]:
    """Lines above the title, lines under it, and a prefix for the first paragraph."""
    rng = story.rng
    p = story.published
    hm = f"{p.hour:02d}:{p.minute:02d}"
    city = rng.choice(["BAKU", "MOSCOW", "Baku", "Moscow"])
    agency = rng.choice(AGENCIES)
    shape = rng.choices(range(12), [10, 8, 8, 8, 7, 6, 5, 8, 5, 4, 6, 4])[0]
    if shape == 0:
        return [f"{rng.choice(SECTIONS)} {p.day} {MONTHS[p.month].lower()} — {hm}"], [], ""
    if shape == 1:
        return (
            [],
            [f"    {rng.choice(SECTIONS).upper()}  {p.day} {MONTHS[p.month]} {p.year} - {hm}"],
            "",
        )
    if shape == 2:
        return [], [], f"{city}, {MONTHS[p.month]} {p.day} ({agency}) – "
    if shape == 3:
        return [], [], f"{city}, {p.day} {MONTHS[p.month]} {p.year} /{agency}/. "
    if shape == 4:
        return [], [f"{p.day:02d}.{p.month:02d}.{p.year} {hm}"], ""
    if shape == 5:
        return [f"{p.day} {MONTHS[p.month]} {p.year}"], [], ""
    if shape == 6:
        return [], [f"{rng.choice(SECTIONS)} | {MONTHS_SHORT[p.month]} {p.day}, {p.year}, {hm}"], ""
    if shape == 7:
        return [], [], ""  # no dateline at all
    if shape == 8:
        return [], [f"Published: {p.day:02d}.{p.month:02d}.{p.year} {hm}"], ""
    if shape == 9:
        return [], [f"{p.day} {RU_MONTHS[p.month]} {p.year}, {hm}"], ""
    if shape == 10:
        return [], [f"{WEEKDAYS[p.weekday()]}, {MONTHS[p.month]} {p.day}, {p.year} {hm}"], ""
    return [f"{p.day} {MONTHS[p.month]}, {hm}"], [], ""  # day and month without a year


UI_TOP = ["Rate it", "Share", "Print version", "Photo", "(Video, Photo)", "A+ A-"]
UI_BOTTOM = [
    "Поделиться:",
    "Print:",
    "Add comment",
    "Сообщите об ошибке: выделите текст и нажмите Ctrl+Enter",
    "Подписывайтесь на наш канал",
    "Telegram | VK | WhatsApp",
    "Tags: Russia, Azerbaijan, diplomacy",
    "Комментарии",
    "Follow us on Telegram",
    "Copy link",
]

SIDEBAR_HEADLINES = [
    "{country} and {country2} discuss cooperation in {field}",
    "Oil prices {move} ahead of OPEC+ meeting",
    "{city} to host international {expo} next month",
    "Azerbaijani {sport} team wins {medal} at tournament in {city2}",
    "Central bank keeps refinancing rate unchanged",
    "Weather: {weather} expected in Baku tomorrow",
    "Parliament approves amendments to {law} in first reading",
    "{n} new schools to open in the regions this autumn",
    "Non-oil exports rise by {p}% in {period}",
    "Caspian shipping company adds {n} vessels to its fleet",
    "Railway operator reports record freight volumes",
    "Ministry warns drivers of {hazard} on mountain roads",
    "{country} reopens consulate in {city2}",
    "Price of Azeri Light crude {moves}",
    "New metro station to open in Baku by the end of the year",
    "Exhibition of {art} opens in {city}",
    "{country} president congratulates Azerbaijani people on holiday",
    "Farmers expect {p}% higher grain harvest",
    "Air connection between {city} and {city2} to resume",
    "Foreign investment in {field} grows",
    "Currency rates for today",
    "Traffic restrictions announced in central Baku",
    "Tourist flow from {country} up {p}%",
    "Football: {club} beat rivals {score}",
    "Scientists present new study of Caspian seals",
    "Digital services: {n} new e-government services launched",
    "{country} delegation arrives in Baku for consultations",
    "Minister meets ambassador of {country}",
    "Bread prices stable despite poor harvest in {country}",
    "Court hears case of former bank executives",
]
FILL = {
    "country": [
        "Turkey",
        "Iran",
        "Georgia",
        "Kazakhstan",
        "Uzbekistan",
        "China",
        "Hungary",
        "Italy",
        "Pakistan",
        "Turkmenistan",
        "Belarus",
        "Serbia",
    ],
    "field": ["energy", "agriculture", "education", "logistics", "tourism", "IT", "healthcare"],
    "move": ["rise", "fall", "edge up", "slip", "climb"],
    "moves": ["rises", "falls", "edges up", "slips", "climbs"],
    "city": ["Baku", "Ganja", "Sumgait", "Tbilisi", "Tashkent", "Aktau", "Astrakhan"],
    "expo": ["oil and gas exhibition", "food fair", "education expo", "tourism forum"],
    "sport": ["judo", "wrestling", "chess", "gymnastics", "boxing"],
    "medal": ["gold", "silver", "bronze", "two medals"],
    "weather": ["rain and wind", "fog", "strong north wind", "heat up to 38 degrees", "snow"],
    "law": ["the Tax Code", "the law on media", "the Labour Code", "the law on tourism"],
    "period": ["January–May", "the first quarter", "nine months", "the first half of the year"],
    "hazard": ["fog", "ice", "landslides", "snowfall"],
    "art": ["carpets", "modern painting", "photographs", "miniatures"],
    "club": ["Qarabag", "Neftchi", "Sabah", "Zira"],
    "score": ["2-0", "3-1", "1-0", "2-1"],
}


SIDEBAR_FIELDS = [
    (t, [f for _, f, _, _ in string.Formatter().parse(t) if f]) for t in SIDEBAR_HEADLINES
]


def sidebar_headline(rng: random.Random) -> str:
    template, fields = rng.choice(SIDEBAR_FIELDS)
    values: dict[str, object] = {}
    for name in fields:
        if name in FILL:
            values[name] = rng.choice(FILL[name])
        elif name in ("country2", "city2"):
            pool = FILL[name[:-1]]
            values[name] = rng.choice([c for c in pool if c != values.get(name[:-1])])
        else:
            values[name] = rng.randint(3, 40) if name == "n" else rng.randint(2, 35)
    headline = template.format(**values)
    if rng.random() < 0.12:
        headline += rng.choice([" PHOTO", " VIDEO", " UPDATED", " (Photo)"])
    return headline


def sidebar(story: Story, count: int) -> list[str]:
    """ "Latest news" and the like: other headlines with their own timestamps, newest first."""
    rng = story.rng
    shape = rng.randrange(5)
    moment = story.published + dt.timedelta(minutes=rng.randint(30, 60 * 72))
    blocks = [
        rng.choice(
            ["Latest news", "Read also", "Related news", "Most read", "Other news", "More news"]
        )
    ]
    indent = "    " if rng.random() < 0.3 else ""
    for _ in range(count):
        moment -= dt.timedelta(minutes=rng.randint(3, 55))
        hm = f"{moment.hour:02d}:{moment.minute:02d}"
        headline = sidebar_headline(rng)
        if shape == 0:
            blocks.append(
                f"{indent}{headline}\n\n{indent}{moment.day} {MONTHS[moment.month]} "
                f"{moment.year} - {hm}"
            )
        elif shape == 1:
            blocks.append(f"{hm} {headline}")
        elif shape == 2:
            blocks.append(f"{headline}\n{moment.day:02d}.{moment.month:02d}.{moment.year} | {hm}")
        elif shape == 3:
            blocks.append(f"{headline} ({moment.day} {MONTHS[moment.month].lower()}, {hm})")
        else:
            blocks.append(f"{headline}\n{MONTHS[moment.month]} {moment.day}, {moment.year}")
    if rng.random() < 0.4:
        blocks.append(rng.choice(["All news", "More news", "Load more"]))
    return blocks


# ---------------------------------------------------------------------------------------------
# One article
# ---------------------------------------------------------------------------------------------

KINDS = {
    "visit": 16,
    "meeting": 22,
    "call": 12,
    "agreement": 10,
    "statement": 16,
    "incident": 6,
    "economic": 18,
}
YEARS = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
# News archives grow denser towards the present; 2020–2023 were especially busy.
YEAR_WEIGHTS = [1 + (y - FIRST_DAY.year) * 0.15 + (2.5 if 2020 <= y <= 2023 else 0) for y in YEARS]


def _published(rng: random.Random) -> dt.datetime:
    year = rng.choices(YEARS, YEAR_WEIGHTS)[0]
    first = max(dt.date(year, 1, 1), FIRST_DAY + dt.timedelta(days=7))
    last = min(dt.date(year, 12, 31), LAST_DAY)
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 23), rng.randint(0, 59))


def _staffed(day: dt.date) -> bool:
    """Both governments have someone in the registry in office (not the 1992 interregnum)."""
    return bool(holders("Russia", day)) and bool(holders("Azerbaijan", day))


def article_text(seed: int, index: int) -> str:
    """The text of article ``index`` of a run seeded with ``seed``."""
    rng = random.Random(f"ru-az-bench:{seed}:{index}")
    while True:
        published = _published(rng)
        offset = rng.choices([0, 1, 2, 3, 5], [45, 30, 10, 10, 5])[0]
        if _staffed(published.date() - dt.timedelta(days=offset)):
            break
    story = Story(
        rng=rng,
        published=published,
        day=published.date() - dt.timedelta(days=offset),
        kind=rng.choices(list(KINDS), list(KINDS.values()))[0],
        variant_spelling=rng.random() < 0.2,
    )
    lead = lead_for(story)
    above, below, prefix = dateline(story)
    site = rng.choice(SITES)
    headline = lead.headline
    if rng.random() < 0.1:
        headline += rng.choice([" (Video, Photo)", " UPDATED", " PHOTO"])

    head: list[str] = list(above)
    roll = rng.random()
    if roll < 0.15:
        head.append(f"{headline} / News / {site}")
        head.append("Rate it")
        head.append(headline)
    elif roll < 0.3:
        head.append(f"{headline} | {site}")
    else:
        head.append(headline)
    if rng.random() < 0.2:
        head.append(headline)  # scrapes often repeat the title
    head += below
    if rng.random() < 0.15:
        head.append(rng.choice(UI_TOP))

    target = int(min(9000, max(1800, rng.lognormvariate(8.1, 0.45))))  # body characters
    body = [prefix + lead.sentence]
    left = {func: cap for func, _, cap, kinds in PARAGRAPHS if story.kind in kinds}
    weight = {func: w for func, w, _, _ in PARAGRAPHS}
    length = len(body[0])
    misses = 0
    while length < target and left and misses < 20:
        funcs = list(left)
        func = rng.choices(funcs, [weight[f] for f in funcs])[0]
        paragraph = func(story, lead)
        if not paragraph or paragraph in body:
            misses += 1  # nothing new from this maker now
            continue
        left[func] -= 1
        if not left[func]:
            del left[func]
        if rng.random() < 0.08:
            body.append(subheading(story, lead))
        if rng.random() < 0.04:
            body.append("* * *")
        body.append(paragraph)
        length += len(paragraph) + 2

    wrap = rng.random() < 0.15
    indent = "    " if rng.random() < 0.1 else ""
    if wrap or indent:
        width = rng.randint(60, 76)
        body = [_reflow(b, width if wrap else 10_000, indent) for b in body]

    tail = []
    if rng.random() < 0.5:
        tail.append(f"{rng.randint(40, 25_000)} views")
    tail += rng.sample(UI_BOTTOM, k=rng.randint(0, 3))
    rng.shuffle(tail)
    shortfall = 2_200 - length - sum(len(line) for line in head)
    if rng.random() < 0.75 or shortfall > 0:
        room = max(0, (9_600 - length - 400) // 80)
        count = max(5, shortfall // 50 + 1, min(rng.randint(5, 40), room))
        tail += sidebar(story, min(count, 40))

    separator = "\n\n" if rng.random() < 0.8 else "\n\n\n"
    text = "\n".join(head) + "\n\n" + separator.join(body) + "\n\n" + "\n\n".join(tail)
    return text.rstrip() + ("\n" if rng.random() < 0.7 else "")


def _reflow(paragraph: str, width: int, indent: str) -> str:
    lines = []
    for part in paragraph.split("\n\n"):
        lines.append(
            textwrap.fill(
                part,
                width=width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n\n".join(lines)


def file_name(index: int, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{FILE_PREFIX}{index:05d}_{digest}.txt"


def _write_range(job: tuple[int, int, int, str]) -> int:
    seed, first, last, out = job
    total = 0
    for index in range(first, last):
        text = article_text(seed, index)
        data = text.encode("utf-8")
        (Path(out) / file_name(index, text)).write_bytes(data)
        total += len(data)
    return total


def generate(count: int, seed: int, out: Path, *, jobs: int = 1) -> tuple[int, int]:
    """Write ``count`` articles into ``out`` (replacing an earlier run's); (files, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{FILE_PREFIX}*.txt"):
        old.unlink()
    step = 250
    ranges = [(seed, i, min(i + step, count), str(out)) for i in range(0, count, step)]
    if jobs <= 1 or count <= step:
        return count, sum(map(_write_range, ranges))
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return count, sum(pool.imap_unordered(_write_range, ranges))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "articles")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes (the output does not depend on it)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    files, size = generate(args.count, args.seed, args.out, jobs=args.jobs)
    seconds = time.perf_counter() - start
    print(f"files written: {files}")
    print(f"total: {size / 1_000_000:.1f} MB (mean {size // max(files, 1)} bytes)")
    print(f"seconds: {seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
