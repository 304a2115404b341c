"""A lower-case pattern searched in lower-cased text finds what IGNORECASE finds."""

import re

import pytest

from articles.extraction.caseless import CaselessPattern, lowered

PATTERNS = [
    r"\bmet\b",
    r"\bsəfər\w*",
    r"\bdanış\w*",
    r"(?:[A-Z][\w'-]+\s+)?minister$",
    r"qaz(?:ı|a)?\b",
]
TEXTS = [
    "The Presidents MET in Baku",
    "Prezident səfərə gəldi",
    "PREZİDENT SƏFƏRƏ GƏLDİ",  # İ: lowered text is longer, searched as written
    "Nazirlər danişiq apardı",
    "Nazirlər DANIŞIQ apardı",  # dotless ı in the text: searched as written
    "said Foreign minister",
    "the ſoviet minister",
    "Qazı Azərbaycandan",
    "Qazi from the field",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_the_same_match_as_ignoring_case(pattern, text):
    fast = CaselessPattern(pattern).search(text)
    slow = re.compile(pattern, re.I).search(text)
    assert (fast and fast.span()) == (slow and slow.span())


def test_text_lower_case_only_when_offsets_and_folds_allow():
    assert lowered("Baku MET") == "baku met"
    assert lowered("İLHAM") is None  # "i̇": two characters
    assert lowered("Qazı") is None  # dotless ı: IGNORECASE also matches "i"


def test_a_dotless_i_in_a_class_is_refused():
    with pytest.raises(ValueError):
        CaselessPattern(r"[ıa]b")


def test_office_titles_and_country_words_are_written_in_lower_case():
    # The title before a name is searched with them in the lower-cased text.
    from articles.extraction.offices import COUNTRY_WORDS, TITLES

    for pattern, _title in TITLES:
        literal = re.sub(r"\\.", "", pattern)
        assert literal == literal.lower(), pattern
    assert all(word == word.lower() for word in COUNTRY_WORDS)


def test_the_title_before_a_name_whatever_its_case():
    from articles.extraction.actors import KnownActor, NameHit
    from articles.extraction.offices import title_of

    for text in (
        "talks with FOREIGN MINISTER Ivan Petrov",
        "talks with Foreign Minister Ivan Petrov",
    ):
        hit = NameHit(
            KnownActor(name="Ivan Petrov"), text.index("Ivan"), len(text), "Ivan Petrov", "name"
        )
        assert title_of(text, hit) == ("Foreign Minister", None, False)


def test_every_match_where_ignoring_case_finds_it():
    pattern = CaselessPattern(r"since|year")
    for text in ("Since last YEAR, and since then", "Year of the Qazı, since"):
        expected = [m.span() for m in re.finditer(r"since|year", text, re.I)]
        assert pattern.spans(text) == expected
