"""Accuracy of extraction on the seeds and the development corpus, scored by the shared scorer.

    uv run python bench/accuracy.py [--shared ../shared] [--quiet]

Runs `manage.py extract --json` (exactly what the product prints) over `seeds/` and over
`<shared>/devcorpus/articles/`, then `<shared>/eval/score.py` on each: the seeds against
`seeds_gold.json`, the dev corpus split by language (English; Russian and Azerbaijani). Prints
the scorer's per-article verdicts (unless --quiet) and one line of totals per set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract(paths: list[Path]) -> Path:
    out = Path(tempfile.mkstemp(suffix=".json", prefix="accuracy-")[1])
    command = [sys.executable, "manage.py", "extract", "--json", *map(str, paths)]
    with out.open("w") as handle:
        subprocess.run(command, cwd=ROOT, stdout=handle, check=True)
    return out


def score(scorer: Path, output: Path, gold: Path, *extra: str) -> tuple[list[str], dict]:
    result = subprocess.run(
        [sys.executable, str(scorer), str(output), str(gold), "--detail", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    return lines[:-1], json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    scorer = args.shared / "eval" / "score.py"
    corpus = args.shared / "devcorpus"
    if not scorer.exists() or not (corpus / "gold.json").exists():
        print(f"error: no scorer or dev corpus under {args.shared} (use --shared)", file=sys.stderr)
        return 2
    seeds = extract(sorted((ROOT / "seeds").glob("*.txt")))
    dev = extract(sorted((corpus / "articles").glob("*.txt")))
    sets = [
        ("seeds", seeds, args.shared / "eval" / "seeds_gold.json", ()),
        ("dev en", dev, corpus / "gold.json", ("--lang=en",)),
        ("dev ru,az", dev, corpus / "gold.json", ("--lang=ru,az",)),
        ("dev ru", dev, corpus / "gold.json", ("--lang=ru",)),
        ("dev az", dev, corpus / "gold.json", ("--lang=az",)),
    ]
    keys = [
        "articles",
        "exact",
        "coarse",
        "miss",
        "wrong",
        "unsupported",
        "dated_rate",
        "bad_rate",
        "participants_precision",
        "participants_recall",
        "participants_f1",
        "forbidden_participants",
        "mentioned_found",
        "mentioned_total",
    ]
    totals = []
    for name, output, gold, extra in sets:
        lines, summary = score(scorer, output, gold, *extra)
        if not args.quiet and name != "dev ru" and name != "dev az":
            print(f"## {name}")
            print("\n".join(lines))
        totals.append((name, summary))
    print("## totals")
    for name, summary in totals:
        print(f"{name:10s} " + " ".join(f"{k}={summary[k]}" for k in keys))
    seeds.unlink()
    dev.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
