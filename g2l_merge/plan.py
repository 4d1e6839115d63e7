"""The merge of a mirror commit into the target: `git merge-tree` once, then merge_file on the few paths
that need it (conflicted ones, for labels; and those Glue changed whose Databricks version is native or
holds protected regions, for the constraints)."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from g2l_merge import git, markers
from g2l_merge.config import Config, matches
from g2l_merge.mergefile import DroppedHunk, FileConflict, Labels, MergedFile, is_native, merge_file


class FileResult(NamedTuple):
    """What the plan decided for one path: content (None: the path is deleted) and its stages."""

    mode: str
    content: bytes | None
    stages: tuple[git.ConflictStage, ...]  # for conflicted paths: base / ours / theirs blobs


class MergePlan(NamedTuple):
    tree: str
    conflicts: tuple[FileConflict, ...]
    files: dict[str, FileResult]  # paths whose result g2l-merge computed itself
    skipped_native: tuple[tuple[str, str], ...]  # (path, upstream patch)
    dropped: tuple[DroppedHunk, ...]


class _Sides(NamedTuple):
    repo: git.Repo
    base: dict[str, git.TreeEntry]
    ours: dict[str, git.TreeEntry]
    theirs: dict[str, git.TreeEntry]
    labels: Labels
    config: Config
    protected: str

    def read(self, side: dict[str, git.TreeEntry], path: str | None) -> bytes | None:
        entry = side.get(path or "")
        return None if entry is None else git.read_blob(self.repo, entry.sha)


class _Acc(NamedTuple):
    conflicts: dict[str, tuple[FileConflict, ...]]
    files: dict[str, FileResult]
    skipped: list[tuple[str, str]]
    dropped: list[DroppedHunk]


def plan_merge(repo: git.Repo, ours: str, theirs: str, base: str | None, labels: Labels, config: Config,
               protected: str = "conflict") -> MergePlan:
    """Merge commit `theirs` (a mirror commit) into `ours`, with `base` the last mirror commit merged."""
    merged = git.merge_tree(repo, ours, theirs)
    acc = _Acc({}, {}, [], [])
    _relabel_conflicts(repo, merged, labels, acc)
    base_tree = git.read_commit(repo, base).tree if base else None
    sides = _Sides(repo, git.ls_tree(repo, base_tree) if base_tree else {}, git.ls_tree(repo, ours),
                   git.ls_tree(repo, theirs), labels, config, protected)
    for change in git.diff_trees(repo, base_tree, git.read_commit(repo, theirs).tree):
        _constrain(sides, change, acc)
    tree = _write_result(repo, merged.tree, acc.files)
    conflicts = tuple(c for path in sorted(acc.conflicts) for c in acc.conflicts[path])
    return MergePlan(tree, conflicts, acc.files, tuple(acc.skipped), tuple(acc.dropped))


def _relabel_conflicts(repo: git.Repo, merged: git.TreeMerge, labels: Labels, acc: _Acc) -> None:
    """Redo git's conflicted files with labels naming the branch and the Glue commits."""
    by_path: dict[str, dict[int, git.ConflictStage]] = defaultdict(dict)
    for stage in merged.stages:
        by_path[stage.path][stage.stage] = stage
    for path, stages in by_path.items():
        if 2 in stages and 3 in stages:
            base = git.read_blob(repo, stages[1].sha) if 1 in stages else None
            result = merge_file(base, git.read_blob(repo, stages[2].sha), git.read_blob(repo, stages[3].sha), path,
                                labels)
            acc.files[path] = FileResult(stages[2].mode, result.content, tuple(stages.values()))
            acc.conflicts[path] = result.conflicts or (FileConflict(path, "content"),)
        else:
            acc.conflicts[path] = (FileConflict(path, "modify-delete"),)


def _constrain(sides: _Sides, change: git.Change, acc: _Acc) -> None:
    """Apply rules 1 and 2 to one path Glue changed, when the Databricks side is native or has regions."""
    ours_path = change.old_path if change.status != "A" else change.new_path
    entry = sides.ours.get(ours_path or "")
    if ours_path is None or entry is None or not entry.mode.startswith("100"):
        return
    ours = git.read_blob(sides.repo, entry.sha)
    native = matches(ours_path, sides.config.protect.native) or is_native(ours)
    if not native and not _has_regions(ours):
        return
    base, theirs = sides.read(sides.base, change.old_path), sides.read(sides.theirs, change.new_path)
    if native:
        _keep_native(ours_path, entry, ours, change, base, theirs, acc)
    elif change.status in ("M", "R") and base is not None and theirs is not None:
        dest = change.new_path or ours_path
        result = merge_file(base, ours, theirs, dest, sides.labels, protected=sides.protected)
        _record(dest, entry.mode, result, (base, ours, theirs), sides.repo, acc)
        if dest != ours_path:
            acc.files[ours_path] = FileResult(entry.mode, None, ())


def _has_regions(content: bytes) -> bool:
    return bool(markers.parse(content.decode("utf-8", "surrogateescape")).regions)


def _keep_native(path: str, entry: git.TreeEntry, ours: bytes, change: git.Change, base: bytes | None,
                 theirs: bytes | None, acc: _Acc) -> None:
    """Rule 1: the Databricks file stays byte for byte; Glue's change is listed, not applied."""
    result = merge_file(base, ours, theirs or b"", path, native=True)
    acc.files[path] = FileResult(entry.mode, result.content, ())
    acc.conflicts.pop(path, None)
    if change.status == "R" and change.new_path and change.new_path != path:
        acc.files[change.new_path] = FileResult(entry.mode, None, ())
        acc.conflicts.pop(change.new_path, None)
    if result.skipped_native:
        acc.skipped.append((path, result.skipped_native))


def _record(path: str, mode: str, result: MergedFile, texts: tuple[bytes, bytes, bytes], repo: git.Repo,
            acc: _Acc) -> None:
    stages: tuple[git.ConflictStage, ...] = ()
    if result.conflicts:
        stages = tuple(git.ConflictStage(mode, git.write_blob(repo, text), number, path)
                       for number, text in enumerate(texts, start=1))
    acc.files[path] = FileResult(mode, result.content, stages)
    acc.conflicts.pop(path, None)
    if result.conflicts:
        acc.conflicts[path] = result.conflicts
    acc.dropped.extend(result.dropped)


def _write_result(repo: git.Repo, merged_tree: str, files: dict[str, FileResult]) -> str:
    if not files:
        return merged_tree
    entries = git.ls_tree(repo, merged_tree)
    for path, result in files.items():
        if result.content is None:
            entries.pop(path, None)
        else:
            entries[path] = git.TreeEntry(result.mode, git.write_blob(repo, result.content))
    return git.write_tree(repo, entries)
