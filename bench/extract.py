"""Extraction speed: articles per second in one process, over seed-sized articles.

    uv run python bench/extract.py [--articles 1000]

Prints wall-clock and CPU-time rates (the CPU rate is steady on a shared machine).
Builds seed-sized articles by recombining the seed files' paragraphs (shuffled with a fixed
seed, so every article differs), then times `extract_batch` over them. Prints plain lines.
"""

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.extraction import extract, extract_batch, load_default_actors  # noqa: E402


def articles(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paragraphs = [b for t in texts for b in t.split("\n\n") if b.strip()]
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        extra = rng.sample(paragraphs, k=min(4, len(paragraphs)))
        out.append((f"bench-{i}.txt", base + "\n\n" + "\n\n".join(extra)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    items = articles(args.articles)
    load_default_actors()
    extract(items[0][1])  # warm-up: registry and regular expressions
    chars = sum(len(t) for _, t in items)
    start, cpu = time.perf_counter(), time.process_time()
    for _name, text in items:
        extract(text)
    single, single_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    extract_batch(items)
    batch = time.perf_counter() - start
    print(f"articles: {len(items)} (mean {chars // len(items)} characters)")
    print(
        f"extract, one process: {len(items) / single:.0f} articles/s "
        f"({1000 * single / len(items):.2f} ms per article)"
    )
    # CPU time is what one core gives when the machine is shared (other processes slow the wall
    # clock, not the work).
    print(
        f"extract, one process, CPU time: {len(items) / single_cpu:.0f} articles/s "
        f"({1000 * single_cpu / len(items):.2f} ms per article)"
    )
    print(f"extract_batch (two passes where needed): {len(items) / batch:.0f} articles/s")


if __name__ == "__main__":
    main()
