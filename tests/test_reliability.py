"""I6: a sync killed at any point leaves each ref at its old or its new value, and rerunning finishes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import JOB_A, DbxRepo, GlueRepo, g2l, git
from g2l_merge import git as g2l_git


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even `except Exception` handlers."""


def _setup(tmp_path: Path) -> DbxRepo:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/a.py": JOB_A})
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue").code == 0
    dbx.edit("jobs/a.py", 'table_name="exposures"', 'table_name="exposures_uc"')
    dbx.commit("Databricks horizon")
    glue.commit("Glue v2", {"jobs/a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"), "jobs/b.py": "b = 1\n"})
    return dbx


def _kill_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> list[int]:
    real = g2l_git._spawn
    seen = [0]

    def spawn(*args: object, **kwargs: object) -> g2l_git.Result:
        seen[0] += 1
        if seen[0] > calls:
            raise Killed
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(g2l_git, "_spawn", spawn)
    return seen


def _expected_final(tmp_path: Path) -> dict[str, str]:
    dbx = _setup(tmp_path / "reference")
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync").code == 0
    return {"jobs/a.py": dbx.show("g2l/sync", "jobs/a.py"), "jobs/b.py": dbx.show("g2l/sync", "jobs/b.py")}


@pytest.mark.slow
def test_killed_branch_sync_leaves_refs_old_or_new_and_a_rerun_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _expected_final(tmp_path)
    calls = 0
    while True:
        dbx = _setup(tmp_path / f"kill-{calls}")
        before = dbx.refs()
        with monkeypatch.context() as patch:
            _kill_after(patch, calls)
            try:
                g2l(dbx.path, "sync", "--branch", "g2l/sync")
                finished = True
            except Killed:
                finished = False
        after = dbx.refs()
        assert set(after) <= set(before) | {"refs/heads/g2l/sync"}
        moved = {ref for ref in after if after[ref] != before.get(ref)}
        assert moved in (set(), {"refs/heads/glue-mirror", "refs/heads/g2l/sync", g2l_git.GLUE_REF}), (calls, moved)
        if moved:  # the ref that keeps Glue's history moves with the mirror branch, to the Glue commit it merges
            assert after[g2l_git.GLUE_REF] == git(dbx.path.parent / "glue", "rev-parse", "HEAD")
        run = g2l(dbx.path, "sync", "--branch", "g2l/sync")
        assert run.code == 0, (calls, run.output)
        assert {path: dbx.show("g2l/sync", path) for path in expected} == expected
        assert git(dbx.path, "log", "--format=%s", "-1", "g2l/sync").startswith(("Merge Glue",))
        if finished:
            break
        calls += 1
    assert calls > 10  # the kill really landed at every step of a real sync
