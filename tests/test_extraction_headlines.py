"""Headlines built from what is known of an event, never a copied quotation."""

import pytest

from articles.extraction.headlines import (
    MAX_WORDS,
    clean_label,
    fallback_sentence,
    headline,
    joined,
    short_name,
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {
                "kind": "agreement",
                "people": ["Aliyev", "Putin"],
                "label": "Declaration on Allied Interaction signed",
                "place": "Moscow",
            },
            "Aliyev and Putin sign the Declaration on Allied Interaction — Moscow",
        ),
        (
            {"kind": "meeting", "people": ["Bayramov", "Lavrov"], "place": "Baku"},
            "Bayramov and Lavrov hold talks — Baku",
        ),
        ({"kind": "meeting", "people": ["Lavrov"]}, "Lavrov holds talks"),
        ({"kind": "visit", "people": ["Lavrov"], "place": "Baku"}, "Lavrov visits Baku"),
        (
            {"kind": "visit", "people": ["Lavrov"], "place": "Baku", "planned": True},
            "Lavrov to visit Baku",
        ),
        ({"kind": "visit", "place": "Baku"}, "Visit to Baku"),
        ({"kind": "call", "people": ["Aliyev", "Putin"]}, "Aliyev and Putin speak by phone"),
        (
            {"kind": "agreement", "label": "the memorandum on energy in Baku"},
            "Memorandum on Energy signed",
        ),
        (
            {"kind": "agreement", "people": ["Aliyev"], "label": "agreement"},
            "Aliyev signs an agreement",
        ),
        ({"kind": "meeting", "people": ["A", "B", "C", "D"]}, "A, B and others hold talks"),
    ],
)
def test_a_headline_says_who_did_what_where(values, expected):
    assert headline(**values) == expected


def test_a_headline_falls_back_on_the_first_clause_without_quotation_marks():
    sentence = '"Clashes erupted on the border at dawn," the ministry said, adding more.'
    title = headline(kind="incident", fallback=sentence)
    assert title == "Clashes erupted on the border at dawn"
    assert not any(mark in title for mark in '"“”«»')


def test_a_headline_stays_short():
    long = " ".join(f"word{i}" for i in range(40))
    assert len(headline(kind="other", fallback=long).split()) <= MAX_WORDS
    people = [f"Person{i}" for i in range(10)]
    title = headline(kind="agreement", people=people, label="Treaty on " + long, place="Baku")
    assert len(title.split()) <= MAX_WORDS + 1  # the cut is marked with an ellipsis


def test_document_names_lose_what_the_sentence_added():
    assert (
        clean_label("declaration on allied interaction in") == "Declaration on Allied Interaction"
    )
    assert clean_label("agreement on May 17 to") == ""  # a date is not a name
    assert clean_label("the treaty") == ""


def test_people_are_named_by_surname_and_joined():
    assert short_name("Ilham Aliyev") == "Aliyev"
    assert joined(["Aliyev"]) == "Aliyev"
    assert joined(["Aliyev", "Putin", "Pashinyan"]) == "Aliyev, Putin and Pashinyan"


def test_a_one_word_summary_gives_way_to_the_passage():
    assert fallback_sentence("Publication", "Talks opened in Baku today.") == (
        "Talks opened in Baku today."
    )
    assert fallback_sentence("Talks opened in Baku", "other") == "Talks opened in Baku"
