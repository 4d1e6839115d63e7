"""I6 with real kills: a sync process is SIGKILLed at every step boundary (before each git command it would run,
and before each file it writes into the git directory), in both modes, clean and conflicted. After each kill
every ref is at its old value or at its new one, the work tree is untouched or in git's merging state, and
rerunning `sync` (which clears the dead process's lock, saying so) gives what an uninterrupted run gives.

The kill happens in a child process (a real SIGKILL: no `finally` runs, the lock file stays), so the only code
in the test's hands is the counter that picks the moment. A step boundary is a moment before something is
written (a git command that writes objects, the index, the work tree, a ref or config; a file in the git
directory); killing before a read-only git command leaves the same state as killing before the next write, so by
default only those moments are tried. `G2L_TEST_KILL_EVERY=1` kills before every git command as well.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import JOB_A, DbxRepo, GlueRepo, g2l, git
from g2l_merge.git import GLUE_REF

KILLER = """
import os, signal, sys
from g2l_merge import git
limit, seen = int(os.environ["G2L_TEST_KILL_AT"]), [0]
every = os.environ.get("G2L_TEST_KILL_EVERY") == "1"
WRITES = {"fetch", "update-index", "write-tree", "commit-tree", "update-ref", "read-tree", "config", "add", "commit"}
def wrap(module, name):
    real = getattr(module, name)
    def wrapped(*args, **kwargs):
        command = [a for a in args[0] if not a.startswith("-") and "=" not in a][:1] if name == "_spawn" else ["file"]
        if every or name != "_spawn" or set(command) & WRITES:
            seen[0] += 1
            if seen[0] > limit:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(module, name, wrapped)
wrap(git, "_spawn"); wrap(git, "write_git_file")
from g2l_merge.entry import main
sys.argv = ["git-g2l-sync", *sys.argv[1:]]
main()
"""
A = "jobs/a.py"


def _setup(root: Path, conflicted: bool) -> DbxRepo:
    glue = GlueRepo(root / "glue")
    glue.commit("Glue v1", {A: JOB_A})
    dbx = DbxRepo(root / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue").code == 0
    dbx.edit(A, 'table_name="exposures"', 'table_name="exposures_uc"')
    if conflicted:
        dbx.edit(A, "threshold = 0.8", "threshold = 0.85  # Databricks")
    dbx.commit("Databricks edits")
    glue.commit("Glue v2", {A: JOB_A.replace("threshold = 0.8", "threshold = 0.7"), "jobs/b.py": "b = 1\n"})
    return dbx


def _run_killed(dbx: DbxRepo, args: list[str], limit: int) -> int:
    env = {**os.environ, "G2L_TEST_KILL_AT": str(limit)}
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, *args], cwd=dbx.path, env=env, capture_output=True, check=False
    )
    return proc.returncode


def _outcome(dbx: DbxRepo, args: list[str]) -> tuple[int, dict[str, object], list[str]]:
    """Exit code, report without the commit ids that differ from run to run, and the notes."""
    run = g2l(dbx.path, *args, "--json")
    report = json.loads(run.output)
    notes = report.pop("notes")
    for volatile in ("merge_commit", "mirror_commit"):
        report.pop(volatile)
    return run.code, report, notes


def _files(dbx: DbxRepo, branch: str) -> dict[str, str]:
    return {path: dbx.show(branch, path) for path in (A, "jobs/b.py")}


def _merging_state(dbx: DbxRepo) -> dict[str, str]:
    return {
        name: (dbx.path / ".git" / name).read_text()
        for name in ("MERGE_HEAD", "MERGE_MSG")
        if (dbx.path / ".git" / name).exists()
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "conflicted"), [("branch", False), ("branch", True), ("worktree", False), ("worktree", True)]
)
def test_a_sync_killed_at_any_step_leaves_refs_old_or_new_and_a_rerun_finishes_it(
    tmp_path: Path, mode: str, conflicted: bool
) -> None:
    args = ["sync", "--branch", "g2l/sync"] if mode == "branch" else ["sync"]
    dest = "g2l/sync" if mode == "branch" else "main"
    template = _setup(tmp_path / "template", conflicted)
    reference = DbxRepo.__new__(DbxRepo)
    reference.path = _copy(template, tmp_path / "reference")
    expected = _outcome(reference, args)
    assert expected[0] == (1 if conflicted else 0)
    expected_tree = None if mode == "worktree" and conflicted else git(reference.path, "rev-parse", f"{dest}^{{tree}}")
    expected_worktree = _worktree(reference)
    limit = 0
    while True:
        dbx = DbxRepo.__new__(DbxRepo)
        dbx.path = _copy(template, tmp_path / f"kill-{limit}")
        before = dbx.refs()
        code = _run_killed(dbx, args, limit)
        if code != -9:
            assert code == expected[0], (limit, code)
            break
        _check_refs(dbx, before, dest, expected_tree, limit)
        status = git(dbx.path, "status", "--porcelain", "--untracked-files=no")
        journal = (dbx.path / ".git" / "g2l-sync-pending").exists()
        assert status == "" or journal or _merging_state(dbx), (limit, status)  # untouched, or a rerun finishes it
        lock_left = (dbx.path / ".git" / "g2l-sync.lock").exists()
        code, report, notes = _outcome(dbx, args)
        assert (code, report) == expected[:2], limit
        stale = [note for note in notes if note.startswith("removed a stale lock left by a process that is gone")]
        assert len(stale) == lock_left, (limit, notes)
        if expected_tree:
            assert git(dbx.path, "rev-parse", f"{dest}^{{tree}}") == expected_tree, limit
        assert _worktree(dbx) == expected_worktree, limit
        assert not (dbx.path / ".git" / "g2l-sync.lock").exists()
        limit += 1
    assert limit >= 5, limit  # the kill really landed at every step of a real sync


def _check_refs(dbx: DbxRepo, before: dict[str, str], dest: str, expected_tree: str | None, limit: int) -> None:
    after = dbx.refs()
    for ref, value in after.items():
        old = before.get(ref)
        if value == old:
            continue
        if ref == GLUE_REF:  # moves with the mirror branch, to the Glue commit its new mirror commit holds
            assert value == git(dbx.path.parent / "glue", "rev-parse", "HEAD"), limit
            assert after["refs/heads/glue-mirror"] != before["refs/heads/glue-mirror"], limit
            continue
        parents = dbx.parents(value)
        if ref == "refs/heads/glue-mirror":
            assert parents == [old], (limit, ref)
        else:
            assert ref == f"refs/heads/{dest}", (limit, ref)
            assert parents[0] == before.get("refs/heads/main"), (limit, ref)
            if expected_tree:
                assert git(dbx.path, "rev-parse", f"{value}^{{tree}}") == expected_tree, limit
    assert set(before) - set(after) == set(), limit


def _worktree(dbx: DbxRepo) -> tuple[str, str, dict[str, str], dict[str, str]]:
    files = {path: (dbx.path / path).read_text() for path in (A, "jobs/b.py") if (dbx.path / path).exists()}
    state = {k: v for k, v in _merging_state(dbx).items() if k != "MERGE_HEAD"}
    return (
        git(dbx.path, "status", "--porcelain", "--untracked-files=no"),
        git(dbx.path, "ls-files", "-s"),
        files,
        state,
    )


def _copy(template: DbxRepo, root: Path) -> Path:
    shutil.copytree(template.path.parent, root, symlinks=True)
    return root / "dbx"
