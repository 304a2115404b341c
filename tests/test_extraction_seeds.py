"""The seed articles against the hand-checked gold answers (../shared/eval/seeds_gold.json).

The gold file is copied into tests/data so the suite runs from a clean clone.
"""

import json
from pathlib import Path

import pytest

from articles.extraction import extract_batch

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((Path(__file__).parent / "data" / "seeds_gold.json").read_text())["articles"]
RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}


@pytest.fixture(scope="module")
def extracted():
    items = [(g["file"], (ROOT / "seeds" / g["file"]).read_text(encoding="utf-8")) for g in GOLD]
    return dict(zip([g["file"] for g in GOLD], extract_batch(items), strict=True))


def consistent(claim: str, truth: str) -> bool:
    n = min(len(claim), len(truth))
    return claim[:n] == truth[:n]


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_main_date_never_contradicts_the_truth_nor_claims_more_than_the_text(gold, extracted):
    main = next(e for e in extracted[gold["file"]].events if e.main)
    truth = gold["main_event"]["true_date"]
    supports = gold["main_event"]["text_supports"]
    if main.date.iso():
        assert consistent(main.date.iso(), truth), main.date
        assert RANK[main.date.precision] <= max(RANK[supports], len(truth) // 3), main.date


def test_main_date_at_the_supported_precision_for_four_of_five(extracted):
    exact = 0
    for gold in GOLD:
        main = next(e for e in extracted[gold["file"]].events if e.main)
        if (
            main.date.iso()
            and RANK[main.date.precision] >= RANK[gold["main_event"]["text_supports"]]
        ):
            exact += 1
    assert exact >= 4


def test_mentioned_events_found_with_correct_dates(extracted):
    found = total = 0
    for gold in GOLD:
        dates = [
            e.date.iso() for e in extracted[gold["file"]].events if not e.main and e.date.iso()
        ]
        for mentioned in gold["mentioned_events"]:
            total += 1
            found += any(d[: len(mentioned["date"])] == mentioned["date"] for d in dates)
    assert found >= 10, f"{found}/{total}"


def test_sidebar_dates_and_names_never_appear(extracted):
    result = extracted["003_2143d4e045405792.txt"]
    for event in result.events:
        assert not (event.date.year == 2023 and event.date.month == 9)
        assert "Recep Tayyip Erdogan" not in event.participants + event.mentioned


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_participants_of_the_main_event(gold, extracted):
    main = next(e for e in extracted[gold["file"]].events if e.main)
    allowed = set(gold["main_event"]["participants"]) | set(gold["main_event"]["also_ok"])
    assert set(gold["main_event"]["participants"]) <= set(main.participants)
    assert set(main.participants) <= allowed
    assert not set(main.participants) & set(gold["main_event"]["not_participants"])
