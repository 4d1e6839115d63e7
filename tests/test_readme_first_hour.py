"""The README's "Using it on your own repository" walk-through, run as written: its preview and `init` commands
on a Glue repository laid out as the section assumes (on branch `master`), and `init`'s output as it shows it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from conftest import g2l, git
from g2l_merge.demo import files as demo_files

README = Path(__file__).resolve().parent.parent / "README.md"
CORPUS = Path(__file__).resolve().parent / "convert" / "corpus"
SHA = re.compile(r"\b[0-9a-f]{12}\b")


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Using it on your own repository\n")
    return text[start : text.index("\n## ", start + 1)]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), re.S)


def _command(containing: str) -> list[str]:
    (line,) = [block.strip() for block in _blocks("sh") if containing in block]
    words = shlex.split(line)
    assert words[:2] == ["git", "g2l-sync"], line
    return words[2:]


def _glue_repository(path: Path) -> None:
    sample = Path(demo_files.__file__).parent / "sample" / "glue"
    (path / "jobs").mkdir(parents=True)
    (path / "lib").mkdir()
    (path / "jobs" / "exposures.py").write_text((sample / "jobs" / "exposures.py.txt").read_text())
    (path / "jobs" / "core_banking_extract.py").write_text((CORPUS / "core_banking_extract.py").read_text())
    (path / "lib" / "risk_common.py").write_text((sample / "lib" / "risk_common.py.txt").read_text())
    git(path, "init", "-q", "-b", "master")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "Glue risk engine")


def test_the_first_hour_runs_as_the_readme_shows(tmp_path: Path) -> None:
    glue, dbx = tmp_path / "glue-risk-engine", tmp_path / "dbx"
    _glue_repository(glue)
    dbx.mkdir()
    git(dbx, "init", "-q", "-b", "main")
    (dbx / "README.md").write_text("Databricks risk engine\n")
    git(dbx, "add", "-A")
    git(dbx, "commit", "-q", "-m", "Start")
    git(tmp_path, "init", "-q", "--bare", "dbx.git")
    git(dbx, "remote", "add", "origin", str(tmp_path / "dbx.git"))

    preview = [str(tmp_path / "preview") if word == "/tmp/preview" else word for word in _command("convert")]
    run = g2l(dbx, *preview)
    assert run.code == 1  # review items remain
    summary = re.search(r"`(wrote \d+ files under /tmp/preview)`", _section())
    assert summary and run.output.splitlines()[-1] == summary.group(1).replace("/tmp/preview", preview[-1])
    assert f"{preview[-1]}/jobs/core_banking_extract.py:13: G2L106 " in run.output
    written = sorted(str(p.relative_to(tmp_path / "preview")) for p in (tmp_path / "preview").rglob("*.py"))
    assert written == ["jobs/core_banking_extract.py", "jobs/exposures.py", "lib/risk_common.py"]
    assert git(dbx, "status", "--porcelain") == ""  # nothing written into the repository

    run = g2l(dbx, *_command("init --glue"))
    assert run.code == 0, run.output
    (shown,) = _blocks("text")
    expected = SHA.sub("<sha>", shown).splitlines()
    actual = [line for line in SHA.sub("<sha>", run.output).splitlines() if not line.startswith("  review")]
    reviews = [line for line in SHA.sub("<sha>", run.output).splitlines() if line.startswith("  review")]
    shortened = [line.removesuffix(" ...") for line in expected if line.startswith("  review")]
    assert [line for line in expected if not line.startswith("  review")] == actual
    assert shortened and all(any(line.startswith(short) for line in reviews) for short in shortened)
    assert 'ref = "master"' in (dbx / "g2l.toml").read_text()
