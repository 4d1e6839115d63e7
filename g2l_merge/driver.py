"""The merge driver `init` registers: g2l-merge's rules when glue-mirror content comes in, git's default otherwise.

git runs it as `git g2l-sync merge-driver %O %A %B %P` for files both sides changed; the result goes to %A
and the exit code says whether it conflicted.
"""

from __future__ import annotations

import os
from pathlib import Path

from g2l_merge import config as cfg
from g2l_merge import git
from g2l_merge.errors import G2lError
from g2l_merge.mergefile import FileConflict, Labels, MergedFile, merge_file
from g2l_merge.owners import ownership


def run_driver(base_file: Path, ours_file: Path, theirs_file: Path, path: str) -> int:
    """Merge the three files git handed over; 0 clean, 1 conflicted."""
    base, ours, theirs = base_file.read_bytes(), ours_file.read_bytes(), theirs_file.read_bytes()
    repo = git.open_repo(Path.cwd(), objects=False)
    incoming = _incoming()
    config = _config(repo)
    if incoming is not None and config is not None and _is_mirror(repo, incoming[0], config):
        branch = (git.current_branch(repo) or "HEAD").removeprefix("refs/heads/")
        labels = Labels(branch, "glue (last sync)", f"glue {incoming[1]}")
        result = merge_file(
            base, ours, theirs, path, labels, native=ownership(path, ours, config.protect.native).native
        )
    else:
        result = _default_merge(repo, base, ours, theirs, path, incoming[1] if incoming else "theirs")
    ours_file.write_bytes(result.content)
    return 1 if result.conflicts else 0


def _incoming() -> tuple[str, str] | None:
    """The commit being merged, from the GITHEAD_<sha>=<name> variable git sets for merge drivers."""
    for key, value in sorted(os.environ.items()):
        if key.startswith("GITHEAD_") and len(key) == len("GITHEAD_") + 40:
            return key.removeprefix("GITHEAD_"), value
    return None


def _config(repo: git.Repo) -> cfg.Config | None:
    text = git.show_file(repo, "HEAD", cfg.CONFIG_FILE)
    if text is None:
        return None
    try:
        return cfg.load(text.decode("utf-8", errors="replace"))
    except G2lError:
        return None


def _is_mirror(repo: git.Repo, commit: str, config: cfg.Config) -> bool:
    mirror_tip = git.ref_value(repo, f"refs/heads/{config.target.mirror_branch}")
    return mirror_tip is not None and git.is_ancestor(repo, commit, mirror_tip)


def _default_merge(repo: git.Repo, base: bytes, ours: bytes, theirs: bytes, path: str, theirs_name: str) -> MergedFile:
    """What git does without a driver: its text merge, in the repository's conflict style."""
    style = git.config_value(repo, "merge.conflictStyle") or "merge"
    content, clean = git.merge_file(base, ours, theirs, ("HEAD", "merged common ancestors", theirs_name), style)
    return MergedFile(content, () if clean else (FileConflict(path, "content"),))


DRIVER_NAME = "g2l"
ATTRIBUTES_LINE = f"* merge={DRIVER_NAME}"
# The installed `git-g2l-sync`, found on PATH when git runs it: the entry keeps working when the virtual
# environment moves or g2l-merge is reinstalled elsewhere.
DRIVER_COMMAND = "git-g2l-sync merge-driver %O %A %B %P"


def refresh_merge_driver(repo: git.Repo) -> str | None:
    """Rewrite a merge driver entry an older g2l-merge recorded (an interpreter's absolute path); a note or None."""
    current = git.config_value(repo, f"merge.{DRIVER_NAME}.driver")
    if current is None or current == DRIVER_COMMAND or "merge-driver" not in current:
        return None
    git.set_config(repo, f"merge.{DRIVER_NAME}.driver", DRIVER_COMMAND)
    return f"the merge driver entry in .git/config now runs `{DRIVER_COMMAND}` (it named {current.split()[0]})"


def register_merge_driver(repo: git.Repo) -> None:
    """Register the g2l merge driver in .git/config and scope it through .git/info/attributes."""
    git.set_config(repo, f"merge.{DRIVER_NAME}.name", "g2l-merge: Glue sync with protected regions")
    git.set_config(repo, f"merge.{DRIVER_NAME}.driver", DRIVER_COMMAND)
    attributes = repo.git_dir / "info" / "attributes"
    attributes.parent.mkdir(parents=True, exist_ok=True)
    existing = attributes.read_text() if attributes.exists() else ""
    if ATTRIBUTES_LINE not in existing.splitlines():
        prefix = "" if not existing or existing.endswith("\n") else "\n"
        attributes.write_text(existing + prefix + ATTRIBUTES_LINE + "\n")
