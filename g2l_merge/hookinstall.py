"""`install-hooks`: put the plain git hook in place for teams without the pre-commit framework.

Like pre-commit's own installer, it recognises its hook by a marker line and updates it, and keeps a
foreign hook: renamed to `<hook>.g2l-chained`, which our hook runs first.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from g2l_merge.errors import refused
from g2l_merge.states import InstallAction

HOOK_TYPES = ("pre-commit", "pre-merge-commit")
MARKER = "# g2l-merge hook"
CHAINED_SUFFIX = ".g2l-chained"


class Outcome(NamedTuple):
    hook: str
    action: InstallAction
    path: Path

    def __str__(self) -> str:
        if self.action == "up to date":
            return f"{self.hook}: already installed and up to date ({self.path})"
        if self.action == "chained":
            return (
                f"{self.hook}: installed {self.path}; the hook that was there is kept as "
                f"{self.hook}{CHAINED_SUFFIX} and runs first"
            )
        return f"{self.hook}: {self.action} {self.path}"


def hook_script() -> bytes:
    """The hook as shipped (the same text as hooks/pre-commit at the repository root)."""
    return (resources.files("g2l_merge") / "hooks" / "pre-commit").read_bytes()


def is_ours(content: bytes) -> bool:
    return any(line.startswith(MARKER) for line in content.decode("utf-8", errors="replace").splitlines())


def plan(hook: str, existing: bytes | None, chained_exists: bool, script: bytes) -> InstallAction:
    """What to do with one hook file; refused when a foreign hook would overwrite an earlier chained one."""
    if existing is None:
        return "installed"
    if is_ours(existing):
        return "up to date" if existing == script else "updated"
    if chained_exists:
        raise refused(
            f"{hook} is not g2l-merge's hook and {hook}{CHAINED_SUFFIX} already exists: "
            "merge the two by hand, keep one, and rerun `git g2l-sync install-hooks`"
        )
    return "chained"


def install(hooks_dir: Path) -> list[Outcome]:
    """Install the hook as every type in HOOK_TYPES; decide everything before changing anything."""
    script = hook_script()
    plans = [
        (hooks_dir / hook, plan(hook, _existing(hooks_dir / hook), _present(_chained(hooks_dir / hook)), script))
        for hook in HOOK_TYPES
    ]
    hooks_dir.mkdir(parents=True, exist_ok=True)
    for path, action in plans:
        if action == "chained":
            os.replace(path, _chained(path))  # a rename keeps the foreign hook's mode and content
        if action != "up to date":
            _write_executable(path, script)
    return [Outcome(path.name, action, path) for path, action in plans]


def _chained(path: Path) -> Path:
    return path.with_name(path.name + CHAINED_SUFFIX)


def _present(path: Path) -> bool:
    return path.is_symlink() or path.exists()


def _existing(path: Path) -> bytes | None:
    if not _present(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return b""  # a dangling symlink is still somebody's hook: chain it rather than write through it


def _write_executable(path: Path, script: bytes) -> None:
    temporary = path.with_name(path.name + ".g2l-new")
    temporary.write_bytes(script)
    temporary.chmod(0o755)
    os.replace(temporary, path)  # never a half-written hook, and a symlink is replaced, not written through
