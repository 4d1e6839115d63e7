"""`git g2l-sync check`: marker lint, and the guards of protected code and of the mirror branch.

The rules are pure functions from texts to findings; the entry points at the bottom gather the texts
through git.py's subprocess helpers. Nothing here imports GitPython or libcst: the pre-commit hook runs
this on every commit, so it must start fast.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import NamedTuple

from g2l_merge import git, markers
from g2l_merge.errors import G2lError
from g2l_merge.markers import Problem, Region
from g2l_merge.owners import ownership
from g2l_merge.states import RegionFate as Fate

ALLOW_UNPROTECT = "G2L_ALLOW_UNPROTECT"
GLUE_TRAILER = "G2l-Glue-Commit"  # as mirror.py writes it; importing mirror would import the converter
DEFAULT_MIRROR = "glue-mirror"
CONFIG_FILE = "g2l.toml"  # as config.py names it; importing config would load tomllib for every commit
_CONFLICT_PREFIXES = ("<<<<<<< ", "|||||||", ">>>>>>> ")
_CONFLICT_SEPARATOR = "======="
_NO_TEXT_MODES = ("120000", "160000")  # a symlink's or a submodule's blob is not file content
_MIRROR_TRAILER = re.compile(rf"^{GLUE_TRAILER}: ", re.MULTILINE)
_SYNC_TRAILER = re.compile(r"^G2l-Sync: [0-9a-f]{40}", re.MULTILINE)  # as sync.py writes it in the merge message


class Finding(NamedTuple):
    path: str  # a file, or the mirror branch for findings about commits
    line: int | None  # None: about a branch or commit, not a line
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class StagedFile(NamedTuple):
    path: str  # in the index (HEAD's path when the file is deleted)
    head: str | None  # HEAD's text; None: a new file
    staged: str | None  # the staged text; None: deleted


class Guard(NamedTuple):
    """What `check --staged` knows beyond the texts of one file."""

    mirror_branch: str
    native_globs: tuple[str, ...]
    merging_mirror: bool  # a merge is in progress and MERGE_HEAD is a mirror commit
    sync_merge: bool  # and git g2l-sync started it (its MERGE_MSG has the G2l-Sync trailer): a person resolves it
    allow_unprotect: bool  # G2L_ALLOW_UNPROTECT=1


class RegionFate(NamedTuple):
    region: Region  # as it was in HEAD
    kind: Fate  # unmarked: markers gone, lines still there
    line: int  # where it is in the staged text (HEAD's begin line when gone)


# -- rules: texts in, findings out -----------------------------------------------------------


def text_of(data: bytes) -> str | None:
    """A file's text, or None when git would call it binary."""
    if markers.is_binary(data):
        return None
    return data.decode("utf-8", errors="surrogateescape")


def lint(path: str, text: str, then: str = "") -> list[Finding]:
    """Marker problems and leftover conflict markers of one file, in line order; `then` ends the advice of a
    leftover conflict marker (what to run once the marker lines are gone)."""
    problems = sorted([*markers.parse(text).problems, *conflict_markers(text, then)])
    return [Finding(path, problem.line, problem.message) for problem in problems]


def conflict_markers(text: str, then: str = "") -> list[Problem]:
    """The lines git writes around a conflict: one left behind means a conflict was committed unresolved."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        bare = line.removesuffix("\r")
        if bare.startswith(_CONFLICT_PREFIXES) or bare == _CONFLICT_SEPARATOR:
            advice = f"resolve the conflict and remove the marker lines{then}"
            found.append(Problem(number, f"leftover conflict marker {bare[:7]!r}: {advice}"))
    return found


def stage_again(path: str) -> str:
    """The end of a staged finding's advice: the fixed file must be staged again before the commit."""
    return f", then `git add {shlex.quote(path)}` and `git commit`"


def region_fates(head: str, staged: str) -> list[RegionFate]:
    """What became of each of HEAD's protected regions in the staged text."""
    head_lines, staged_lines = head.split("\n"), staged.split("\n")
    after = markers.parse(staged).regions
    fates, unnamed_seen = [], 0
    for region in markers.parse(head).regions:
        inner = _inner(head_lines, region)
        if region.name is None:
            partner = _unnamed_partner(inner, unnamed_seen, after, staged_lines)
            unnamed_seen += 1
        else:
            partner = next((r for r in after if r.name == region.name), None)
        fates.append(_fate(region, inner, partner, after, staged_lines))
    return fates


def _fate(
    region: Region, inner: list[str], partner: Region | None, after: tuple[Region, ...], staged_lines: list[str]
) -> RegionFate:
    if partner is not None:
        same = _inner(staged_lines, partner) == inner
        return RegionFate(region, "kept" if same else "changed", partner.start)
    at = _find_block(staged_lines, inner)
    if at is None:
        return RegionFate(region, "gone", region.start)
    inside = any(r.start < at + 1 < r.end for r in after)  # moved into another region: still protected
    return RegionFate(region, "kept" if inside else "unmarked", at + 1)


def _unnamed_partner(inner: list[str], order: int, after: tuple[Region, ...], staged_lines: list[str]) -> Region | None:
    """An unnamed region is matched by its content first, then by its place among the unnamed ones."""
    unnamed = [r for r in after if r.name is None]
    same = [r for r in unnamed if _inner(staged_lines, r) == inner]
    if same:
        return same[0]
    return unnamed[order] if order < len(unnamed) else None


def _inner(lines: list[str], region: Region) -> list[str]:
    return lines[region.start : region.end - 1]


def _find_block(lines: list[str], block: list[str]) -> int | None:
    """Where `block` appears as consecutive lines (0-based), or None; an empty block is never found."""
    if not block:
        return None
    for at in range(len(lines) - len(block) + 1):
        if lines[at] == block[0] and lines[at : at + len(block)] == block:
            return at
    return None


def guard(file: StagedFile, rules: Guard) -> list[Finding]:
    """Protection silently lost, or changed by a merge of glue-mirror, between HEAD and the staged text."""
    if file.head is None or file.head == file.staged or rules.allow_unprotect:
        return []
    if rules.merging_mirror and _is_native(file.path, file.head, rules.native_globs):
        return [Finding(file.path, 1, _native_message(file.path, rules))]
    staged = file.staged if file.staged is not None else ""
    if markers.parse(staged).problems:
        return []  # lint reports the broken markers; regions are compared once they parse
    findings = []
    for fate in region_fates(file.head, staged):
        if fate.kind == "unmarked":
            findings.append(Finding(file.path, fate.line, _unmarked_message(fate.region)))
        elif fate.kind in ("changed", "gone") and rules.merging_mirror:
            findings.append(Finding(file.path, fate.line, _merge_message(file.path, fate.region, rules)))
    return findings


def _is_native(path: str, head: str, native_globs: tuple[str, ...]) -> bool:
    return ownership(path, head.encode("utf-8", errors="surrogateescape"), native_globs).native


def _label(region: Region) -> str:
    return f"protected region {region.name!r}" if region.name else "a protected region"


def _unmarked_message(region: Region) -> str:
    return (
        f"{_label(region)} (lines {region.start}-{region.end} in HEAD) lost its markers but its lines are "
        f"still here: restore the markers, or commit with {ALLOW_UNPROTECT}=1 to unprotect it on purpose"
    )


def _native_message(path: str, rules: Guard) -> str:
    keep = f"git checkout HEAD -- {shlex.quote(path)}"
    if rules.sync_merge:  # a person resolving the conflicts of `git g2l-sync sync`: finish this merge
        return (
            f"this sync's merge of {rules.mirror_branch} changes a Databricks-native file: keep HEAD's version "
            f"({keep}), then `git commit`; {ALLOW_UNPROTECT}=1 git commit lets this commit change the file, "
            "`git merge --abort` drops the sync"
        )
    return (
        f"this merge of {rules.mirror_branch} changes a Databricks-native file: keep HEAD's version "
        f"({keep}), or abort the merge (git merge --abort) and run `git g2l-sync sync` "
        f"instead; {ALLOW_UNPROTECT}=1 accepts the change"
    )


def _merge_message(path: str, region: Region, rules: Guard) -> str:
    where = f"{_label(region)} (lines {region.start}-{region.end} in HEAD)"
    if rules.sync_merge:
        return (
            f"this sync's merge of {rules.mirror_branch} changes {where}: resolve it with the region as HEAD has "
            f"it{stage_again(path)}; {ALLOW_UNPROTECT}=1 git commit lets this commit change the region, "
            "`git merge --abort` drops the sync"
        )
    return (
        f"this merge of {rules.mirror_branch} changes {where}: "
        f"keep the region as it is in HEAD, or abort the merge (git merge --abort) and run "
        f"`git g2l-sync sync` instead; {ALLOW_UNPROTECT}=1 accepts the change"
    )


def mirror_findings(mirror_branch: str, on_mirror: bool, hand_commits: list[tuple[str, str]]) -> list[Finding]:
    """A commit being made on the mirror branch, and commits already there that g2l-sync did not make."""
    findings = []
    if on_mirror:
        findings.append(
            Finding(
                mirror_branch,
                None,
                f"{mirror_branch} is written only by git g2l-sync: commit on "
                "your own branch, and let `git g2l-sync sync` bring Glue "
                "changes in",
            )
        )
    for sha, subject in hand_commits:
        findings.append(
            Finding(
                mirror_branch,
                None,
                f"commit {sha[:12]} {subject!r} has no {GLUE_TRAILER} trailer: "
                f"it was made by hand, but {mirror_branch} is written only by "
                f"git g2l-sync; move {mirror_branch} back to the last commit "
                "git g2l-sync made (git branch -f)",
            )
        )
    return findings


def is_mirror_commit(raw_commit: bytes | None) -> bool:
    """True for a commit object whose message carries the G2l-Glue-Commit trailer."""
    return raw_commit is not None and bool(_MIRROR_TRAILER.search(raw_commit.decode("utf-8", errors="replace")))


# -- gathering the texts ----------------------------------------------------------------------


def run(paths: list[str], staged: bool, environ: Mapping[str, str]) -> list[Finding]:
    """`check [--staged] [PATH...]`: every finding, in path and line order.

    A broken g2l.toml stops it with exit 2, as it stops every other command: the staged one with --staged (what
    the commit would record, so a commit that fixes it passes), otherwise the work tree's (HEAD's when the work tree
    has none).
    """
    if paths and not staged:
        repo = _repo_or_none()
        if repo is not None:
            check_config(repo)
        return check_paths(paths)
    repo = git.open_repo(Path.cwd(), objects=False)
    if staged:
        return check_staged(repo, environ, _repo_paths(repo, paths))
    check_config(repo)
    return check_worktree(repo)


def _repo_or_none() -> git.Repo | None:
    try:
        return git.open_repo(Path.cwd(), objects=False)
    except G2lError:
        return None  # `check FILE` lints files anywhere, inside a repository or not


def check_config(repo: git.Repo) -> None:
    """Validate the g2l.toml a plain `check` goes by: the work tree's, else HEAD's; none at all is fine."""
    on_disk = repo.work_tree / CONFIG_FILE if repo.work_tree is not None else None
    if on_disk is not None and on_disk.is_file() and not on_disk.is_symlink():
        _settings(on_disk.read_bytes())
    elif git.rev_parse(repo, "HEAD") is not None:
        _settings(git.show_file(repo, "HEAD", CONFIG_FILE))


def check_paths(paths: list[str]) -> list[Finding]:
    """Lint the named files (a folder: its tracked files) as they are on disk."""
    files = []
    for name in paths:
        where = Path(name)
        if where.is_dir():
            files += [str(PurePath(name) / path) for path in git.tracked_files_in(where)]
        elif where.exists():
            files.append(name)
        else:
            raise G2lError(f"{name}: no such file or folder")
    return [finding for name in files for finding in _lint_on_disk(name, Path(name))]


def check_worktree(repo: git.Repo) -> list[Finding]:
    """Lint every tracked file of the work tree as it is on disk."""
    if repo.work_tree is None:
        raise G2lError("a bare repository has no work tree to check: use --staged, or name the files")
    root = repo.work_tree
    return [finding for path in git.tracked_files(repo) for finding in _lint_on_disk(path, root / path)]


def _lint_on_disk(name: str, path: Path) -> list[Finding]:
    if path.is_symlink() or not path.is_file():
        return []  # a symlink's content is its target's business; a deleted file has nothing left to lint
    try:
        text = text_of(path.read_bytes())
    except OSError as error:
        raise G2lError(f"{name}: cannot read it ({error.strerror})") from None
    return lint(name, text) if text is not None else []


def check_staged(repo: git.Repo, environ: Mapping[str, str], only: list[str] | None = None) -> list[Finding]:
    """What the next commit would record: lint, lost or merged-over protection, hand commits on the mirror."""
    changes = [c for c in git.staged_changes(repo) if c.status != "U" and _wanted(c.path or c.head_path, only)]
    heads = git.merge_heads(repo, environ)
    blobs = [sha for c in changes for sha in (c.head_blob, c.blob) if sha is not None]
    objects = git.read_objects(repo, [":g2l.toml", *heads, *blobs])
    mirror_branch, native_globs = _settings(objects[":g2l.toml"])
    merging_mirror = any(is_mirror_commit(objects[sha]) for sha in heads)
    rules = Guard(
        mirror_branch,
        native_globs,
        merging_mirror,
        merging_mirror and sync_merge_message(repo),
        environ.get(ALLOW_UNPROTECT) == "1",
    )
    on_mirror = git.current_branch(repo) == f"refs/heads/{mirror_branch}"
    hand_commits = git.commits_without_trailer(repo, f"refs/heads/{mirror_branch}", GLUE_TRAILER)
    findings = mirror_findings(mirror_branch, on_mirror, hand_commits)
    for change in changes:
        findings += _check_change(change, objects, rules)
    return findings


def _check_change(change: git.StagedChange, objects: Mapping[str, bytes | None], rules: Guard) -> list[Finding]:
    head = _blob_text(objects, change.head_blob)
    staged = None if change.mode in _NO_TEXT_MODES else _blob_text(objects, change.blob)
    path = change.path or change.head_path or ""
    if (change.blob is not None and staged is None) or (change.head_blob is not None and head is None):
        return []  # binary, a symlink or a submodule: no markers to read
    file = StagedFile(path, head, staged)
    return (lint(path, staged, stage_again(path)) if staged is not None else []) + guard(file, rules)


def sync_merge_message(repo: git.Repo) -> bool:
    """True when the merge in progress is one `git g2l-sync sync` left for a person (MERGE_MSG names the sync)."""
    try:
        return bool(_SYNC_TRAILER.search((repo.git_dir / "MERGE_MSG").read_text(errors="replace")))
    except OSError:
        return False


def _blob_text(objects: Mapping[str, bytes | None], sha: str | None) -> str | None:
    data = objects.get(sha) if sha is not None else None
    return text_of(data) if data is not None else None


def _settings(config_text: bytes | None) -> tuple[str, tuple[str, ...]]:
    """(mirror branch, native globs) from the staged g2l.toml; defaults where there is none."""
    if config_text is None:
        return DEFAULT_MIRROR, ()
    from g2l_merge import config as cfg  # only here: a repository without g2l.toml need not pay for tomllib

    loaded = cfg.load_bytes(config_text)
    return loaded.target.mirror_branch, loaded.protect.native


def _repo_paths(repo: git.Repo, paths: list[str]) -> list[str] | None:
    """PATH arguments as repository paths (for --staged, where they need not exist on disk)."""
    if not paths:
        return None
    root = (repo.work_tree or repo.git_dir).resolve()
    found = []
    for name in paths:
        try:
            found.append(Path(name).resolve().relative_to(root).as_posix())
        except ValueError:
            raise G2lError(f"{name}: outside the repository {root}") from None
    return found


def _wanted(path: str | None, only: list[str] | None) -> bool:
    if only is None or path is None:
        return True
    return any(want in (".", path) or path.startswith(want + "/") for want in only)
