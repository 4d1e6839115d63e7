"""The merge of a mirror commit into the target: `git merge-tree` once, then merge_file on the few paths
that need it (conflicted ones, for labels; and those Glue changed whose Databricks version is native or
holds protected regions, for the constraints), then a guard over every path the merge changed.

Which Databricks file a Glue change belongs to is decided by owners.PathMap (renames on both sides); whether
that file is native or holds regions by owners.ownership(). The guard re-checks the result against the
Databricks side with the same decision, whatever git's merge did, so a native file or a protected region
cannot change through a path the plan did not foresee.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from g2l_merge import git
from g2l_merge.config import Config
from g2l_merge.mergefile import DroppedHunk, FileConflict, Labels, MergedFile, diffs_needed, merge_file
from g2l_merge.owners import Ownership, PathMap, ownership
from g2l_merge.states import OnProtected


class FileResult(NamedTuple):
    """What the plan decided for one path: content (None: the path is deleted) and its stages."""

    mode: str
    content: bytes | None
    stages: tuple[git.ConflictStage, ...]  # for conflicted paths: base / ours / theirs blobs


class MergePlan(NamedTuple):
    tree: str
    conflicts: tuple[FileConflict, ...]
    files: dict[str, FileResult]  # paths whose result g2l-merge computed itself
    skipped_native: tuple[tuple[str, str], ...]  # (Databricks path, upstream patch)
    dropped: tuple[DroppedHunk, ...]
    dbx_paths: dict[str, str | None]  # mirror path Glue changed -> the Databricks path of that file (None: deleted)
    native: frozenset[str]  # mirror paths whose Glue change a native file did not take
    changes: tuple[git.Change, ...]  # what Glue changed: the last merged mirror commit -> the one merged now


class _Sides(NamedTuple):
    repo: git.Repo
    base: git.TreeFiles
    ours: git.TreeFiles
    theirs: git.TreeFiles
    labels: Labels
    config: Config
    protected: OnProtected

    def read(self, side: git.TreeFiles, path: str | None) -> bytes | None:
        entry = side.get(path or "")
        return None if entry is None or not entry.mode.startswith("100") else git.read_blob(self.repo, entry.sha)

    def owner(self, path: str, content: bytes) -> Ownership:
        return ownership(path, content, self.config.protect.native)


@dataclass
class _Decided:
    """What the plan has decided so far, path by path; filled in by the steps of plan_merge in turn."""

    conflicts: dict[str, tuple[FileConflict, ...]] = field(default_factory=dict)
    files: dict[str, FileResult] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # Databricks path -> upstream patch
    dropped: list[DroppedHunk] = field(default_factory=list)
    dbx_paths: dict[str, str | None] = field(default_factory=dict)
    native: set[str] = field(default_factory=set)
    moved: dict[str, str] = field(default_factory=dict)  # Databricks path -> where Glue's rename put its merge

    def drop(self, path: str, mode: str) -> None:
        self.files[path] = FileResult(mode, None, ())
        self.conflicts.pop(path, None)


def plan_merge(
    repo: git.Repo,
    ours: str,
    theirs: str,
    base: str | None,
    labels: Labels,
    config: Config,
    protected: OnProtected = OnProtected.CONFLICT,
) -> MergePlan:
    """Merge commit `theirs` (a mirror commit) into `ours`, with `base` the last mirror commit merged."""
    merged = git.merge_tree(repo, ours, theirs)
    decided = _Decided()
    conflicted = _conflicted_texts(repo, merged)
    base_tree = git.read_commit(repo, base).tree if base else None
    ours_tree, theirs_tree = git.read_commit(repo, ours).tree, git.read_commit(repo, theirs).tree
    sides = _Sides(
        repo,
        git.TreeFiles(repo, base_tree),
        git.TreeFiles(repo, ours_tree),
        git.TreeFiles(repo, theirs_tree),
        labels,
        config,
        protected,
    )
    paths = PathMap(repo, base, base_tree, ours_tree, sides.ours, sides.base)
    changes = tuple(git.diff_trees(repo, base_tree, theirs_tree))
    # only the paths the merge touches are looked up, a few git processes for all of them
    guarded = git.changed_paths(repo, ours_tree, merged.tree)
    glue_paths = [path for change in changes for path in (change.old_path, change.new_path)]
    sides.ours.prefetch([*glue_paths, *guarded, *(c.path for c in conflicted)])
    sides.base.prefetch(change.old_path for change in changes)
    sides.theirs.prefetch(change.new_path for change in changes)
    inputs = _inputs(sides, paths, changes)
    diffs = git.diff_batch(_diffs_needed(conflicted, inputs))  # every file's diffs from one git process
    _relabel_conflicts(conflicted, labels, decided, diffs)
    for item in inputs:
        _constrain(sides, item, decided, diffs)
    merged_files = git.TreeFiles(repo, merged.tree)
    _guard(sides, merged_files, guarded, decided)
    return _as_plan(_write_result(repo, merged.tree, decided.files), decided, changes)


def _as_plan(tree: str, decided: _Decided, changes: tuple[git.Change, ...]) -> MergePlan:
    conflicts = tuple(c for path in sorted(decided.conflicts) for c in decided.conflicts[path])
    return MergePlan(
        tree,
        conflicts,
        decided.files,
        tuple(sorted(decided.skipped.items())),
        tuple(decided.dropped),
        decided.dbx_paths,
        frozenset(decided.native),
        changes,
    )


class _Conflicted(NamedTuple):
    """A path git's merge left conflicted: its stages, the three texts when both sides have the file, else the
    content of the side that has it (None: neither)."""

    path: str
    stages: dict[int, git.ConflictStage]
    texts: tuple[bytes | None, bytes, bytes] | None
    kept: bytes | None


def _conflicted_texts(repo: git.Repo, merged: git.TreeMerge) -> list[_Conflicted]:
    by_path: dict[str, dict[int, git.ConflictStage]] = defaultdict(dict)
    for stage in merged.stages:
        by_path[stage.path][stage.stage] = stage
    found = []
    for path, stages in by_path.items():
        if 2 in stages and 3 in stages:
            base = git.read_blob(repo, stages[1].sha) if 1 in stages else None
            texts = (base, git.read_blob(repo, stages[2].sha), git.read_blob(repo, stages[3].sha))
            found.append(_Conflicted(path, stages, texts, None))
        else:
            kept = stages.get(2) or stages.get(3)
            found.append(_Conflicted(path, stages, None, git.read_blob(repo, kept.sha) if kept is not None else None))
    return found


def _relabel_conflicts(conflicted: list[_Conflicted], labels: Labels, decided: _Decided, diffs: git.DiffCache) -> None:
    """Redo git's conflicted files with labels naming the branch and the Glue commits."""
    for path, stages, texts, content in conflicted:
        if texts is not None:
            result = merge_file(*texts, path, labels, diffs=diffs)
            decided.files[path] = FileResult(stages[2].mode, result.content, tuple(stages.values()))
            decided.conflicts[path] = result.conflicts or (FileConflict(path, "content"),)
        else:
            kept = stages.get(2) or stages.get(3)
            decided.files[path] = FileResult(kept.mode if kept else "100644", content, tuple(stages.values()))
            decided.conflicts[path] = (FileConflict(path, "modify-delete"),)


class _Input(NamedTuple):
    """What rules 1 and 2 need for one path Glue changed: the Databricks path of that file, and for a native file
    or one with regions its entry, ownership and the three texts (None where they are not needed)."""

    change: git.Change
    ours_path: str | None
    entry: git.TreeEntry | None
    owner: Ownership | None
    texts: tuple[bytes | None, bytes, bytes | None] | None  # base, ours, theirs


def _inputs(sides: _Sides, paths: PathMap, changes: tuple[git.Change, ...]) -> list[_Input]:
    ours_paths = [_ours_path(sides, paths, change) for change in changes]
    sides.ours.prefetch(ours_paths)  # the Databricks side's own renames
    return [_input(sides, change, ours_path) for change, ours_path in zip(changes, ours_paths, strict=True)]


def _ours_path(sides: _Sides, paths: PathMap, change: git.Change) -> str | None:
    """Where the Databricks side keeps the file Glue changed (None: it has none there)."""
    if change.old_path is None:
        return change.new_path if change.new_path in sides.ours else None
    return paths.ours_path(change.old_path)


def _input(sides: _Sides, change: git.Change, ours_path: str | None) -> _Input:
    entry = sides.ours.get(ours_path or "")
    if ours_path is None or entry is None or not entry.mode.startswith("100"):
        return _Input(change, ours_path, None, None, None)
    ours = git.read_blob(sides.repo, entry.sha)
    owner = sides.owner(ours_path, ours)
    if not owner.constrained:
        return _Input(change, ours_path, entry, owner, None)
    base, theirs = sides.read(sides.base, change.old_path), sides.read(sides.theirs, change.new_path)
    return _Input(change, ours_path, entry, owner, (base, ours, theirs))


def _diffs_needed(conflicted: list[_Conflicted], inputs: list[_Input]) -> list[tuple[bytes, bytes, str]]:
    """The diffs the merges below will ask for: git's conflicted files, and the files with regions or native."""
    wanted = [pair for c in conflicted if c.texts is not None for pair in diffs_needed(*c.texts)]
    for item in inputs:
        if item.texts is None or item.owner is None:
            continue
        base, ours, theirs = item.texts
        if item.owner.native:
            wanted += diffs_needed(base, ours, theirs or b"", native=True)
        elif base is not None and theirs is not None:
            wanted += diffs_needed(base, ours, theirs)
    return wanted


def _constrain(sides: _Sides, item: _Input, decided: _Decided, diffs: git.DiffCache) -> None:
    """Apply rules 1 and 2 to one path Glue changed, at the Databricks path of that file."""
    base_path, theirs_path = item.change.old_path, item.change.new_path
    ours_path = item.ours_path
    mirror_path = theirs_path or base_path or ""
    moved_by_databricks = ours_path is not None and base_path is not None and ours_path != base_path
    decided.dbx_paths[mirror_path] = ours_path if moved_by_databricks else mirror_path
    entry, owner = item.entry, item.owner
    if ours_path is None or entry is None or owner is None or item.texts is None:
        return
    base, ours, theirs = item.texts
    if owner.native:
        decided.dbx_paths[mirror_path] = ours_path
        _keep_native(sides, ours_path, entry, ours, (base_path, theirs_path), (base, theirs), decided, diffs)
        decided.native.add(mirror_path)
        return
    if base is None or theirs is None:
        return  # Glue added a file where ours has regions, or deleted it: git's add/add or modify/delete conflict
    dest = ours_path if ours_path != base_path or theirs_path is None else theirs_path
    if dest != ours_path and dest in sides.ours:  # Glue renamed it onto a file the Databricks team has there:
        dest = ours_path  # the merge stays where it is, and that file is kept as it is
        _keep_ours(sides, theirs_path or "", decided)
    decided.dbx_paths[mirror_path] = dest
    result = merge_file(base, ours, theirs, dest, sides.labels, protected=sides.protected, diffs=diffs)
    for stray in {base_path, theirs_path, ours_path} - {dest, None}:
        if stray is not None and (stray == ours_path or stray not in sides.ours):
            decided.drop(stray, entry.mode)
    _record(dest, entry.mode, result, (base, ours, theirs), sides.repo, decided)
    if dest != ours_path:
        decided.moved[ours_path] = dest


def _keep_ours(sides: _Sides, path: str, decided: _Decided) -> None:
    """The Databricks side's file at `path` comes out as it is (a Glue rename onto it is not followed)."""
    entry = sides.ours[path]
    decided.files[path] = FileResult(entry.mode, git.read_blob(sides.repo, entry.sha), ())
    decided.conflicts.pop(path, None)


def _keep_native(
    sides: _Sides,
    path: str,
    entry: git.TreeEntry,
    ours: bytes,
    glue_paths: tuple[str | None, ...],
    texts: tuple[bytes | None, bytes | None],
    decided: _Decided,
    diffs: git.DiffCache,
) -> None:
    """Rule 1: the Databricks file stays byte for byte where the Databricks team keeps it; Glue's change (and any
    copy of it at Glue's path) is listed, not applied."""
    base, theirs = texts
    result = merge_file(base, ours, theirs or b"", path, native=True, diffs=diffs)
    for stray in set(glue_paths) - {path, None}:
        if stray is not None and stray not in sides.ours:
            decided.drop(stray, entry.mode)
    decided.files[path] = FileResult(entry.mode, result.content, ())
    decided.conflicts.pop(path, None)
    if result.skipped_native:
        decided.skipped[path] = result.skipped_native


def _record(
    path: str, mode: str, result: MergedFile, texts: tuple[bytes, bytes, bytes], repo: git.Repo, decided: _Decided
) -> None:
    stages: tuple[git.ConflictStage, ...] = ()
    if result.conflicts:
        stages = tuple(
            git.ConflictStage(mode, git.write_blob(repo, text), number, path)
            for number, text in enumerate(texts, start=1)
        )
    decided.files[path] = FileResult(mode, result.content, stages)
    decided.conflicts.pop(path, None)
    if result.conflicts:
        decided.conflicts[path] = result.conflicts
    decided.dropped.extend(result.dropped)


def _guard(sides: _Sides, merged: git.TreeFiles, guarded: list[str], decided: _Decided) -> None:
    """Every Databricks file the merge would change (`guarded`: the paths git's merge changed), checked again: a
    native file comes back byte for byte, and a file with regions keeps each region verbatim unless it is listed
    as a conflict."""
    changed = set(guarded) | set(decided.files)
    sides.ours.prefetch(changed)
    merged.prefetch(path for path in changed if path not in decided.files)
    for path in sorted(changed):
        entry = sides.ours.get(path)
        if entry is None or not entry.mode.startswith("100"):
            continue
        ours = git.read_blob(sides.repo, entry.sha)
        owner = sides.owner(path, ours)
        if not owner.constrained:
            continue
        result = _result_of(sides, merged, decided, decided.moved.get(path, path))
        if owner.native and (result != ours or path in decided.conflicts):
            glue_side = _stage(sides, decided, path, 3)
            decided.files[path] = FileResult(entry.mode, ours, ())
            decided.conflicts.pop(path, None)
            decided.skipped.setdefault(
                path,
                git.unified_patch(
                    _stage(sides, decided, path, 1) or b"", glue_side if glue_side is not None else result or b"", path
                ),
            )
        elif owner.regions and not _regions_kept(ours, owner, result) and not _conflicted(decided, path):
            block = ", ".join(r.name or f"lines {r.start}-{r.end}" for r in owner.regions)
            stages = (git.ConflictStage(entry.mode, entry.sha, 2, path),)
            decided.files[path] = FileResult(entry.mode, ours, stages)
            decided.conflicts[path] = (FileConflict(path, "protected", block),)


def _stage(sides: _Sides, decided: _Decided, path: str, number: int) -> bytes | None:
    """One conflict stage's content of a path git's merge left conflicted (1 base, 3 Glue's side), or None."""
    found = decided.files.get(path)
    stage = next((s for s in found.stages if s.stage == number), None) if found else None
    return git.read_blob(sides.repo, stage.sha) if stage is not None else None


def _result_of(sides: _Sides, merged: git.TreeFiles, decided: _Decided, path: str) -> bytes | None:
    if path in decided.files:
        return decided.files[path].content
    entry = merged.get(path)
    return None if entry is None else git.read_blob(sides.repo, entry.sha)


def _conflicted(decided: _Decided, path: str) -> bool:
    return path in decided.conflicts or decided.moved.get(path, path) in decided.conflicts


def _regions_kept(ours: bytes, owner: Ownership, result: bytes | None) -> bool:
    if result is None:
        return False
    lines = ours.split(b"\n")
    return all(b"\n".join(lines[r.start - 1 : r.end]) in result for r in owner.regions)


def _write_result(repo: git.Repo, tree: str, files: dict[str, FileResult]) -> str:
    """git's merged tree with the files g2l-merge computed itself."""
    return git.edit_tree(
        repo,
        tree,
        {
            path: None if result.content is None else git.TreeEntry(result.mode, git.write_blob(repo, result.content))
            for path, result in files.items()
        },
    )
