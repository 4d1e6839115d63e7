"""Benchmark: init and a weekly sync on a generated Glue repository of N files.

Usage: python scripts/bench.py [--files 10000] [--changed 20] [--protected 20]

Prints wall-clock seconds for init, a sync where Glue changed --changed files (some holding protected
regions on the Databricks side), and an up-to-date sync. Uses real git in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JOB = """import sys
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
threshold_{n} = {value}
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


def g2l(folder: Path, *args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "g2l_merge", *args], cwd=folder, env=ENV, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"g2l {' '.join(args)} failed: {proc.stderr}")
    return elapsed


def write_jobs(glue: Path, count: int, value: str, only: range | None = None) -> None:
    for n in only if only is not None else range(count):
        path = glue / "jobs" / f"group_{n % 100:02d}" / f"job_{n:05d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(JOB.format(n=n, value=value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--protected", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="g2l-bench-") as tmp:
        glue, dbx = Path(tmp) / "glue", Path(tmp) / "dbx"
        glue.mkdir()
        dbx.mkdir()
        git(glue, "init", "-q", "-b", "main")
        write_jobs(glue, options.files, "0.8")
        git(glue, "add", ".")
        git(glue, "commit", "-q", "-m", "Glue v1")
        git(dbx, "init", "-q", "-b", "main")
        (dbx / "README.md").write_text("bench\n")
        git(dbx, "add", ".")
        git(dbx, "commit", "-q", "-m", "start")
        init = g2l(dbx, "init", "--glue", "../glue", "--target-root", "risk")
        for n in range(options.protected):
            path = dbx / "risk" / "jobs" / f"group_{n % 100:02d}" / f"job_{n:05d}.py"
            text = path.read_text().replace(
                f"horizon_{n} = 10\n", f"# g2l: protect begin m\nhorizon_{n} = 12\n# g2l: protect end m\n"
            )
            path.write_text(text)
        git(dbx, "commit", "-q", "-am", "Databricks regions")
        write_jobs(glue, options.files, "0.7", only=range(options.changed))
        git(glue, "commit", "-q", "-am", "Glue v2")
        weekly = g2l(dbx, "sync")
        again = g2l(dbx, "sync")
    print(f"files={options.files} changed={options.changed} protected={options.protected}")
    print(f"init            {init:7.2f} s")
    print(f"weekly sync     {weekly:7.2f} s")
    print(f"up-to-date sync {again:7.2f} s")


if __name__ == "__main__":
    main()
