"""merge_file(): the per-file three-way merge that the sync and the merge driver share."""

from __future__ import annotations

from typing import NamedTuple

from g2l_merge import git


class FileConflict(NamedTuple):
    path: str
    kind: str  # content / protected / modify-delete / add-add
    region: str | None = None


class MergedFile(NamedTuple):
    content: bytes
    conflicts: tuple[FileConflict, ...]


class Labels(NamedTuple):
    ours: str
    base: str
    theirs: str


DEFAULT_LABELS = Labels("ours", "base", "theirs")


def merge_file(base: bytes | None, ours: bytes, theirs: bytes, path: str,
               labels: Labels = DEFAULT_LABELS) -> MergedFile:
    """Merge one file: git's own three-way merge with zdiff3 markers naming both sides."""
    kind = "add-add" if base is None else "content"
    content, clean = git.merge_file(base or b"", ours, theirs, (labels.ours, labels.base, labels.theirs))
    return MergedFile(content, () if clean else (FileConflict(path, kind),))
