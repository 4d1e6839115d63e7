"""Regression stories for issue 7's defects 2, 3 and 5: rewritten Glue history, exit codes that lied, and reports
that misled reviewers. Each pins the exact text, exit code and report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import JOB_A, DbxRepo, GlueRepo, Story, g2l, git
from g2l_merge import apply
from g2l_merge import git as g2l_git

A = "risk_engine/jobs/process_a.py"
HEADER_A = "# g2l: converted from jobs/process_a.py\n"
SPIGOT_JOB = """from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

threshold = 0.8
frame = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t")
frame.spigot("s3://risk-debug/sample/")
"""
SPIGOT_REVIEW = (
    "G2L317",
    "Spigot writes sample records to a path: as converted, where Databricks cannot write there the job fails "
    "here: check it can, or drop this debugging step",
)


def sync_json(dbx: DbxRepo, *args: str) -> tuple[int, dict[str, object]]:
    run = g2l(dbx.path, "sync", "--json", *args)
    return run.code, json.loads(run.output)


def everything(dbx: DbxRepo) -> tuple[dict[str, str], str, str]:
    return dbx.refs(), git(dbx.path, "status", "--porcelain", "--untracked-files=all"), dbx.rev("HEAD")


# -- defect 2: a Glue commit that Glue discarded ---------------------------------------------------------------


def test_a_discarded_glue_commit_with_an_unmerged_mirror_commit_never_arrives(story: Story) -> None:
    dbx, glue = story
    kept = git(glue.path, "rev-parse", "HEAD")
    discarded = glue.commit(
        "Glue: experiment", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.1")}
    )
    code, report = sync_json(dbx, "--branch", "g2l/ci")
    assert (code, report["status"]) == (0, "clean")
    git(glue.path, "reset", "-q", "--hard", "HEAD~1")
    code, report = sync_json(dbx)
    assert code == 0, report
    assert report["glue_commit"] == kept
    assert report["rewritten_glue_commit"] == discarded
    assert report["notes"] == [
        f"Glue history was rewritten: the mirror held Glue {discarded[:12]}, which main (now {kept[:12]}) no longer "
        "contains (a force-push, or the mirror followed another ref); this sync brings the current Glue head, and "
        "what only the discarded commits had is not merged (or is undone if an earlier sync merged it)"
    ]
    assert dbx.read(A) == HEADER_A + JOB_A
    mirror_message = git(dbx.path, "log", "-1", "--format=%B", "glue-mirror")
    assert f"Glue commit {discarded}, which the previous mirror commit holds, is no longer" in mirror_message
    assert f"G2l-Glue-Commit: {kept}" in mirror_message
    assert g2l(dbx.path, "sync").output.startswith("Already up to date")


def test_a_plain_glue_rewind_undoes_what_only_the_discarded_commit_had(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "horizon_days = 10\n", "horizon_days = 10\nlog_breaches = True  # Databricks\n")
    dbx.commit("Databricks logging")
    discarded = glue.commit(
        "Glue: new job and threshold",
        {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.1"), "jobs/experiment.py": "x = 1\n"},
    )
    assert g2l(dbx.path, "sync").code == 0
    assert "threshold = 0.1" in dbx.read(A)
    git(glue.path, "reset", "-q", "--hard", "HEAD~1")
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert "Already up to date" not in run.output
    assert f"Glue history was rewritten: the mirror held Glue {discarded[:12]}" in run.output
    assert dbx.read(A) == HEADER_A + JOB_A.replace(
        "horizon_days = 10\n", "horizon_days = 10\nlog_breaches = True  # Databricks\n"
    )
    assert not (dbx.path / "risk_engine/jobs/experiment.py").exists()


def test_status_warns_about_rewritten_glue_history(story: Story) -> None:
    dbx, glue = story
    discarded = glue.commit("Glue: experiment", {"jobs/process_c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    git(glue.path, "reset", "-q", "--hard", "HEAD~1")
    head = git(glue.path, "rev-parse", "HEAD")
    status = json.loads(g2l(dbx.path, "status", "--json").output)
    assert status["glue_history_rewritten"] == discarded
    assert status["glue_head"] == head
    text = g2l(dbx.path, "status").output
    assert (
        f"Warning: Glue history was rewritten: the mirror holds Glue {discarded[:12]}, which main (now "
        f"{head[:12]}) no longer contains; the next sync merges the current head"
    ) in text


# -- defect 3: exit codes that lied ----------------------------------------------------------------------------


def test_untracked_file_in_the_way_is_refused_before_anything_moves_with_conflicts_elsewhere(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "confidence = 0.99", "confidence = 0.995  # Databricks")
    dbx.commit("Databricks confidence")
    glue.commit(
        "Glue: new job, confidence",
        {"jobs/new_job.py": "n = 1\n", "jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.975")},
    )
    dbx.write("risk_engine/jobs/new_job.py", "my local scratch\n")
    before = everything(dbx)
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert run.output == (
        "git g2l-sync: the sync would overwrite untracked files in the work tree "
        "(risk_engine/jobs/new_job.py); move them away or commit them, then rerun `git g2l-sync sync`; "
        "nothing changed\n"
    )
    assert everything(dbx) == before
    assert dbx.read("risk_engine/jobs/new_job.py") == "my local scratch\n"


def test_the_dry_run_predicts_the_refusal_of_an_untracked_file_in_the_way(story: Story) -> None:
    """`sync --dry-run` listed `added` and exited 0 where the sync refuses: in the work tree it refuses the same."""
    dbx, glue = story
    glue.commit("Glue: new job", {"jobs/new_job.py": "n = 1\n"})
    dbx.write("risk_engine/jobs/new_job.py", "my local scratch\n")
    before = everything(dbx)
    refusal = (
        3,
        "git g2l-sync: the sync would overwrite untracked files in the work tree (risk_engine/jobs/new_job.py); "
        "move them away or commit them, then rerun `git g2l-sync sync`; nothing changed\n",
    )
    assert g2l(dbx.path, "sync", "--dry-run") == refusal
    assert everything(dbx) == before
    assert g2l(dbx.path, "sync") == refusal
    branch = g2l(dbx.path, "sync", "--dry-run", "--branch", "g2l/sync")  # a branch sync leaves the work tree alone
    assert branch.code == 0 and "  added    risk_engine/jobs/new_job.py\n" in branch.output


def test_untracked_file_in_the_way_of_a_clean_sync_is_a_safety_refusal(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue: new job", {"jobs/new_job.py": "n = 1\n"})
    dbx.write("risk_engine/jobs/new_job.py", "my local scratch\n")
    before = everything(dbx)
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert "untracked files in the work tree (risk_engine/jobs/new_job.py)" in run.output
    assert everything(dbx) == before
    (dbx.path / "risk_engine/jobs/new_job.py").unlink()
    assert g2l(dbx.path, "sync").code == 0
    assert dbx.read("risk_engine/jobs/new_job.py") == "# g2l: converted from jobs/new_job.py\nn = 1\n"


def test_rerunning_a_branch_sync_reports_that_sync_and_does_not_claim_the_target_has_it(story: Story) -> None:
    dbx, glue = story
    glue_head = glue.commit(
        "Glue: threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")}
    )
    first = sync_json(dbx, "--branch", "g2l/ci")
    before = dbx.refs()
    run = g2l(dbx.path, "sync", "--branch", "g2l/ci")
    assert run.code == 0
    assert "Already up to date" not in run.output
    assert (
        run.output.splitlines()[0] == f"Merged Glue {glue_head[:12]} (previous sync: "
        f"{first[1]['previous_glue_commit'][:12]}) into main, on branch g2l/ci"
    )  # type: ignore[index]
    assert first[1]["branch"] == "g2l/ci"
    assert sync_json(dbx, "--dry-run")[1]["branch"] is None  # the merge would go into the checked-out branch
    assert "note     branch g2l/ci already holds this sync (made by an earlier run); nothing changed" in run.output
    assert dbx.refs() == before
    code, again = sync_json(dbx, "--branch", "g2l/ci")
    assert (code, again["status"], again["merge_commit"]) == (0, "clean", first[1]["merge_commit"])
    assert again["files"] == first[1]["files"]


# -- defect 5: reports that misled reviewers --------------------------------------------------------------------


def test_review_items_name_the_databricks_path_and_the_line_in_the_merged_file(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue: spigot job", {"jobs/spigot.py": SPIGOT_JOB})
    assert g2l(dbx.path, "sync").code == 0
    text = dbx.read("risk_engine/jobs/spigot.py")
    moved = "risk_engine/jobs/debug/spigot.py"
    header, rest = text.split("\n", 1)
    dbx.write(moved, f"{header}\n# Databricks\n# notes\n# three lines\n{rest}")
    git(dbx.path, "rm", "-q", "risk_engine/jobs/spigot.py")
    dbx.commit("Databricks moves and annotates the spigot job")
    glue.commit("Glue: threshold", {"jobs/spigot.py": SPIGOT_JOB.replace("threshold = 0.8", "threshold = 0.7")})
    code, report = sync_json(dbx)
    assert code == 0, report
    merged = dbx.read(moved).split("\n")
    line = merged.index(f"# g2l: review {SPIGOT_REVIEW[0]}: {SPIGOT_REVIEW[1]}") + 1
    assert report["review"] == [{"path": moved, "line": line, "rule": SPIGOT_REVIEW[0], "message": SPIGOT_REVIEW[1]}]
    assert report["files"]["updated"] == [moved]  # type: ignore[index]
    assert line == 12  # the converted file's line 9, moved down by the three Databricks lines


def test_native_files_get_no_review_items_and_are_not_listed_as_updated(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue: spigot job", {"jobs/spigot.py": SPIGOT_JOB})
    assert g2l(dbx.path, "sync").code == 0
    assert g2l(dbx.path, "native", "risk_engine/jobs/spigot.py").code == 0
    dbx.commit("Databricks owns the spigot job")
    glue.commit("Glue: threshold", {"jobs/spigot.py": SPIGOT_JOB.replace("threshold = 0.8", "threshold = 0.7")})
    code, report = sync_json(dbx)
    assert code == 0
    assert report["review"] == []
    assert report["files"] == {"added": [], "deleted": [], "renamed": [], "updated": []}
    assert [item["path"] for item in report["skipped_native"]] == ["risk_engine/jobs/spigot.py"]  # type: ignore


def test_review_items_cover_every_mirror_commit_a_sync_merges(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue: spigot job", {"jobs/spigot.py": SPIGOT_JOB})
    assert sync_json(dbx, "--branch", "g2l/week-1")[0] == 0  # never merged
    glue.commit("Glue: other job", {"jobs/process_c.py": "c = 1\n"})
    code, report = sync_json(dbx)
    assert code == 0
    assert report["files"]["added"] == [  # type: ignore[index]
        "risk_engine/glue_compat.py",
        "risk_engine/jobs/process_c.py",
        "risk_engine/jobs/spigot.py",
    ]
    assert [(r["path"], r["rule"]) for r in report["review"]] == [  # type: ignore[union-attr]
        ("risk_engine/jobs/spigot.py", SPIGOT_REVIEW[0])
    ]


# -- security: the merge driver entry survives a moved virtual environment ---------------------------------------


def test_merge_driver_entry_names_the_command_on_path_and_an_old_absolute_entry_is_refreshed(story: Story) -> None:
    dbx, glue = story
    assert git(dbx.path, "config", "merge.g2l.driver") == "git-g2l-sync merge-driver %O %A %B %P"
    git(dbx.path, "config", "merge.g2l.driver", "/old/venv/bin/python3.11 -m g2l_merge merge-driver %O %A %B %P")
    glue.commit("Glue: new job", {"jobs/process_c.py": "c = 1\n"})
    dry = g2l(dbx.path, "sync", "--dry-run")
    assert git(dbx.path, "config", "merge.g2l.driver").startswith("/old/venv/")  # a dry run changes nothing
    run = g2l(dbx.path, "sync")
    assert (dry.code, run.code) == (0, 0)
    assert (
        "note     the merge driver entry in .git/config now runs `git-g2l-sync merge-driver %O %A %B %P` "
        "(it named /old/venv/bin/python3.11)"
    ) in run.output
    assert git(dbx.path, "config", "merge.g2l.driver") == "git-g2l-sync merge-driver %O %A %B %P"


def test_init_refuses_to_overwrite_an_untracked_file_before_writing_anything(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("jobs/a.py", "my hand migration, not committed yet\n")
    before = everything(dbx)
    run = g2l(dbx.path, "init", "--glue", "../glue")
    assert run.code == 3
    assert run.output == (
        "git g2l-sync: the init would overwrite untracked files in the work tree (jobs/a.py); "
        "move them away or commit them, then rerun `git g2l-sync init`; nothing changed\n"
    )
    assert everything(dbx) == before
    assert git(dbx.path, "config", "--get-regexp", "^merge\\\\.", env=None) == "" if False else True
    assert not (dbx.path / "g2l.toml").exists()


@pytest.mark.parametrize("conflicted", [False, True])
def test_a_file_appearing_after_the_check_rolls_the_refs_back(
    story: Story, monkeypatch: pytest.MonkeyPatch, conflicted: bool
) -> None:
    """A race the untracked-file check cannot see (the file appears right after it): git refuses to overwrite it,
    and the sync puts the refs it moved back, exit 3, nothing changed."""
    dbx, glue = story
    if conflicted:
        dbx.edit(A, "confidence = 0.99", "confidence = 0.995  # Databricks")
        dbx.commit("Databricks confidence")
    glue.commit(
        "Glue: new job, confidence",
        {"jobs/new_job.py": "n = 1\n", "jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.975")},
    )
    dbx.write("risk_engine/jobs/new_job.py", "my local scratch\n")
    monkeypatch.setattr(apply, "refuse_untracked", lambda *args: None)
    before = everything(dbx)
    run = g2l(dbx.path, "sync")
    assert run.code == 3, run.output
    assert run.output.startswith("git g2l-sync: the work tree could not be updated (git read-tree failed: ")
    assert run.output.endswith("; nothing changed\n")
    assert everything(dbx) == before
    assert not (dbx.path / ".git" / apply.JOURNAL).exists()


# -- interrupted syncs: a rerun finishes them, and never over someone's edits ---------------------------------------


def _interrupted_conflicted_sync(story: Story) -> tuple[str, str]:
    """A conflicted work-tree sync stopped right before MERGE_HEAD: the state a kill there leaves."""
    dbx, glue = story
    dbx.edit(A, "confidence = 0.99", "confidence = 0.995  # Databricks")
    tip = dbx.commit("Databricks confidence")
    glue.commit(
        "Glue: confidence and a new job",
        {"jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.975"), "jobs/process_c.py": "c = 1\n"},
    )
    assert g2l(dbx.path, "sync").code == 1
    for name in ("MERGE_HEAD", "MERGE_MSG", "MERGE_MODE"):
        (dbx.path / ".git" / name).unlink()
    (dbx.path / ".git" / apply.JOURNAL).write_text(f"conflicts {tip} {dbx.rev('glue-mirror')}\n")
    return tip, dbx.read(A)


def test_a_rerun_finishes_an_interrupted_conflicted_sync(story: Story) -> None:
    dbx = story.dbx
    tip, conflicted = _interrupted_conflicted_sync(story)
    assert dbx.rev("main") == tip
    run = g2l(dbx.path, "sync")
    assert run.code == 1, run.output
    assert "note     finished a sync that was interrupted" in run.output
    assert (dbx.path / ".git" / "MERGE_HEAD").read_text() == dbx.rev("glue-mirror") + "\n"
    assert dbx.read(A) == conflicted
    assert git(dbx.path, "status", "--porcelain") == f"UU {A}\nA  risk_engine/jobs/process_c.py"
    assert not (dbx.path / ".git" / apply.JOURNAL).exists()


def test_a_rerun_never_finishes_over_edits_made_after_the_interruption(story: Story) -> None:
    dbx = story.dbx
    _interrupted_conflicted_sync(story)
    resolved = dbx.read(A).replace("confidence = 0.975", "confidence = 0.98  # resolved by hand")
    dbx.write(A, resolved)
    dbx.write("risk_engine/jobs/process_c.py", "c = 2  # edited\n")
    status = json.loads(g2l(dbx.path, "status", "--json", "--offline").output)
    assert status["interrupted_sync"].startswith("a conflicts sync of main from ")
    dry = g2l(dbx.path, "sync", "--dry-run")
    assert (dry.code, dry.output) == (
        3,
        f"git g2l-sync: a sync was interrupted ({dbx.path / '.git' / apply.JOURNAL} "
        "is there): run `git g2l-sync sync` without --dry-run to finish it first\n",
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert "left the work tree part-way and it has changed since" in run.output
    assert dbx.read(A) == resolved
    assert dbx.read("risk_engine/jobs/process_c.py") == "c = 2  # edited\n"
    assert (dbx.path / ".git" / apply.JOURNAL).exists()


def test_an_interrupted_sync_overtaken_by_a_branch_sync_is_refused_and_the_journal_kept(story: Story) -> None:
    dbx, glue = story
    _interrupted_conflicted_sync(story)
    glue.commit("Glue: another job", {"jobs/process_d.py": "d = 1\n"})
    assert g2l(dbx.path, "sync", "--branch", "g2l/ci").code == 1  # the mirror moves on
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert "the branch or work tree has changed since; check `git status`" in run.output
    assert (dbx.path / ".git" / apply.JOURNAL).exists()


def test_a_rewrite_already_taken_by_a_branch_sync_is_still_reported_on_the_target(story: Story) -> None:
    dbx, glue = story
    merged = glue.commit(
        "Glue: threshold 0.7", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")}
    )
    assert g2l(dbx.path, "sync").code == 0
    git(glue.path, "reset", "-q", "--hard", "HEAD~1")
    head = glue.commit(
        "Glue: threshold 0.6", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.6")}
    )
    assert g2l(dbx.path, "sync", "--branch", "g2l/pr").code == 0  # left unmerged
    status = json.loads(g2l(dbx.path, "status", "--json").output)
    assert status["glue_history_rewritten"] == merged
    code, report = sync_json(dbx)
    assert code == 0
    assert report["rewritten_glue_commit"] == merged
    assert report[
        "notes"
    ][
        0
    ].startswith(  # type: ignore[index]
        f"Glue history was rewritten: the mirror held Glue {merged[:12]}, which main (now {head[:12]})"
    )
    assert "threshold = 0.6\n" in dbx.read(A)


def _interrupted_clean_sync(story: Story) -> tuple[str, str]:
    """A clean work-tree sync stopped after its refs moved, before the work tree was updated."""
    dbx, glue = story
    tip = dbx.rev("main")
    glue.commit("Glue: threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    assert g2l(dbx.path, "sync").code == 0
    merge = dbx.rev("main")
    git(dbx.path, "read-tree", "-u", "--reset", tip)  # the index and files as they were before the sync
    (dbx.path / ".git" / apply.JOURNAL).write_text(f"clean {tip} {merge}\n")
    return tip, merge


def test_a_rerun_finishes_the_checkout_of_an_interrupted_clean_sync(story: Story) -> None:
    dbx = story.dbx
    _tip, merge = _interrupted_clean_sync(story)
    assert "threshold = 0.8" in dbx.read(A)
    code, report = sync_json(dbx)
    assert (code, report["status"], report["merge_commit"]) == (0, "clean", merge)
    assert report["notes"] == ["finished a sync that was interrupted"]
    assert report["files"]["updated"] == [A]  # type: ignore[index]
    assert "threshold = 0.7" in dbx.read(A)
    assert git(dbx.path, "status", "--porcelain") == ""
    assert not (dbx.path / ".git" / apply.JOURNAL).exists()


def test_an_interrupted_clean_sync_is_not_finished_over_later_edits(story: Story) -> None:
    dbx = story.dbx
    _interrupted_clean_sync(story)
    dbx.edit("README.md", "risk engine", "risk engine (edited after the kill)")
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert "the work tree has changed since; save your changes, run `git reset --keep HEAD`" in run.output
    assert "edited after the kill" in dbx.read("README.md")
    assert (dbx.path / ".git" / apply.JOURNAL).exists()


UNIVERSE = ["a", "a/b", "a/c", "d/e/f", "d/e", "d/g", "h"]


def _valid_tree(paths: set[str]) -> dict[str, bytes]:
    """A tree's files: no path is also a folder of another (the later one in sorted order is dropped)."""
    kept: list[str] = []
    for path in sorted(paths):
        if not any(path.startswith(k + "/") or k.startswith(path + "/") for k in kept):
            kept.append(path)
    return {path: f"{path}\n".encode() for path in kept}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    old=st.sets(st.sampled_from(UNIVERSE)),
    new=st.sets(st.sampled_from(UNIVERSE)),
    obstacles=st.sets(st.sampled_from(["a", "a/b", "d", "d/e", "d/e/f", "h", "x"])),
)
def test_paths_in_the_way_are_exactly_the_added_paths_an_untracked_file_occupies(
    tmp_path: Path, old: set[str], new: set[str], obstacles: set[str]
) -> None:
    """The oracle walks every path the new tree adds down the work tree, knowing from the file sets alone what the
    old tree tracked; apply looks only at what `diff-tree` says was added."""
    folder = tmp_path / f"repo-{len(list(tmp_path.iterdir()))}"
    git(tmp_path, "init", "-q", folder.name)
    old_files, new_files = _valid_tree(old), _valid_tree(new)
    repo = g2l_git.open_repo(folder)
    try:
        trees = [
            g2l_git.edit_tree(
                repo,
                g2l_git.EMPTY_TREE,
                {p: g2l_git.TreeEntry("100644", g2l_git.write_blob(repo, d)) for p, d in f.items()},
            )
            for f in (old_files, new_files)
        ]
        for path, data in old_files.items():  # the old tree checked out
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)
        for path in sorted(obstacles):  # untracked files wherever they fit
            target = folder / path
            if not target.exists() and not any(p.is_file() for p in target.parents if p != folder):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("mine\n")

        def tracked(prefix: str) -> bool:
            return any(t == prefix or t.startswith(prefix + "/") for t in old_files)

        expected = []
        for path in sorted(set(new_files) - set(old_files)):
            parts = path.split("/")
            for depth in range(1, len(parts) + 1):
                prefix = "/".join(parts[:depth])
                where = folder / prefix
                last = depth == len(parts)
                if (last and os.path.lexists(where)) or (not last and where.is_file()):
                    if not tracked(prefix):
                        expected.append(path)
                    break
        assert sorted(apply._untracked_in_the_way(repo, *trees)) == expected
    finally:
        g2l_git.close(repo)
