"""`sync --pr` with real pushes to real bare repositories (file://); forge = none here, so no HTTP at all.
The forge calls themselves are covered in tests/forge and tests/test_sync_pr_github.py."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import JOB_A, Story, g2l, git


def with_remote(story: Story, tmp_path: Path, forge: str = "none") -> Path:
    """A bare 'origin' holding the Databricks repository's branches, as a CI clone would see them."""
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    dbx = story.dbx
    git(dbx.path, "remote", "add", "origin", bare.as_uri())
    dbx.edit("g2l.toml", 'forge = "auto"', f'forge = "{forge}"')
    dbx.commit("pull requests")
    git(dbx.path, "push", "-q", "origin", "main", "glue-mirror")
    git(bare, "symbolic-ref", "HEAD", "refs/heads/main")
    return bare


def sync_pr(folder: Path, *args: str) -> tuple[int, dict[str, object]]:
    run = g2l(folder, "sync", "--pr", "--json", *args)
    return run.code, json.loads(run.output)


def remote_refs(bare: Path) -> dict[str, str]:
    text = git(bare, "for-each-ref", "--format=%(refname) %(objectname)")
    return dict(line.split(" ") for line in text.splitlines())


def test_sync_pr_pushes_the_sync_branch_and_the_mirror_and_keeps_the_body_in_the_report(
    story: Story, tmp_path: Path
) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    code, report = sync_pr(dbx.path)
    assert code == 0, report
    branch = f"g2l/sync-{glue_sha[:7]}"
    pr = report["pull_request"]
    assert isinstance(pr, dict)
    assert (pr["branch"], pr["pushed"], pr["forge"], pr["action"], pr["url"]) == (branch, True, "none", "pushed", None)
    assert pr["title"] == f"Glue sync: 1 commit, {report['previous_glue_commit'][:7]}..{glue_sha[:7]}"
    assert "- added `risk_engine/jobs/process_c.py`" in pr["body"]
    assert "| `" + glue_sha[:7] + "` | Glue: new job C | Gus Glue |" in pr["body"]
    refs = remote_refs(bare)
    assert refs[f"refs/heads/{branch}"] == report["merge_commit"] == dbx.rev(branch)
    assert refs["refs/heads/glue-mirror"] == report["mirror_commit"] == dbx.rev("glue-mirror")
    assert refs["refs/heads/main"] == dbx.rev("main")  # the target itself is never pushed
    text = g2l(dbx.path, "sync", "--pr")
    assert text.output.splitlines()[-1] == f"Sync branch {branch} (pushed to origin)"
    assert dbx.parents(branch) == [dbx.rev("main"), report["mirror_commit"]]


def test_a_rerun_makes_no_second_merge_commit_and_pushes_nothing_new(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    first = sync_pr(dbx.path)[1]
    before = remote_refs(bare)
    code, again = sync_pr(dbx.path)
    assert code == 0
    assert remote_refs(bare) == before
    assert again["pull_request"]["branch"] == first["pull_request"]["branch"]


def test_a_failed_push_is_exit_2_keeps_the_branch_and_a_rerun_finishes(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed for maintenance' >&2\nexit 1\n")
    hook.chmod(0o755)
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    branch = f"g2l/sync-{glue_sha[:7]}"
    run = g2l(dbx.path, "sync", "--pr")
    assert run.code == 2
    assert run.output.startswith(f"git g2l-sync: pushing {branch}, glue-mirror to 'origin' failed: ")
    assert "rerun `git g2l-sync sync --pr` to finish" in run.output and len(run.output.splitlines()) == 1
    merge = dbx.rev(branch)
    assert f"refs/heads/{branch}" not in remote_refs(bare)
    hook.unlink()
    code, report = sync_pr(dbx.path)
    assert code == 0
    assert dbx.rev(branch) == merge == remote_refs(bare)[f"refs/heads/{branch}"]
    assert report["pull_request"]["pushed"] is True


def test_without_a_remote_the_branch_is_made_here_and_said_so(story: Story) -> None:
    dbx, glue = story
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    code, report = sync_pr(dbx.path)
    assert code == 0
    branch = f"g2l/sync-{glue_sha[:7]}"
    assert dbx.rev(branch) == report["merge_commit"]
    assert f"no remote 'origin': branch {branch} was made here and not pushed" in report["notes"]


def test_conflicts_travel_on_the_branch_and_check_fails_there(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    with_remote(story, tmp_path)
    dbx.edit("risk_engine/lib/collateral.py", "(1 - rate)", "(1 - rate * 0.5)")
    dbx.commit("Databricks: softer haircut")
    git(dbx.path, "push", "-q", "origin", "main")
    glue.commit("Glue: harder haircut", {"lib/collateral.py": LIB_HARDER})
    code, report = sync_pr(dbx.path)
    assert code == 1
    assert [c["path"] for c in report["conflicts"]] == ["risk_engine/lib/collateral.py"]
    body = report["pull_request"]["body"]
    assert "**1 conflict to resolve** before merging" in body
    assert f"git switch {report['pull_request']['branch']}" in body
    clone = tmp_path / "reviewer"
    git(tmp_path, "clone", "-q", "-b", report["pull_request"]["branch"], str(tmp_path / "origin.git"), str(clone))
    check = g2l(clone, "check")
    assert check.code == 1
    assert "risk_engine/lib/collateral.py:" in check.output and "leftover conflict marker" in check.output


LIB_HARDER = '''def haircut(value, rate):
    """Collateral value after the haircut."""
    return value * (1 - rate * 2)


def netting_set(rows):
    return sorted(rows, key=lambda row: row["counterparty_id"])
'''


def squash_merge(story: Story, branch: str, keep_message: bool) -> None:
    """What a forge's squash merge does: the branch's changes as one new commit on main, its message the
    branch's commit messages (GitHub's default) or something else."""
    dbx = story.dbx
    git(dbx.path, "merge", "-q", "--squash", branch)
    message = git(dbx.path, "log", "-1", "--format=%B", branch) if keep_message else "Glue sync (#7)"
    git(dbx.path, "commit", "-q", "-m", f"Glue sync (#7)\n\n* {message}")


def test_a_squash_merged_sync_is_found_by_its_trailer_and_merged_from_its_mirror_commit(story: Story) -> None:
    dbx, glue = story
    job = "jobs/process_a.py"
    v2 = glue.commit("Glue: threshold 0.9", {job: JOB_A.replace("threshold = 0.8", "threshold = 0.9")})
    assert g2l(dbx.path, "sync", "--branch", f"g2l/sync-{v2[:7]}").code == 0
    squash_merge(story, f"g2l/sync-{v2[:7]}", keep_message=True)
    glue.commit("Glue: threshold 0.95", {job: JOB_A.replace("threshold = 0.8", "threshold = 0.95")})
    status = g2l(dbx.path, "status", "--offline")
    assert f"Warning: the sync of Glue {v2[:12]} reached main squashed or rebased" in status.output
    assert f"Last synced Glue commit: {v2[:12]}" in status.output
    assert "Unmerged mirror commit" not in status.output
    code, report = sync_pr(dbx.path)
    assert code == 0, report["conflicts"]
    assert report["previous_glue_commit"] == v2
    assert any("reached this branch squashed or rebased" in note for note in report["notes"])
    assert "threshold = 0.95" in dbx.show(report["merge_commit"], "risk_engine/jobs/process_a.py")


def test_without_the_trailer_a_squash_merge_conflicts_as_git_would(story: Story) -> None:
    """The control for the test above: the trailer is what finds the base."""
    dbx, glue = story
    job = "jobs/process_a.py"
    v2 = glue.commit("Glue: threshold 0.9", {job: JOB_A.replace("threshold = 0.8", "threshold = 0.9")})
    assert g2l(dbx.path, "sync", "--branch", f"g2l/sync-{v2[:7]}").code == 0
    squash_merge(story, f"g2l/sync-{v2[:7]}", keep_message=False)
    glue.commit("Glue: threshold 0.95", {job: JOB_A.replace("threshold = 0.8", "threshold = 0.95")})
    code, report = sync_pr(dbx.path)
    assert code == 1
    assert [c["path"] for c in report["conflicts"]] == ["risk_engine/jobs/process_a.py"]


def test_a_fresh_ci_clone_follows_the_remote_mirror_and_pushes_it_on(story: Story, tmp_path: Path) -> None:
    """A CI job clones the Databricks repository: it has no local glue-mirror; the sync takes the remote's."""
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    ci = tmp_path / "ci"
    git(tmp_path, "clone", "-q", str(bare), str(ci))
    assert "refs/heads/glue-mirror" not in git(ci, "for-each-ref", "refs/heads")
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    code, report = sync_pr(ci, "--glue", str(glue.path))
    assert code == 0, report["notes"]
    assert report["previous_glue_commit"] != glue_sha and report["files"]["added"] == ["risk_engine/jobs/process_c.py"]
    assert remote_refs(bare)["refs/heads/glue-mirror"] == report["mirror_commit"]
    assert git(ci, "rev-parse", f"g2l/sync-{glue_sha[:7]}^1") == dbx.rev("main")
    assert report["branch"] == f"g2l/sync-{glue_sha[:7]}"


def test_a_dry_run_with_pr_pushes_nothing_and_moves_no_ref(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    before, remote_before = dbx.refs(), remote_refs(bare)
    code, report = sync_pr(dbx.path, "--dry-run")
    assert code == 0 and report["dry_run"] is True and report["pull_request"] is None
    assert (dbx.refs(), remote_refs(bare)) == (before, remote_before)


def test_a_local_sync_branch_that_went_its_own_way_is_refused(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    branch = f"g2l/sync-{glue_sha[:7]}"
    assert sync_pr(dbx.path)[0] == 0
    git(dbx.path, "branch", "-f", branch, "main")  # a local branch of that name, unrelated to the pushed one
    dbx.write("notes.md", "local\n")
    git(dbx.path, "add", "notes.md")
    git(dbx.path, "commit", "-qm", "local work")
    git(dbx.path, "branch", "-f", branch, "HEAD")
    git(dbx.path, "reset", "-q", "--hard", "HEAD~1")
    before = remote_refs(bare)
    run = g2l(dbx.path, "sync", "--pr")
    assert run.code == 3
    assert run.output == (
        f"git g2l-sync: branch {branch} here and on the remote went separate ways; push or drop the local "
        f"commits (`git branch -f {branch} <remote>/{branch}`), then rerun\n"
    )
    assert remote_refs(bare) == before


def test_a_stale_local_sync_branch_catches_up_with_the_remote(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    bare = with_remote(story, tmp_path)
    glue_sha = glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    branch = f"g2l/sync-{glue_sha[:7]}"
    assert sync_pr(dbx.path)[0] == 0
    pushed = dbx.rev(branch)
    git(dbx.path, "branch", "-f", branch, "main")  # behind the remote's copy
    code, report = sync_pr(dbx.path)
    assert code == 0 and report["status"] == "up-to-date"
    assert dbx.rev(branch) == pushed == remote_refs(bare)[f"refs/heads/{branch}"]
