"""Benchmark: init, a weekly sync, an up-to-date sync, status and check on Glue estates of any size.

Usage: python scripts/bench.py [--sizes 100,2000,20000] [--runs 3] [--changed 20] [--init-files 2000]
                               [--tree DIR]... [--json FILE]

An estate is a Glue repository of N files made from the converter's test corpus (tests/convert/corpus, about 40
lines a file, each copy numbered in its first line) and a Databricks repository that `init` converted it into. The
Databricks team then wraps a protected region around new lines at the end of --changed files, and Glue changes the
first line of the same files: the weekly sync merges 20 files that hold regions, cleanly.

Each --tree is a g2l-merge checkout (default: the one this script is in), run as `python -m g2l_merge` with that
checkout first on PYTHONPATH, so two versions are measured on the same estates in the same run, alternating. The
estates are made once per size (init by the last --tree) and copied for every measurement. Every figure is the
median of --runs runs. The floor is what any sync of the same commits must pay: a Python start that imports
libcst, `git merge-tree` of the same two commits, and parsing the changed Glue files.

Prints a table; --json also writes every figure (seconds, medians and the single runs) to FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
CORPUS = HERE / "tests" / "convert" / "corpus"
REGION = "# g2l: protect begin bench\nBENCH_MONITORED = True\n# g2l: protect end bench\n"
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}
FLOOR = """
import subprocess, sys
from pathlib import Path
import libcst
subprocess.run(["git", "merge-tree", "--write-tree", sys.argv[2], sys.argv[3]], cwd=sys.argv[1], check=True,
               capture_output=True)
for name in sys.argv[4:]:
    libcst.parse_module(Path(name).read_text())
"""


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, env=ENV, capture_output=True, text=True).stdout


def timed(command: list[str], folder: Path, env: dict[str, str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Wall seconds and peak memory (kB, the largest process of the command) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code not in ok:
        raise SystemExit(f"{' '.join(command[1:4])} in {folder} exited {code}: {stderr.strip()[-2000:]}")
    return elapsed, usage.ru_maxrss


class Tree:
    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.name = self.path.name
        self.env = {**ENV, "PYTHONPATH": str(self.path)}

    def run(self, folder: Path, *args: str) -> tuple[float, int]:
        return timed([sys.executable, "-m", "g2l_merge", *args], folder, self.env)


def corpus() -> list[str]:
    return [p.read_text() for p in sorted(CORPUS.glob("*.py"))]


def estate_path(n: int) -> str:
    return f"jobs/group_{n // 100:03d}/job_{n:05d}.py"


def changed_files(files: int, changed: int) -> list[int]:
    step = max(files // changed, 1)
    return list(range(0, files, step))[:changed]


def make_glue(folder: Path, files: int, texts: list[str]) -> int:
    """A Glue repository of `files` corpus copies in one commit; returns its line count."""
    folder.mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    lines = 0
    for n in range(files):
        path = folder / estate_path(n)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"# estate file {n}\n" + texts[n % len(texts)]
        path.write_text(text)
        lines += text.count("\n")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", f"Glue estate of {files} files")
    return lines


def make_dbx(folder: Path) -> None:
    folder.mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / "README.md").write_text("risk engine on Databricks\n")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "start")


def make_estate(root: Path, files: int, changed: int, tree: Tree, texts: list[str]) -> dict[str, Any]:
    """Glue v1 converted by init, the Databricks team's regions, then Glue v2 (not yet synced)."""
    glue, dbx = root / "glue", root / "dbx"
    lines = make_glue(glue, files, texts)
    make_dbx(dbx)
    tree.run(dbx, "init", "--glue", "../glue", "--target-root", "risk")
    week = changed_files(files, changed)
    for n in week:
        path = dbx / "risk" / estate_path(n)
        path.write_text(path.read_text() + REGION)
    git(dbx, "commit", "-q", "-am", "Monitoring in protected regions")
    for n in week:
        path = glue / estate_path(n)
        text = path.read_text()
        path.write_text(text.replace(f"# estate file {n}\n", f"# estate file {n}: reviewed this week\n", 1))
    git(glue, "commit", "-q", "-am", "Glue: weekly review")
    return {"glue": glue, "dbx": dbx, "lines": lines, "week": week}


def measure_init(root: Path, files: int, texts: list[str], tree: Tree) -> dict[str, float]:
    glue, dbx = root / "glue", root / f"dbx-{tree.name}"
    if not glue.exists():
        make_glue(glue, files, texts)
    lines = sum(p.read_text().count("\n") for p in glue.rglob("*.py"))
    make_dbx(dbx)
    seconds, peak = tree.run(dbx, "init", "--glue", "../glue", "--target-root", "risk")
    shutil.rmtree(dbx)
    return {"seconds": seconds, "lines_per_s": lines / seconds, "peak_mb": peak / 1024}


def one_run(estate: dict[str, Any], copy: Path, tree: Tree) -> dict[str, float]:
    shutil.copytree(estate["dbx"], copy, symlinks=True)
    # a copy has new inodes, so git would re-read every file once to trust its index (0.3 s at 20,000 files);
    # a working clone's index is kept fresh by every git command its users run
    git(copy, "update-index", "-q", "--refresh")
    try:
        tip = git(copy, "rev-parse", "HEAD").strip()
        weekly, _ = tree.run(copy, "sync")
        parents = git(copy, "rev-parse", "HEAD^1", "HEAD^2").split()
        if parents[0] != tip:
            raise SystemExit(f"{tree.name}: the weekly sync made no merge commit in {copy}")
        again, _ = tree.run(copy, "sync")
        status, _ = tree.run(copy, "status", "--offline")
        checked = [str(Path("risk") / estate_path(n)) for n in estate["week"][:10]]
        check, _ = tree.run(copy, "check", *checked)
        glue_files = [str(estate["glue"] / estate_path(n)) for n in estate["week"]]
        (copy / ".git" / "info" / "attributes").unlink(missing_ok=True)  # the floor: git's own text merge
        floor, _ = timed([sys.executable, "-c", FLOOR, str(copy), *parents, *glue_files], copy, tree.env, ok=(0,))
    finally:
        shutil.rmtree(copy)
    return {"weekly": weekly, "floor": floor, "up_to_date": again, "status": status, "check": check}


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, Any], sizes: list[int]) -> str:
    trees = list(results["trees"])
    head = "| figure | " + " | ".join(trees) + " |"
    rows = [head, "|---" * (len(trees) + 1) + "|"]

    def row(name: str, cell: Any) -> None:
        rows.append(f"| {name} | " + " | ".join(cell(results["trees"][t]) for t in trees) + " |")

    for size in sizes:
        row(f"weekly sync, {size:,} files", lambda r, s=size: f"{r['sizes'][str(s)]['weekly']:.2f} s")
    if 2000 in sizes and max(sizes) > 2000:
        big = max(sizes)
        row(
            f"weekly sync, {big:,} / 2,000 files",
            lambda r: f"{r['sizes'][str(big)]['weekly'] / r['sizes']['2000']['weekly']:.2f}x",
        )
    row(
        "sync / floor",
        lambda r: " - ".join(f"{r['sizes'][str(s)]['weekly'] / r['sizes'][str(s)]['floor']:.1f}x" for s in sizes),
    )
    for key, name in (("up_to_date", "up-to-date sync"), ("status", "`status --offline`")):
        row(name, lambda r, k=key: " / ".join(f"{r['sizes'][str(s)][k]:.2f} s" for s in sizes))
    row("initial migration", lambda r: f"{r['init']['lines_per_s']:,.0f} lines/s ({r['init']['seconds']:.1f} s)")
    row("`check` on 10 files", lambda r: f"{r['sizes'][str(sizes[0])]['check']:.2f} s")
    row("peak memory, init", lambda r: f"{r['init']['peak_mb']:.0f} MB")
    rows.append("")
    rows.append("sizes: " + ", ".join(f"{s:,}" for s in sizes) + " files (columns with ' / ' list them in order)")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,2000", help="estate sizes in files, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--init-files", type=int, default=2000)
    parser.add_argument("--tree", type=Path, action="append", help="a g2l-merge checkout (repeatable)")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    trees = [Tree(p) for p in options.tree or [HERE]]
    if len({t.name for t in trees}) != len(trees):
        raise SystemExit("the --tree folders need different names")
    texts = corpus()
    results: dict[str, Any] = {"sizes": sizes, "runs": options.runs, "changed": options.changed, "trees": {}}
    for tree in trees:
        results["trees"][tree.name] = {"path": str(tree.path), "sizes": {}, "single": {}}
    with tempfile.TemporaryDirectory(prefix="g2l-bench-") as tmp:
        init_root = Path(tmp) / "init"
        for tree in trees:
            results["trees"][tree.name]["init"] = measure_init(init_root, options.init_files, texts, tree)
            print(f"init {options.init_files} files, {tree.name}: {results['trees'][tree.name]['init']}", flush=True)
        for size in sizes:
            estate = make_estate(Path(tmp) / f"estate-{size}", size, options.changed, trees[-1], texts)
            runs: dict[str, list[dict[str, float]]] = {t.name: [] for t in trees}
            for number in range(options.runs):
                for tree in trees:
                    copy = Path(tmp) / f"estate-{size}" / f"run-{tree.name}-{number}"
                    runs[tree.name].append(one_run(estate, copy, tree))
                    print(f"{size} files, {tree.name}, run {number + 1}: {runs[tree.name][-1]}", flush=True)
            for tree in trees:
                results["trees"][tree.name]["sizes"][str(size)] = median_of(runs[tree.name])
                results["trees"][tree.name]["single"][str(size)] = runs[tree.name]
            shutil.rmtree(Path(tmp) / f"estate-{size}")
    print(table(results, sizes))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
