"""refs/g2l/glue keeps the Glue commit of the last sync alive, and a sync reads the Glue ref with one ls-remote."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import JOB_A, Story, g2l, git
from g2l_merge import git as g2l_git

GLUE_REF = g2l_git.GLUE_REF


def has_commit(folder: Path, sha: str) -> bool:
    found = subprocess.run(["git", "cat-file", "-e", f"{sha}^{{tree}}"], cwd=folder, capture_output=True, check=False)
    return found.returncode == 0


def traced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str) -> Path:
    """Where the git processes of the next in-process command write their GIT_TRACE* output."""
    trace = tmp_path / f"{variable.lower()}.log"
    trace.unlink(missing_ok=True)
    monkeypatch.setenv(variable, str(trace))
    return trace


def commands(trace: Path, name: str) -> int:
    return sum(1 for line in trace.read_text().splitlines() if f"built-in: git {name}" in line)


def test_init_and_sync_point_the_ref_at_their_glue_commit_and_gc_keeps_it(story: Story) -> None:
    dbx, glue = story
    first = git(glue.path, "rev-parse", "HEAD")
    assert git(dbx.path, "rev-parse", GLUE_REF) == first
    second = glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    assert git(dbx.path, "rev-parse", GLUE_REF) == second
    git(dbx.path, "gc", "-q", "--prune=now")
    assert has_commit(dbx.path, second) and has_commit(dbx.path, first)
    status = json.loads(g2l(dbx.path, "status", "--json").output)
    assert status["last_synced_glue_commit"] == second and status["glue_commits_behind"] == 0
    git(dbx.path, "update-ref", "-d", GLUE_REF)  # the control: nothing else holds Glue's commits
    git(dbx.path, "gc", "-q", "--prune=now")
    assert not has_commit(dbx.path, second)


def test_the_ref_is_no_branch_and_status_and_log_do_not_show_it(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    assert git(dbx.path, "branch", "-a", "--format=%(refname)").split() == ["refs/heads/glue-mirror", "refs/heads/main"]
    assert "refs/g2l" not in g2l(dbx.path, "status").output + g2l(dbx.path, "log").output
    assert g2l(dbx.path, "install-hooks").code == 0
    dbx.write("risk_engine/new.py", "x = 1\n")
    dbx.commit("Databricks change through the pre-commit hook")  # the hook's checks pass with the ref there
    assert g2l(dbx.path, "check").code == 0


def test_the_next_sync_names_the_kept_commit_as_one_it_has(
    story: Story, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dbx, glue = story
    first = git(dbx.path, "rev-parse", GLUE_REF)
    second = glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    packets = traced(monkeypatch, tmp_path, "GIT_TRACE_PACKET")
    assert g2l(dbx.path, "sync").code == 0
    sent = packets.read_text()
    assert f"have {first}" in sent  # so Glue sends only what is new since `first`
    assert f"ACK {first}" in sent
    assert f"want {second}" in sent


def test_without_the_ref_the_fetch_has_no_glue_commit_to_offer(
    story: Story, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The control for the test above: the Databricks branches alone reach no Glue commit."""
    dbx, glue = story
    first = git(dbx.path, "rev-parse", GLUE_REF)
    git(dbx.path, "update-ref", "-d", GLUE_REF)
    git(dbx.path, "gc", "-q", "--prune=now")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    packets = traced(monkeypatch, tmp_path, "GIT_TRACE_PACKET")
    assert g2l(dbx.path, "sync").code == 0
    assert f"have {first}" not in packets.read_text()


def test_the_ref_follows_a_rewritten_glue_history(story: Story) -> None:
    dbx, glue = story
    before = glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    git(glue.path, "reset", "-q", "--hard", "HEAD~1")
    rewritten = glue.commit("Glue c, amended", {"jobs/c.py": "c = 2\n"})
    assert g2l(dbx.path, "sync").code == 0
    assert git(dbx.path, "rev-parse", GLUE_REF) == rewritten
    ancestor = subprocess.run(["git", "merge-base", "--is-ancestor", before, rewritten], cwd=dbx.path, check=False)
    assert ancestor.returncode == 1  # overwritten, not fast-forwarded


def test_a_dry_run_leaves_the_ref_where_it_was(story: Story) -> None:
    dbx, glue = story
    first = git(dbx.path, "rev-parse", GLUE_REF)
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync", "--dry-run").code == 0
    assert git(dbx.path, "rev-parse", GLUE_REF) == first


def test_a_sync_reads_the_glue_ref_once_and_an_up_to_date_sync_fetches_nothing(
    story: Story, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dbx, glue = story
    glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("0.8", "0.7")})
    trace = traced(monkeypatch, tmp_path, "GIT_TRACE")
    assert g2l(dbx.path, "sync").code == 0
    assert (commands(trace, "ls-remote"), commands(trace, "fetch")) == (1, 1)
    trace = traced(monkeypatch, tmp_path, "GIT_TRACE")
    assert "Already up to date" in g2l(dbx.path, "sync").output
    assert (commands(trace, "ls-remote"), commands(trace, "fetch")) == (1, 0)
    trace = traced(monkeypatch, tmp_path, "GIT_TRACE")
    assert g2l(dbx.path, "status").code == 0
    assert (commands(trace, "ls-remote"), commands(trace, "fetch")) == (1, 0)


def test_a_tag_is_read_peeled_from_the_same_ls_remote(story: Story) -> None:
    dbx, glue = story
    tagged = glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    git(glue.path, "tag", "-a", "-m", "release", "v2")
    glue.commit("Glue d", {"jobs/d.py": "d = 1\n"})
    report = json.loads(g2l(dbx.path, "sync", "--glue-ref", "v2", "--json").output)
    assert report["glue_commit"] == tagged
    assert git(dbx.path, "rev-parse", GLUE_REF) == tagged
