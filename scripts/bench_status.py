"""Benchmark: `status --offline` and `status` on Databricks repositories of N files.

Usage: python scripts/bench_status.py [--files 100 2000 20000] [--runs 7] [--syncs 10] [--baseline DIR]

For each size: a Glue repository of 10 jobs is initialised with `git g2l-sync init` and synced --syncs times
(one mirror commit each), then the Databricks team commits N more files shaped like converted Glue jobs (each
starts with `# g2l: converted from ...`), 20 of them with a protected region, 3 with the native marker, and a
JSON file mentioning `native`. Each command runs --runs times as its own process; the median is printed. With
--baseline, the same commands run with PYTHONPATH=DIR too (another checkout of g2l_merge), alternating with
this one run by run, and the median ratio is printed. Uses real git in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

JOB = """import sys
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
threshold_{n} = {value}
horizon_{n} = 10


def compute_{n}(rows):
    return [row for row in rows if row["exposure"] > threshold_{n}]
"""

CONVERTED = """# g2l: converted from jobs/extra_{n:05d}.py
import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
threshold_{n} = 0.8
horizon_{n} = 10


def compute_{n}(rows):
    return [row for row in rows if row["exposure"] > threshold_{n}]
"""

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, env=ENV, capture_output=True)


def g2l(folder: Path, *args: str, pythonpath: str | None = None) -> float:
    env = dict(ENV, PYTHONPATH=pythonpath or str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "g2l_merge", *args], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"g2l {' '.join(args)} failed: {proc.stderr}")
    return elapsed


def build(tmp: Path, files: int, syncs: int) -> Path:
    glue, dbx = tmp / "glue", tmp / "dbx"
    glue.mkdir()
    dbx.mkdir()
    git(glue, "init", "-q", "-b", "main")
    for n in range(10):
        (glue / "jobs").mkdir(exist_ok=True)
        (glue / "jobs" / f"job_{n}.py").write_text(JOB.format(n=n, value="0.8"))
    git(glue, "add", ".")
    git(glue, "commit", "-q", "-m", "Glue v1")
    git(dbx, "init", "-q", "-b", "main")
    (dbx / "README.md").write_text("bench\n")
    git(dbx, "add", ".")
    git(dbx, "commit", "-q", "-m", "start")
    g2l(dbx, "init", "--glue", "../glue", "--target-root", "risk")
    for week in range(syncs):
        (glue / "jobs" / f"job_{week % 10}.py").write_text(JOB.format(n=week % 10, value=f"0.{week + 1}5"))
        git(glue, "commit", "-q", "-am", f"Glue week {week}")
        g2l(dbx, "sync")
    for n in range(files):
        path = dbx / "risk" / "extra" / f"group_{n % 100:02d}" / f"job_{n:05d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = CONVERTED.format(n=n)
        if n % max(1, files // 20) == 0:
            text = text.replace(
                f"horizon_{n} = 10\n", f"# g2l: protect begin h\nhorizon_{n} = 12\n# g2l: protect end h\n"
            )
        if n % max(1, files // 3) == 1:
            text = "# g2l: native\n" + text
        path.write_text(text)
    (dbx / "risk" / "settings.json").write_text('{"engine": "native"}\n')
    git(dbx, "add", ".")
    git(dbx, "commit", "-q", "-m", "Databricks files")
    return dbx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[100, 2000, 20000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--syncs", type=int, default=10)
    parser.add_argument("--baseline", help="another g2l_merge checkout to compare with, run by run")
    options = parser.parse_args()
    print(
        f"{'files':>6} {'command':<17} {'median s':>9}"
        + (f" {'baseline s':>10} {'ratio':>6}" if options.baseline else "")
    )
    for files in options.files:
        with tempfile.TemporaryDirectory(prefix="g2l-bench-status-") as tmp:
            dbx = build(Path(tmp), files, options.syncs)
            for args in (["status", "--offline"], ["status"]):
                ours: list[float] = []
                theirs: list[float] = []
                g2l(dbx, *args)  # warm-up
                if options.baseline:
                    g2l(dbx, *args, pythonpath=options.baseline)
                for _ in range(options.runs):
                    ours.append(g2l(dbx, *args))
                    if options.baseline:
                        theirs.append(g2l(dbx, *args, pythonpath=options.baseline))
                line = f"{files:>6} {' '.join(args):<17} {statistics.median(ours):9.3f}"
                if options.baseline:
                    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
                    line += f" {statistics.median(theirs):10.3f} {statistics.median(ratios):6.2f}"
                print(line, flush=True)


if __name__ == "__main__":
    main()
