"""The sample files and the small edits the story makes to them.

Sample Python files are stored as `NAME.py.txt` (they are data, not part of this package: linters
and type checkers must not read them); they are written out as `NAME.py`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

from g2l_merge.errors import G2lError

DATA_SUFFIX = ".txt"


class Edit(NamedTuple):
    """Replace `old` (which must occur exactly once) by `new` in the file at `path`."""

    path: str
    old: str
    new: str


def sample(name: str) -> Traversable:
    """A file or folder under g2l_merge/demo/sample/."""
    return resources.files("g2l_merge.demo").joinpath("sample", name)


def copy_sample(name: str, dest: Path) -> list[str]:
    """Copy sample/NAME into `dest`; returns the written paths, relative to `dest`, sorted."""
    written: list[str] = []
    _copy(sample(name), dest, "", written)
    return sorted(written)


def _copy(source: Traversable, dest: Path, prefix: str, written: list[str]) -> None:
    for item in source.iterdir():
        if item.name == "__pycache__":
            continue
        name = item.name.removesuffix(DATA_SUFFIX)
        if item.is_dir():
            _copy(item, dest / name, f"{prefix}{name}/", written)
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_bytes(item.read_bytes())
        written.append(prefix + name)


def describe(paths: list[str]) -> str:
    """Paths in brace form, one group per folder: `README.md, jobs/{a.py,b.py}`."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        groups.setdefault(folder, []).append(name)
    parts = []
    for folder, names in groups.items():
        listed = names[0] if len(names) == 1 else "{" + ",".join(names) + "}"
        parts.append(f"{folder}/{listed}" if folder else listed)
    return ", ".join(parts)


def apply(folder: Path, edit: Edit) -> None:
    """Make one edit, refusing when the text to replace is not there exactly once."""
    path = folder / edit.path
    text = path.read_text(encoding="utf-8")
    if text.count(edit.old) != 1:
        raise G2lError(
            f"demo: {path} does not contain {edit.old.strip()!r} exactly once; the sample edit does not apply"
        )
    path.write_text(text.replace(edit.old, edit.new), encoding="utf-8")


def conflict_region(path: Path) -> list[str]:
    """The lines of the one conflict in a file, markers included."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start, end = _conflict_span(path, lines)
    return lines[start : end + 1]


def resolve_conflict(path: Path, resolution: str) -> None:
    """Replace the one conflict of a file, markers included, by `resolution`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start, end = _conflict_span(path, lines)
    resolved = [*lines[:start], resolution, *lines[end + 1 :]]
    path.write_text("".join(resolved), encoding="utf-8")


def _conflict_span(path: Path, lines: list[str]) -> tuple[int, int]:
    starts = [i for i, line in enumerate(lines) if line.startswith("<<<<<<< ")]
    ends = [i for i, line in enumerate(lines) if line.startswith(">>>>>>> ")]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise G2lError(f"demo: expected one conflict in {path}, found {len(starts)}")
    return starts[0], ends[0]
