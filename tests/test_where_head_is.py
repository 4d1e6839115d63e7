"""Where HEAD is when a command cannot read g2l.toml there: the mirror branch, another branch, no branch. Each
message names the branch (or commit) and the command that gets the person to the team branch; nothing changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import g2l_merge
from conftest import DbxRepo, Story, g2l, git
from g2l_merge import __version__

ON_MIRROR = (
    "git g2l-sync: HEAD is on 'glue-mirror', the mirror branch that only git g2l-sync writes (it has no g2l.toml); "
    "switch to your team branch first: git switch main\n"
)
COMMANDS = (["sync"], ["sync", "--dry-run"], ["sync", "--branch", "g2l/x"], ["status"], ["log"])


def state(dbx: DbxRepo) -> tuple[dict[str, str], str]:
    return dbx.refs(), git(dbx.path, "status", "--porcelain", "--untracked-files=all")


def as_process(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`git g2l-sync ARGS` as its own process: sync and status take entry.py's argparse fast path."""
    env = {**os.environ, "PYTHONPATH": str(Path(g2l_merge.__file__).parent.parent)}
    return subprocess.run(
        [sys.executable, "-m", "g2l_merge", *args], cwd=folder, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("args", COMMANDS)
def test_the_mirror_branch_checked_out_names_the_team_branch(story: Story, args: list[str]) -> None:
    dbx = story.dbx
    git(dbx.path, "switch", "-q", "glue-mirror")
    before = state(dbx)
    assert g2l(dbx.path, *args) == (2, ON_MIRROR)
    process = as_process(dbx.path, *args)
    assert (process.returncode, process.stdout, process.stderr) == (2, "", ON_MIRROR)
    assert state(dbx) == before


def test_native_and_protect_on_the_mirror_branch_refuse_before_writing(story: Story) -> None:
    dbx = story.dbx
    path = "risk_engine/lib/collateral.py"
    git(dbx.path, "switch", "-q", "glue-mirror")
    before, text = state(dbx), dbx.read(path)
    assert g2l(dbx.path, "native", path) == (2, ON_MIRROR)
    assert g2l(dbx.path, "protect", path, "--lines", "2-3") == (2, ON_MIRROR)
    assert (state(dbx), dbx.read(path)) == (before, text)
    git(dbx.path, "switch", "-q", "main")
    assert g2l(dbx.path, "native", path) == (0, f"{path}: marked native (commit it to take effect)\n")


def test_a_mirror_branch_of_another_name_and_team_branch_are_read_from_g2l_toml(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "branch", "-m", "main", "develop")
    git(dbx.path, "branch", "-m", "glue-mirror", "glue/converted")
    dbx.edit(
        "g2l.toml",
        'branch = "main"\nmirror_branch = "glue-mirror"',
        'branch = "develop"\nmirror_branch = "glue/converted"',
    )
    dbx.commit("Rename the branches")
    git(dbx.path, "switch", "-q", "glue/converted")
    assert g2l(dbx.path, "status") == (
        2,
        "git g2l-sync: HEAD is on 'glue/converted', the mirror branch that only git g2l-sync writes (it has no "
        "g2l.toml); switch to your team branch first: git switch develop\n",
    )


def test_a_mirror_commit_checked_out_detached_is_named_as_one(story: Story) -> None:
    dbx = story.dbx
    mirror = dbx.rev("glue-mirror")
    git(dbx.path, "checkout", "-q", "--detach", "glue-mirror")
    assert g2l(dbx.path, "log") == (
        2,
        f"git g2l-sync: HEAD is detached at mirror commit {mirror[:12]} (it has no g2l.toml); switch to your "
        "team branch first: git switch main\n",
    )


def test_a_bare_clone_whose_head_is_the_mirror_branch_is_told_how_to_move_head(story: Story, tmp_path: Path) -> None:
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(story.dbx.path), str(bare))
    git(bare, "symbolic-ref", "HEAD", "refs/heads/glue-mirror")
    assert g2l(bare, "status") == (
        2,
        "git g2l-sync: HEAD is on 'glue-mirror', the mirror branch that only git g2l-sync writes (it has no "
        "g2l.toml); switch to your team branch first: git symbolic-ref HEAD refs/heads/main\n",
    )


def test_a_branch_without_g2l_toml_names_the_branch_that_has_it(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "switch", "-q", "--orphan", "notes")
    dbx.write("notes.md", "x\n")
    dbx.commit("Notes")
    before = state(dbx)
    for args in (["sync"], ["status"], ["log"]):
        assert g2l(dbx.path, *args) == (
            2,
            "git g2l-sync: g2l.toml: not found on branch 'notes'; switch to a branch that has it (git switch main), "
            "or run `git g2l-sync init --glue PATH` to set this branch up\n",
        )
    notes = dbx.rev("HEAD")
    git(dbx.path, "checkout", "-q", "--detach")
    assert g2l(dbx.path, "status") == (
        2,
        f"git g2l-sync: g2l.toml: not found on HEAD (detached at {notes[:12]}); switch to a branch that has it "
        "(git switch main)\n",
    )
    assert state(dbx)[0] == before[0]


def test_status_on_a_detached_head_says_it_shows_the_target_branch(story: Story) -> None:
    dbx, glue = story
    glue_v1 = git(glue.path, "rev-parse", "HEAD")
    git(dbx.path, "checkout", "-q", "--detach", "main^1")  # the commit that configured g2l-merge
    head = dbx.rev("HEAD")
    assert g2l(dbx.path, "status", "--offline") == (
        0,
        f"HEAD is detached at {head[:12]}; showing main ([target] branch); mirror branch glue-mirror\n"
        f"Last synced Glue commit: {glue_v1[:12]}\nConverter versions: {__version__}\n",
    )
    status = json.loads(g2l(dbx.path, "status", "--json", "--offline").output)
    assert (status["detached_head"], status["target_branch"]) == (head, "main")
    git(dbx.path, "switch", "-q", "main")
    assert json.loads(g2l(dbx.path, "status", "--json", "--offline").output)["detached_head"] is None
