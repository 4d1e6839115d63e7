"""Who owns a file: the one place that decides whether a path is Databricks-native and where its protected
regions are, and (for a sync) where the Databricks side keeps each mirror file after renames on either side.

`ownership()` is the decision for one file's path and bytes; the sync, the merge driver, `check`, `status` and
the report all ask it. `PathMap` follows a mirror path to the Databricks team's current path of that file.
This module imports nothing heavy (no GitPython, no libcst): `check` and the hooks use it.
"""

from __future__ import annotations

from typing import NamedTuple

from g2l_merge import git, markers
from g2l_merge.config import matches


class Ownership(NamedTuple):
    native: bool  # the whole file is Databricks-owned (marker in its first lines, or a [protect] native glob)
    regions: tuple[markers.Region, ...]  # protected regions (empty when the markers do not parse)
    problems: tuple[markers.Problem, ...]

    @property
    def constrained(self) -> bool:
        return self.native or bool(self.regions)


def ownership(path: str, content: bytes | None, native_globs: tuple[str, ...]) -> Ownership:
    """Whether `path` with `content` (None: no file) is native, and its protected regions."""
    by_config = bool(native_globs) and matches(path, native_globs)
    if content is None:
        return Ownership(by_config, (), ())
    found = markers.parse(content.decode("utf-8", errors="surrogateescape"))
    regions = () if found.problems else found.regions
    return Ownership(by_config or found.native, regions, found.problems)


def native_by_marker(content: bytes) -> bool:
    """The marker half of `ownership().native`, reading only the first lines (for large files)."""
    head = b"\n".join(content.split(b"\n", markers.NATIVE_WINDOW)[: markers.NATIVE_WINDOW])
    return markers.parse(head.decode("utf-8", errors="surrogateescape")).native


class PathMap:
    """Where the Databricks side (ours) keeps each file of the merge base (the last mirror commit it merged).

    A base path maps to: itself when ours still has it; else the path git's rename detection pairs it with
    (the alignment `git merge-tree` uses for the same merge); else, for a file whose Glue source was renamed
    while the Databricks team kept a native copy at the old path, that earlier mirror path when ours still has
    it. None: the Databricks side deleted the file.
    """

    def __init__(
        self,
        repo: git.Repo,
        base: str | None,
        base_tree: str | None,
        ours_tree: str,
        ours_files: git.TreeFiles,
        base_files: git.TreeFiles,
    ) -> None:
        self._repo = repo
        self._base = base
        self._ours = ours_files
        self._base_files = base_files
        self._renamed: dict[str, str] | None = None
        self._earlier: dict[str, list[str]] | None = None
        self._trees = (base_tree, ours_tree)

    def ours_path(self, base_path: str) -> str | None:
        if base_path in self._ours:
            return base_path
        renamed = self._renames().get(base_path)
        if renamed is not None:
            return renamed
        claimed = set(self._renames().values())
        earlier_names = self._earlier_names(base_path)
        self._ours.prefetch(earlier_names)
        self._base_files.prefetch(earlier_names)
        for earlier in earlier_names:
            if earlier in self._ours and earlier not in self._base_files and earlier not in claimed:
                return earlier
        return None

    def _renames(self) -> dict[str, str]:
        if self._renamed is None:
            base_tree, ours_tree = self._trees
            self._renamed = (
                {}
                if base_tree is None
                else {
                    c.old_path: c.new_path
                    for c in git.diff_trees(self._repo, base_tree, ours_tree)
                    if c.status == "R" and c.old_path and c.new_path
                }
            )
        return self._renamed

    def _earlier_names(self, path: str) -> list[str]:
        """The names this mirror file had before Glue renamed it, newest first (the mirror's own renames)."""
        if self._base is None:
            return []
        if self._earlier is None:
            self._earlier = {}
            for old, new in git.mirror_renames(self._repo, self._base):
                self._earlier.setdefault(new, []).append(old)
        names, todo, seen = [], [path], {path}
        while todo:
            for old in self._earlier.get(todo.pop(0), []):
                if old not in seen:
                    seen.add(old)
                    names.append(old)
                    todo.append(old)
        return names
