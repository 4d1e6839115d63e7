"""Weekly-sync stories over real repositories: Glue v1, init, Databricks edits, Glue v2, sync, exact results."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from conftest import JOB_A, LIB, DbxRepo, GlueRepo, Story, g2l, git
from g2l_merge import __version__
from g2l_merge import git as g2l_git
from g2l_merge import sync as sync_module

HEADER_A = "# g2l: converted from jobs/process_a.py\n"
A = "risk_engine/jobs/process_a.py"


def converted_a(text: str = JOB_A) -> str:
    return HEADER_A + text


def test_init_writes_config_builds_mirror_and_merges_it(story: Story) -> None:
    dbx = story.dbx
    assert dbx.read(A) == converted_a()
    assert dbx.read("risk_engine/lib/collateral.py") == "# g2l: converted from lib/collateral.py\n" + LIB
    assert not (dbx.path / "risk_engine/README.md").exists()
    assert not (dbx.path / "risk_engine/tests").exists()
    config_commit, mirror = dbx.parents("main")
    assert dbx.parents(mirror) == []
    assert git(dbx.path, "log", "-1", "--format=%s", config_commit) == "Configure g2l-merge"
    message = git(dbx.path, "log", "-1", "--format=%B", mirror)
    glue_head = git(story.glue.path, "rev-parse", "HEAD")
    assert f"G2l-Glue-Commit: {glue_head}" in message
    assert f"G2l-Converter: {__version__}" in message
    assert "G2l-Config: " in message
    assert git(dbx.path, "log", "-1", "--format=%an", mirror) == "Gus Glue"
    assert 'root = "risk_engine"' in dbx.read("g2l.toml")
    assert git(dbx.path, "config", "merge.g2l.driver") == "git-g2l-sync merge-driver %O %A %B %P"
    assert (dbx.path / ".git/info/attributes").read_text() == "* merge=g2l\n"
    assert git(dbx.path, "status", "--porcelain") == ""


def test_glue_change_merges_next_to_a_databricks_edit_in_the_same_file(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "horizon_days = 10\n", "horizon_days = 10\nspark.conf.set('uc', 'on')  # Databricks\n")
    old_tip = dbx.commit("Databricks: Unity Catalog setting")
    glue.commit("Glue: stricter threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.75")})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    expected = converted_a(
        JOB_A.replace("threshold = 0.8", "threshold = 0.75").replace(
            "horizon_days = 10\n", "horizon_days = 10\nspark.conf.set('uc', 'on')  # Databricks\n"
        )
    )
    assert dbx.read(A) == expected
    assert dbx.show("main", A) == expected.rstrip("\n")
    first, second = dbx.parents("main")
    assert first == old_tip
    assert second == dbx.rev("glue-mirror")
    assert dbx.parents("glue-mirror") == [dbx.parents(old_tip + "^")[1]]
    assert git(dbx.path, "status", "--porcelain") == ""


def test_overlapping_edit_is_a_real_conflict_with_both_sides_text(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "confidence = 0.99", "confidence = 0.995  # Databricks: regulator asked")
    old_tip = dbx.commit("Databricks: confidence")
    previous_glue = git(glue.path, "rev-parse", "HEAD")
    new_glue = glue.commit(
        "Glue: confidence", {"jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.975")}
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 1
    assert "content       risk_engine/jobs/process_a.py" in run.output
    expected_block = (
        "<<<<<<< main\n"
        "confidence = 0.995  # Databricks: regulator asked\n"
        f"||||||| glue {previous_glue[:12]} (last sync)\n"
        "confidence = 0.99\n"
        "=======\n"
        "confidence = 0.975\n"
        f">>>>>>> glue {new_glue[:12]}\n"
    )
    assert dbx.read(A) == converted_a(JOB_A.replace("confidence = 0.99\n", expected_block))
    assert dbx.rev("main") == old_tip
    assert (dbx.path / ".git/MERGE_HEAD").read_text().strip() == dbx.rev("glue-mirror")
    assert git(dbx.path, "status", "--porcelain") == f"UU {A}"
    dbx.write(A, converted_a(JOB_A.replace("confidence = 0.99", "confidence = 0.995")))
    git(dbx.path, "add", A)
    git(dbx.path, "commit", "--no-edit")
    assert dbx.parents("main") == [old_tip, dbx.rev("glue-mirror")]
    assert g2l(dbx.path, "sync").code == 0


def test_each_conflict_report_says_in_whole_what_to_run_next(story: Story) -> None:
    """The dry run's conflict line was cut short ("resolve them,"); each mode now ends its sentence."""
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    tip = dbx.commit("Databricks threshold")
    previous = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    head = f"Glue {new[:12]} (previous sync: {previous[:12]}) into main"
    conflict = f"  content       {A}"
    assert g2l(dbx.path, "sync", "--dry-run") == (
        1,
        f"Would merge {head}\n  updated  {A}\n"
        "CONFLICTS (1): this dry run changed nothing; run the sync without --dry-run, then resolve them\n"
        f"{conflict}\n",
    )
    assert dbx.rev("main") == tip
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync", "--dry-run") == (
        1,
        f"Would merge {head}, on branch g2l/sync\n  updated  {A}\n"
        "CONFLICTS (1): this dry run changed nothing; without --dry-run the merge commit on g2l/sync holds the "
        f"conflict markers, to resolve in a commit on top of it\n{conflict}\n",
    )
    run = g2l(dbx.path, "sync", "--branch", "g2l/sync")
    merge, mirror = dbx.rev("g2l/sync"), dbx.rev("glue-mirror")
    assert run == (
        1,
        f"Merging {head}, on branch g2l/sync\n  merge commit {merge[:12]}, mirror commit {mirror[:12]}\n"
        f"  updated  {A}\nCONFLICTS (1): resolve them in a commit on top of the merge commit on g2l/sync (its files "
        f"hold the conflict markers)\n{conflict}\n",
    )
    assert g2l(dbx.path, "sync") == (
        1,
        f"Merging {head}\n  updated  {A}\nCONFLICTS (1): resolve them, then `git add` and `git commit`\n{conflict}\n",
    )


def test_a_modify_delete_conflict_says_how_to_keep_either_side(story: Story) -> None:
    """`git add` alone brings a deleted file back: each modify/delete conflict names `git rm` and `git add`, and
    which side deleted the file (the file lines list Glue's change to it, as for every other file)."""
    dbx, glue = story
    git(dbx.path, "rm", "-q", A)
    dbx.commit("Databricks retires job a")
    previous = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    assert g2l(dbx.path, "sync") == (
        1,
        f"Merging Glue {new[:12]} (previous sync: {previous[:12]}) into main\n  updated  {A}\n"
        "CONFLICTS (1): resolve them, then `git add` and `git commit`\n"
        f"  modify-delete {A}\n"
        f"    Databricks deleted it, Glue changed it: keep the deletion with `git rm {A}`, or take Glue's version "
        f"with `git add {A}`\n",
    )
    git(dbx.path, "rm", "-q", A)  # the advice, followed: the deletion stays
    git(dbx.path, "commit", "-q", "--no-edit")
    assert not (dbx.path / A).exists()
    assert git(dbx.path, "ls-tree", "--name-only", "main", A) == ""


def test_a_modify_delete_conflict_where_glue_deleted_the_file(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Databricks threshold")
    previous = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit("Glue retires job a", {"jobs/process_a.py": None})
    assert g2l(dbx.path, "sync", "--dry-run") == (
        1,
        f"Would merge Glue {new[:12]} (previous sync: {previous[:12]}) into main\n  deleted  {A}\n"
        "CONFLICTS (1): this dry run changed nothing; run the sync without --dry-run, then resolve them\n"
        f"  modify-delete {A}\n"
        f"    Glue deleted it, Databricks changed it: take the deletion with `git rm {A}`, or keep Databricks' "
        f"version with `git add {A}`\n",
    )


def test_conflicted_merge_can_be_aborted_like_git_merge(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    tip = dbx.commit("Databricks threshold")
    glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    assert g2l(dbx.path, "sync").code == 1
    git(dbx.path, "merge", "--abort")
    assert dbx.rev("HEAD") == tip
    assert "threshold = 0.9\n" in dbx.read(A)
    assert git(dbx.path, "status", "--porcelain") == ""


def test_glue_add_delete_and_rename_with_databricks_edits_following_the_rename(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "horizon_days = 10\n", "horizon_days = 10\nlog_breaches = True  # Databricks\n")
    dbx.commit("Databricks edits job a")
    glue.commit(
        "Glue reorganises",
        {"jobs/new_job.py": "print('new')\n", "jobs/process_b.py": None},
        renames={"jobs/process_a.py": "jobs/limits/process_a.py"},
    )
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    report = json.loads(run.output)
    assert report["files"]["added"] == ["risk_engine/jobs/new_job.py"]
    assert report["files"]["deleted"] == ["risk_engine/jobs/process_b.py"]
    assert report["files"]["renamed"] == [{"from": A, "to": "risk_engine/jobs/limits/process_a.py"}]
    assert not (dbx.path / A).exists()
    assert not (dbx.path / "risk_engine/jobs/process_b.py").exists()
    assert dbx.read("risk_engine/jobs/new_job.py") == "# g2l: converted from jobs/new_job.py\nprint('new')\n"
    moved = dbx.read("risk_engine/jobs/limits/process_a.py")
    assert moved == "# g2l: converted from jobs/limits/process_a.py\n" + JOB_A.replace(
        "horizon_days = 10\n", "horizon_days = 10\nlog_breaches = True  # Databricks\n"
    )


def test_databricks_only_files_survive_every_sync(story: Story) -> None:
    dbx, glue = story
    dbx.write("monitoring/risk_monitor.py", "# g2l: native\nprint('monitor')\n")
    dbx.commit("Databricks monitoring")
    glue.commit("Glue v2", {"jobs/process_b.py": None, "jobs/process_c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    assert dbx.read("monitoring/risk_monitor.py") == "# g2l: native\nprint('monitor')\n"
    assert dbx.read("g2l.toml").startswith("# g2l-merge configuration")


def test_second_sync_without_glue_changes_is_up_to_date(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue v2", {"jobs/process_c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    before = dbx.refs()
    run = g2l(dbx.path, "sync")
    assert run.code == 0
    assert "Already up to date" in run.output
    assert dbx.refs() == before
    report = json.loads(g2l(dbx.path, "sync", "--json").output)
    assert report["status"] == "up-to-date"
    assert report["merge_commit"] is None


def test_glue_commit_outside_include_still_records_the_sync(story: Story) -> None:
    dbx, glue = story
    head = glue.commit("Glue docs only", {"README.md": "Glue jobs, documented\n"})
    run = g2l(dbx.path, "sync", "--json")
    report = json.loads(run.output)
    assert report["status"] == "clean"
    assert report["glue_commit"] == head
    assert report["files"] == {"added": [], "deleted": [], "renamed": [], "updated": []}
    assert json.loads(g2l(dbx.path, "status", "--json").output)["last_synced_glue_commit"] == head


def worktree_snapshot(path: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(path)): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(path).parts
    }


def test_dry_run_changes_no_ref_and_no_file(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Databricks threshold")
    glue.commit(
        "Glue threshold and a new job",
        {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"), "jobs/c.py": "c = 1\n"},
    )
    refs, files = dbx.refs(), worktree_snapshot(dbx.path)
    index = (dbx.path / ".git/index").read_bytes()
    run = g2l(dbx.path, "sync", "--dry-run", "--json")
    assert run.code == 1
    report = json.loads(run.output)
    assert report["dry_run"] is True
    assert report["merge_commit"] is None
    assert report["conflicts"] == [{"kind": "content", "path": A, "region": None}]
    assert report["files"]["added"] == ["risk_engine/jobs/c.py"]
    assert dbx.refs() == refs
    assert worktree_snapshot(dbx.path) == files
    assert (dbx.path / ".git/index").read_bytes() == index
    assert not (dbx.path / ".git/MERGE_HEAD").exists()


def test_branch_mode_in_a_bare_clone_commits_conflicts_with_markers(story: Story, tmp_path: Path) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Databricks threshold")
    glue.commit(
        "Glue threshold",
        {
            "jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"),
            "jobs/process_b.py": JOB_A.replace("limits", "limits_v2"),
        },
    )
    bare = tmp_path / "ci.git"
    git(tmp_path, "clone", "-q", "--bare", str(dbx.path), str(bare))
    git(bare, "fetch", "-q", "origin", "glue-mirror:glue-mirror")
    tip = git(bare, "rev-parse", "main")
    run = g2l(bare, "sync", "--branch", "g2l/sync-1", "--glue", str(glue.path), "--json")
    assert run.code == 1, run.output
    report = json.loads(run.output)
    assert report["conflicts"] == [{"kind": "content", "path": A, "region": None}]
    merge = git(bare, "rev-parse", "g2l/sync-1")
    assert report["merge_commit"] == merge
    assert git(bare, "rev-list", "--no-walk", "--parents", merge).split()[1:] == [
        tip,
        git(bare, "rev-parse", "glue-mirror"),
    ]
    assert git(bare, "rev-parse", "main") == tip
    merged = git(bare, "show", f"{merge}:{A}")
    assert "<<<<<<< main\nthreshold = 0.9\n|||||||" in merged
    assert "=======\nthreshold = 0.7\n>>>>>>> glue " in merged
    assert "limits_v2" in git(bare, "show", f"{merge}:risk_engine/jobs/process_b.py")


def test_branch_mode_leaves_the_work_tree_alone(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    (dbx.path / "scratch.txt").write_text("untracked notes\n")
    files = worktree_snapshot(dbx.path)
    run = g2l(dbx.path, "sync", "--branch", "g2l/sync-c")
    assert run.code == 0, run.output
    assert worktree_snapshot(dbx.path) == files
    assert dbx.show("g2l/sync-c", "risk_engine/jobs/c.py") == "# g2l: converted from jobs/c.py\nc = 1"
    assert dbx.parents("g2l/sync-c")[0] == dbx.rev("main")


def test_branch_mode_refuses_the_checked_out_branch(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    refs = dbx.refs()
    run = g2l(dbx.path, "sync", "--branch", "main")
    assert run.code == 3
    assert "main is checked out in this work tree" in run.output
    assert dbx.refs() == refs


def test_branch_mode_refuses_an_existing_branch_elsewhere(story: Story) -> None:
    dbx, glue = story
    git(dbx.path, "branch", "g2l/sync-old", "main~1")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    refs = dbx.refs()
    run = g2l(dbx.path, "sync", "--branch", "g2l/sync-old")
    assert run.code == 3
    assert "already exists" in run.output
    assert dbx.refs() == refs


def test_dirty_work_tree_is_refused_and_nothing_changes(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    dbx.edit(A, "threshold = 0.8", "threshold = 0.85")
    refs, files = dbx.refs(), worktree_snapshot(dbx.path)
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        3,
        "git g2l-sync: The work tree has uncommitted changes (risk_engine/jobs/process_a.py); sync cannot continue. "
        "Commit them (`git commit -a`) or stash them (`git stash`), then rerun `git g2l-sync sync`, or use --branch "
        "NAME to sync without the work tree.\n",
    )
    assert dbx.refs() == refs
    assert worktree_snapshot(dbx.path) == files


def test_held_lock_is_refused_with_its_holder_and_a_dead_holder_is_taken_over(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    lock = dbx.path / ".git" / g2l_git.LOCK_NAME
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        import socket

        lock.write_text(f"pid {sleeper.pid} on {socket.gethostname()} since 2026-11-26 07:00:00: sync\n")
        refs = dbx.refs()
        run = g2l(dbx.path, "sync")
        assert run.code == 3
        assert f"pid {sleeper.pid}" in run.output
        assert dbx.refs() == refs
    finally:
        sleeper.kill()
        sleeper.wait()
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert not lock.exists()


def test_target_that_moves_during_the_sync_is_refused(story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    real_plan = sync_module.plan_merge

    def concurrent_push(*args: object, **kwargs: object) -> sync_module.MergePlan:
        result = real_plan(*args, **kwargs)  # type: ignore[arg-type]
        other = git(dbx.path, "commit-tree", "main^{tree}", "-p", "main", "-m", "someone else commits meanwhile")
        git(dbx.path, "update-ref", "refs/heads/main", other)
        return result

    monkeypatch.setattr(sync_module, "plan_merge", concurrent_push)
    mirror_before = dbx.rev("glue-mirror")
    git(dbx.path, "checkout", "-q", "-b", "feature")
    run = g2l(dbx.path, "sync", "--branch", "main")
    assert run.code == 3
    assert "moved" in run.output
    assert git(dbx.path, "log", "-1", "--format=%s", "main") == "someone else commits meanwhile"
    assert dbx.rev("glue-mirror") == mirror_before


def test_adopt_records_a_hand_migrated_tree_and_brings_only_later_changes(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    adopted = glue.commit("Glue v1", {"jobs/process_a.py": JOB_A})
    dbx = DbxRepo(tmp_path / "dbx")
    hand_migrated = "# migrated by hand\n" + JOB_A.replace("from risk_lib import catalog\n", "import catalog\n")
    dbx.write("risk_engine/jobs/process_a.py", hand_migrated)
    tip = dbx.commit("Hand migration")
    glue.commit("Glue v2", {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 20")})
    run = g2l(dbx.path, "init", "--glue", "../glue", "--target-root", "risk_engine", "--adopt", adopted[:10])
    assert run.code == 0, run.output
    assert dbx.read(A) == hand_migrated
    config_commit, mirror = dbx.parents("main")
    assert dbx.parents(config_commit) == [tip]
    assert git(dbx.path, "rev-parse", "main^{tree}") == git(dbx.path, "rev-parse", f"{config_commit}^{{tree}}")
    assert f"G2l-Glue-Commit: {adopted}" in git(dbx.path, "log", "-1", "--format=%B", mirror)
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert dbx.read(A) == hand_migrated.replace("horizon_days = 10", "horizon_days = 20")


def test_non_python_included_files_are_carried_over_unchanged(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit(
        "Glue v1",
        {
            "jobs/a.py": "a = 1\n",
            "jobs/queries/limits.sql": "select 1\n",
            "jobs/skip/b.py": "b = 1\n",
            "other/c.py": "c = 1\n",
        },
    )
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/**", "--exclude", "jobs/skip/**")
    assert run.code == 0, run.output
    assert dbx.read("jobs/a.py") == "# g2l: converted from jobs/a.py\na = 1\n"
    assert dbx.read("jobs/queries/limits.sql") == "select 1\n"
    assert not (dbx.path / "jobs/skip").exists()
    assert not (dbx.path / "other").exists()


def test_status_and_log_read_everything_back_from_git(story: Story) -> None:
    dbx, glue = story
    first = git(glue.path, "rev-parse", "HEAD")
    glue.commit("Glue v2: add c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync", "--branch", "g2l/pending").code == 0
    third = glue.commit("Glue v3: add d", {"jobs/d.py": "d = 1\n"})
    status = json.loads(g2l(dbx.path, "status", "--json").output)
    assert status["last_synced_glue_commit"] == first
    assert status["glue_head"] == third
    assert status["glue_commits_behind"] == 2
    assert [c["glue_subject"] for c in status["unmerged_mirror_commits"]] == ["Glue v2: add c"]
    assert status["native_files"] == []
    assert status["converter_versions"] == [__version__]
    entries = json.loads(g2l(dbx.path, "log", "--json").output)
    assert [e["glue_subject"] for e in entries] == ["Glue v2: add c", "Glue v1"]
    assert entries[0]["merge_commit"] is None
    assert entries[1]["merge_commit"] == dbx.rev("main")
    assert entries[1]["date"].endswith("Z")
    text = g2l(dbx.path, "status").output
    assert "(2 commits not synced)" in text
    # the one file of g2l-merge's in the git directory is status's record of which files hold marker texts, for
    # one tree id: a cache, not state; without it status says the same
    record = dbx.path / ".git" / "g2l-marker-files"
    assert list((dbx.path / ".git").glob("g2l*")) == [record]
    record.unlink()
    assert g2l(dbx.path, "status").output == text


def test_status_lists_native_files_and_protected_regions(story: Story) -> None:
    dbx, _glue = story
    dbx.write("risk_engine/jobs/process_d.py", "# g2l: native\nx = 1\n")
    dbx.edit(A, "threshold = 0.8\n", "# g2l: protect begin uc\nthreshold = 0.8\n# g2l: protect end uc\n")
    dbx.commit("Databricks markers")
    status = json.loads(g2l(dbx.path, "status", "--json", "--offline").output)
    assert status["native_files"] == ["risk_engine/jobs/process_d.py"]
    assert status["protected_regions"] == [{"path": A, "name": "uc", "start": 14, "end": 16}]


def test_sync_with_a_glue_ref_and_a_glue_commit(story: Story) -> None:
    dbx, glue = story
    git(glue.path, "checkout", "-q", "-b", "release")
    release = glue.commit("Glue release fix", {"jobs/r.py": "r = 1\n"})
    git(glue.path, "checkout", "-q", "main")
    report = json.loads(g2l(dbx.path, "sync", "--glue-ref", "release", "--json").output)
    assert report["glue_commit"] == release
    assert (dbx.path / "risk_engine/jobs/r.py").exists()
    older = git(glue.path, "rev-parse", "main")
    report = json.loads(g2l(dbx.path, "sync", "--glue-ref", older, "--json").output)
    assert report["status"] == "up-to-date"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[source]\nrepo = '../glue'\nbogus = 1\n", "unknown key [source] bogus"),
        ("[source]\nrepo = '../glue'\n[target]\nroot = '../outside'\n", "[target] root"),
        ("[source]\nrepo = '../glue'\nref = 'bad..ref'\n", "[source] ref"),
        ("[source]\nrepo = '../glue'\n[extra]\n", "unknown section [extra]"),
        ("[source\n", "invalid TOML"),
        ("[target]\nroot = 'x'\n", "missing key [source] repo"),
    ],
)
def test_bad_config_exits_2_naming_the_key_and_changes_nothing(story: Story, config: str, message: str) -> None:
    dbx, glue = story
    dbx.write("g2l.toml", config)
    dbx.commit("Break the config")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    refs, files = dbx.refs(), worktree_snapshot(dbx.path)
    run = g2l(dbx.path, "sync")
    assert run.code == 2
    assert message in run.output
    assert run.output.count("\n") == 1
    assert "Traceback" not in run.output
    assert dbx.refs() == refs
    assert worktree_snapshot(dbx.path) == files


def test_init_refuses_an_already_configured_repository(story: Story) -> None:
    run = g2l(story.dbx.path, "init", "--glue", "../glue-risk-engine")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: g2l.toml: already exists; this repository is set up, run `git g2l-sync sync`\n",
    )


# -- the Glue ref init follows: --glue-ref, else the Glue repository's HEAD branch -----------------------------------


def glue_on_master(path: Path) -> tuple[GlueRepo, str, str]:
    """A Glue repository whose HEAD is `master`, with an older `main` beside it: (repo, main's, master's commit)."""
    glue = GlueRepo(path)
    old = glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    git(path, "branch", "-m", "main", "master")
    git(path, "branch", "main")
    return glue, old, glue.commit("Glue v2 on master", {"jobs/a.py": "a = 2\n"})


def init_report(dbx: DbxRepo, glue_commit: str, *notes: str) -> str:
    """init's text report of a first merge that adds jobs/a.py."""
    mirror = dbx.parents("main")[1]
    lines = [
        f"Merged Glue {glue_commit[:12]} (previous sync: (none)) into main",
        f"  merge commit {dbx.rev('main')[:12]}, mirror commit {mirror[:12]}",
        "  added    jobs/a.py",
        *(f"  note     {note}" for note in notes),
        NEXT.format("push main and glue-mirror to your remote"),
    ]
    return "\n".join(lines) + "\n"


NEXT = "next: git g2l-sync install-hooks (guards the markers), then {}"


def test_init_follows_the_glue_repositorys_head_branch_and_later_syncs_follow_it(tmp_path: Path) -> None:
    glue, _, head = glue_on_master(tmp_path / "glue")
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue")
    assert (run.code, run.output) == (
        0,
        init_report(dbx, head, "following Glue branch 'master' (the Glue repository's HEAD)"),
    )
    assert tomllib.loads(dbx.read("g2l.toml"))["source"]["ref"] == "master"
    assert dbx.read("jobs/a.py") == "# g2l: converted from jobs/a.py\na = 2\n"
    config_commit = dbx.parents("main")[0]
    assert git(dbx.path, "log", "-1", "--format=%b", config_commit) == "Glue repository: ../glue (master)"
    later = glue.commit("Glue v3 on master", {"jobs/a.py": "a = 3\n"})
    git(glue.path, "checkout", "-q", "main")  # the Glue repository's HEAD moves: g2l.toml's ref stays master
    git(glue.path, "commit", "-q", "--allow-empty", "-m", "Glue on main")
    report = json.loads(g2l(dbx.path, "sync", "--json").output)
    assert (report["status"], report["glue_commit"], report["notes"]) == ("clean", later, [])
    assert dbx.read("jobs/a.py") == "# g2l: converted from jobs/a.py\na = 3\n"


def test_init_reads_the_head_branch_of_a_bare_glue_repository_through_a_file_url(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "work")
    head = glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    git(tmp_path, "clone", "-q", "--bare", str(glue.path), str(tmp_path / "glue.git"))
    git(tmp_path / "glue.git", "branch", "-m", "main", "trunk")
    url = (tmp_path / "glue.git").as_uri()
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", url)
    assert (run.code, run.output) == (
        0,
        init_report(dbx, head, "following Glue branch 'trunk' (the Glue repository's HEAD)"),
    )
    source = tomllib.loads(dbx.read("g2l.toml"))["source"]
    assert (source["repo"], source["ref"]) == (url, "trunk")


def test_init_follows_glue_ref_when_it_is_given(tmp_path: Path) -> None:
    _, old, _ = glue_on_master(tmp_path / "glue")
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--glue-ref", "main")
    assert (run.code, run.output) == (0, init_report(dbx, old))
    assert tomllib.loads(dbx.read("g2l.toml"))["source"]["ref"] == "main"
    assert dbx.read("jobs/a.py") == "# g2l: converted from jobs/a.py\na = 1\n"


@pytest.mark.parametrize(
    ("remotes", "upstream", "push"),
    [
        (["origin"], None, "git push origin main glue-mirror"),
        (["backup", "origin"], None, "git push origin main glue-mirror"),
        (["company"], None, "git push company main glue-mirror"),
        (["backup", "company"], "company", "git push company main glue-mirror"),
        (["backup", "company"], None, "push main and glue-mirror to your remote"),
    ],
)
def test_init_ends_with_the_next_steps_naming_the_remote(
    tmp_path: Path, remotes: list[str], upstream: str | None, push: str
) -> None:
    GlueRepo(tmp_path / "glue").commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    for remote in remotes:
        git(dbx.path, "remote", "add", remote, f"../{remote}.git")
    if upstream:
        git(dbx.path, "config", "branch.main.remote", upstream)
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/**")
    assert (run.code, run.output.splitlines()[-1]) == (0, NEXT.format(push))
    git(dbx.path, "reset", "-q", "--hard", "HEAD~2")
    git(dbx.path, "branch", "-q", "-D", "glue-mirror")
    report = g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/**", "--json")
    assert report.code == 0
    assert "next:" not in report.output
    assert json.loads(report.output)["notes"] == ["following Glue branch 'main' (the Glue repository's HEAD)"]


def test_unreadable_glue_repository_is_bad_input(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    refs = dbx.refs()
    run = g2l(dbx.path, "init", "--glue", "../nowhere")
    assert run.code == 2
    assert "../nowhere" in run.output or "nowhere" in run.output
    assert dbx.refs() == refs
    assert not (dbx.path / "g2l.toml").exists()


def test_installed_console_script_runs_as_a_git_subcommand(tmp_path: Path) -> None:
    bindir = Path(os.path.dirname(os.path.realpath(os.sys.executable)))  # type: ignore[attr-defined]
    env = {
        **os.environ,
        "PATH": f"{Path(os.sys.executable).parent}{os.pathsep}{bindir}{os.pathsep}"  # type: ignore[attr-defined]
        f"{os.environ['PATH']}",
    }
    proc = subprocess.run(["git", "g2l-sync", "-h"], capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    for command in ("init", "sync", "status", "log"):
        assert command in proc.stdout
    proc = subprocess.run(
        ["git", "g2l-sync", "status"], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("git g2l-sync: ") and "not a git repository" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_review_item_takes_the_occurrence_of_its_comment_nearest_its_line() -> None:
    comment = "# g2l: review G2L103: JDBC credentials"
    finding = sync_module.Finding("jobs/a.py", 9, "G2L103", "JDBC credentials")
    merged = ["x = 1", comment, "a = read()", "", "", "", "", "", comment, "b = read()", ""]
    assert sync_module._locate(finding, [merged, []]) == 9
    assert sync_module._locate(finding._replace(line=2), [merged, []]) == 2
    assert sync_module._locate(finding._replace(line=5), [merged, []]) == 2  # as near: the first
    assert sync_module._locate(finding, [["x = 1", ""], ["y = 2", comment]]) == 2  # else the mirror file's
    assert sync_module._locate(finding, [["x = 1", "y = 2", ""], []]) == 9  # else the converter's line
    assert sync_module._locate(finding._replace(line=0), [["x = 1", ""], []]) == 0
