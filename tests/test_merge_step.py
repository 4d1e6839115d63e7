"""The merge step of a sync: git's merge-tree with its built-in text merge, the constraints applied in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import JOB_A, Story, g2l, git
from g2l_merge import git as git_module
from g2l_merge import mergefile

A = "risk_engine/jobs/process_a.py"
B = "risk_engine/jobs/process_b.py"
REGION = "# g2l: protect begin uc\nthreshold = 0.8\n# g2l: protect end uc\n"


def both_sides_change(story: Story) -> None:
    """The Databricks team protects a region in A and edits B; Glue changes other lines of both files."""
    story.dbx.edit(A, "threshold = 0.8\n", REGION)
    story.dbx.edit(B, 'mode="append"', 'mode="overwrite"')
    story.dbx.commit("Databricks edits")
    job_b = JOB_A.replace("exposures", "trades")
    story.glue.commit(
        "Glue edits",
        {
            "jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.95"),
            "jobs/process_b.py": job_b.replace("confidence = 0.99", "confidence = 0.95"),
        },
    )


def test_merge_tree_starts_no_process_per_file(story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files both sides changed merge inside merge-tree (git's text merge), not through a driver it spawns."""
    both_sides_change(story)
    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("GIT_TRACE", str(trace))
    run = g2l(story.dbx.path, "sync")
    monkeypatch.delenv("GIT_TRACE")
    assert run.code == 0, run.output
    lines = trace.read_text().splitlines()
    assert any("built-in: git merge-tree" in line for line in lines)
    assert not [line for line in lines if "run_command:" in line and "merge-file" in line]
    assert "confidence = 0.95\n" in story.dbx.read(B)
    assert 'mode="overwrite"' in story.dbx.read(B)
    assert REGION + "horizon_days = 10\nconfidence = 0.95\n" in story.dbx.read(A)


def test_merge_step_leaves_no_stand_in_directory(story: Story) -> None:
    both_sides_change(story)
    objects = set(git(story.dbx.path, "count-objects", "-v").splitlines())
    assert g2l(story.dbx.path, "sync").code == 0
    git_dir = story.dbx.path / ".git"
    assert not [p.name for p in git_dir.iterdir() if p.name.startswith("g2l-merge-dir-")]
    assert objects != set(git(story.dbx.path, "count-objects", "-v").splitlines())  # the merge's objects stayed
    git(story.dbx.path, "fsck", "--no-progress")


def test_merge_step_in_a_linked_work_tree(story: Story) -> None:
    """A sync run from a `git worktree add` checkout: the attributes, objects and refs are the main folder's."""
    both_sides_change(story)
    linked = story.dbx.path.parent / "linked"
    git(story.dbx.path, "switch", "-q", "-c", "parked")
    git(story.dbx.path, "worktree", "add", "-q", str(linked), "main")
    run = g2l(linked, "sync")
    assert run.code == 0, run.output
    assert "confidence = 0.95\n" in (linked / B).read_text()
    assert 'mode="overwrite"' in (linked / B).read_text()
    assert REGION + "horizon_days = 10\nconfidence = 0.95\n" in (linked / A).read_text()


def test_without_the_driver_attribute_merge_tree_runs_in_the_repository(story: Story) -> None:
    """A repository whose info/attributes does not name the driver keeps its own attributes (merge=union here)."""
    attributes = story.dbx.path / ".git" / "info" / "attributes"
    attributes.write_text("")
    story.dbx.write(".gitattributes", "*.py merge=union\n")
    both_sides_change(story)
    story.dbx.edit(B, "confidence = 0.99", "confidence = 0.9")
    story.dbx.commit("Databricks: union merges, and a change Glue also makes")
    run = g2l(story.dbx.path, "sync")
    assert run.code == 0, run.output
    assert "confidence = 0.9\nconfidence = 0.95\n" in story.dbx.read(B)


LINES = ["a\n", "b\n", "c\n", "}\n", "\n", "x = 1\n", "b", "\r\n", "é\n"]
texts = st.lists(st.sampled_from([*LINES, "\x00\n"]), max_size=14).map("".join)
merge_texts = st.lists(st.sampled_from(LINES), max_size=14).map("".join)  # git merge-file refuses binary files


@settings(max_examples=60, deadline=None)
@given(pairs=st.lists(st.tuples(texts, texts), min_size=1, max_size=6))
def test_diff_batch_is_git_diff_file_by_file(pairs: list[tuple[str, str]]) -> None:
    """One `git diff --no-index` over folders gives each pair exactly what git gives that pair alone."""
    wanted = [(old.encode(), new.encode(), context) for old, new in pairs for context in ("-U0", "-U3")]
    known = git_module.diff_batch(wanted)
    for old, new, context in wanted:
        if old != new:
            assert known[(old, new, context)] == git_module._diff_no_index(old, new, context)
        assert git_module.diff_hunks(old, new, known) == git_module.diff_hunks(old, new)
        assert git_module.unified_patch(old, new, "p.py", known) == git_module.unified_patch(old, new, "p.py")
    assert {key for key in known if key[0] == key[1]} == set()


@settings(max_examples=30, deadline=None)
@given(base=merge_texts, ours_edit=merge_texts, theirs=merge_texts, at=st.integers(0, 6))
def test_merge_file_with_diffs_computed_ahead_is_the_same(base: str, ours_edit: str, theirs: str, at: int) -> None:
    lines = base.splitlines(keepends=True)
    at = min(at, len(lines))
    ours = (
        "".join(lines[:at]) + "# g2l: protect begin r\n" + ours_edit + "\n# g2l: protect end r\n" + "".join(lines[at:])
    )
    args = (base.encode(), ours.encode(), theirs.encode())
    known = git_module.diff_batch(mergefile.diffs_needed(*args))
    assert mergefile.merge_file(*args, "p.py", diffs=known) == mergefile.merge_file(*args, "p.py")
    native = mergefile.diffs_needed(*args, native=True)
    assert mergefile.merge_file(*args, "p.py", native=True, diffs=git_module.diff_batch(native)) == (
        mergefile.merge_file(*args, "p.py", native=True)
    )
