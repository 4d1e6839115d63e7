"""The merge step of a sync: git's merge-tree with its built-in text merge, the constraints applied in-process."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import JOB_A, Story, g2l, git
from g2l_merge import git as git_module
from g2l_merge import mergefile
from g2l_merge.config import CONFIG_FILE, load
from g2l_merge.plan import plan_merge

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


names = st.sampled_from(["a", "b", "a.b", "a-b", "c d", "é", "a0"])
paths = st.lists(names, min_size=1, max_size=3).map("/".join)
modes = st.sampled_from(["100644", "100755", "120000", "160000"])


def run(folder: Path, *args: str, input: str = "", env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=folder, input=input, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def files_only(paths: set[str]) -> bool:
    """No path is a folder of another (a tree cannot hold both)."""
    return not any(other.startswith(path + "/") for path in paths for other in paths)


@settings(max_examples=40, deadline=None)
@given(
    files=st.dictionaries(paths, st.tuples(modes, st.integers(0, 2)), min_size=1, max_size=8),
    changes=st.dictionaries(paths, st.none() | st.tuples(modes, st.integers(0, 2)), min_size=1, max_size=5),
)
def test_edit_tree_is_what_git_writes_from_an_index(
    files: dict[str, tuple[str, int]], changes: dict[str, tuple[str, int] | None]
) -> None:
    assume(files_only(set(files)))
    assume(files_only({path for path, change in changes.items() if change} | set(files) - set(changes)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run(folder, "init", "-q")
        blobs = [run(folder, "hash-object", "-w", "--stdin", input=f"content {n}\n") for n in range(3)]
        repo = git_module.open_repo(folder)

        def entry(change: tuple[str, int]) -> git_module.TreeEntry:
            return git_module.TreeEntry(change[0], blobs[change[1]])

        index = {"GIT_INDEX_FILE": str(folder / "bench-index")}
        listing = "".join(f"{mode} {blobs[n]}\t{path}\n" for path, (mode, n) in files.items())
        run(folder, "update-index", "--index-info", input=listing, env=index)
        tree = run(folder, "write-tree", env=index)
        removals = "".join(f"0 {'0' * 40}\t{path}\n" for path, change in changes.items() if change is None)
        additions = "".join(f"{c[0]} {blobs[c[1]]}\t{path}\n" for path, c in changes.items() if c is not None)
        run(folder, "update-index", "--index-info", input=removals + additions, env=index)
        expected = run(folder, "write-tree", env=index)
        edits = {path: None if change is None else entry(change) for path, change in changes.items()}
        assert git_module.edit_tree(repo, tree, edits) == expected
        git_module.close(repo)
        run(folder, "fsck", "--no-progress", "--no-dangling")


def test_plan_merge_looks_up_only_the_paths_the_merge_touches(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No whole-tree listing and no temporary index: ls-tree only on named paths, the result tree written here."""
    both_sides_change(story)
    assert g2l(story.dbx.path, "sync").code == 0
    dbx = story.dbx.path
    ours, theirs, base = (story.dbx.rev(rev) for rev in ("HEAD^1", "HEAD^2", "HEAD^2^1"))
    repo = git_module.open_repo(dbx)
    config = load(git_module.show_file(repo, "HEAD", CONFIG_FILE).decode())
    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("GIT_TRACE", str(trace))
    plan = plan_merge(repo, ours, theirs, base, mergefile.Labels("main", "base", "glue"), config)
    monkeypatch.delenv("GIT_TRACE")
    git_module.close(repo)
    assert plan.tree == story.dbx.rev("HEAD^{tree}")
    assert sorted(plan.files) == [A]
    commands = [
        line.split("built-in: git ", 1)[1] for line in trace.read_text().splitlines() if "built-in: git " in line
    ]
    listings = [command for command in commands if " ls-tree " in f" {command} "]
    assert listings and all(" -- " in command for command in listings), listings
    assert not [command for command in commands if command.split()[0] in ("update-index", "write-tree", "read-tree")]
