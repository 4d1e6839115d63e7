"""Benchmark: converter throughput over the test corpus, in one process.

Usage: python scripts/bench_convert.py [--rounds 5] [FOLDER]

Converts every .py file under FOLDER (default tests/convert/corpus) with convert_source, --rounds times
after one warm-up round, and prints files, lines, the best round's seconds and lines per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import convert_source

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "convert" / "corpus"
CONFIG = ConvertConfig(databases={"risk": "prod.risk"}, paths={"s3://bank-risk-raw/": "/Volumes/prod/risk/raw/"})


def convert_all(sources: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    for path, text in sources:
        convert_source(text, path, CONFIG)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    sources = [(f"jobs/{p.name}", p.read_text()) for p in sorted(arguments.folder.rglob("*.py"))]
    lines = sum(text.count("\n") + (not text.endswith("\n")) for _, text in sources)
    convert_all(sources)  # warm-up: imports, rule registry
    best = min(convert_all(sources) for _ in range(arguments.rounds))
    print(
        f"{len(sources)} files, {lines} lines: {best:.2f} s, {lines / best:,.0f} lines/s (best of {arguments.rounds})"
    )


if __name__ == "__main__":
    main()
