"""bench/generate.py: reproducible synthetic articles that the extractor reads like real ones."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from articles.extraction import extract

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 20


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and worker processes look it up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles(generate):
    return [generate.article_text(42, i) for i in range(SAMPLE)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_same_seed_writes_byte_identical_files(generate, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    generate.generate(SAMPLE, 42, first)
    generate.generate(SAMPLE, 42, second, jobs=2)
    names = sorted(p.name for p in first.iterdir())
    assert len(names) == SAMPLE
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_an_article_does_not_depend_on_how_many_are_written(generate, articles):
    assert generate.article_text(42, SAMPLE - 1) == articles[-1]


def test_different_seeds_give_different_articles(generate, articles):
    others = [generate.article_text(43, i) for i in range(SAMPLE)]
    assert all(a != b for a, b in zip(articles, others, strict=True))
    assert len(set(articles)) == SAMPLE


def test_articles_are_seed_sized_utf8_text(articles):
    for text in articles:
        size = len(text.encode("utf-8"))
        assert 2_000 <= size <= 10_240, size


def test_every_article_extracts_with_exactly_one_main_event(articles):
    for text in articles:
        result = extract(text)
        assert [e.main for e in result.events].count(True) == 1, text[:200]
        assert result.title


def test_no_sentence_of_the_seed_texts_is_reused(articles):
    seeds = [_flat(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = {s.strip() for text in seeds for s in re.split(r"(?<=[.!?])\s+", text)}
    long_ones = [s for s in sentences if len(s) > 40]
    assert long_ones
    output = "\n".join(_flat(text) for text in articles)
    copied = [s for s in long_ones if s in output]
    assert not copied, copied[:3]
