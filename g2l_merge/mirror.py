"""Glue commit -> converted tree -> mirror commit, and reading the mirror's history back."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from g2l_merge import __version__, git, pool
from g2l_merge.config import (
    CONFIG_FILE,
    Config,
    SourceConfig,
    config_hash,
    load_bytes,
    matches,
    rooted,
    selected,
)
from g2l_merge.convert.findings import PARSE_RULE, Finding
from g2l_merge.errors import G2lError, refused
from g2l_merge.jobs import is_resource

CONVERTER_VERSION = __version__  # the converter's version is the package's (convert.engine says the same)
Progress = pool.Progress

GLUE_TRAILER = "G2l-Glue-Commit"
CONVERTER_TRAILER = "G2l-Converter"
CONFIG_TRAILER = "G2l-Config"
_TRAILER = re.compile(r"^(G2l-[A-Za-z-]+): (.+)$", re.MULTILINE)
_SUBMODULE = "160000"
_SYMLINK = "120000"


class MirrorCommit(NamedTuple):
    sha: str
    tree: str
    parent: str | None
    glue_commit: str
    converter: str
    config_hash: str
    glue_subject: str
    date: int  # the Glue commit's date (its author date, which the mirror commit keeps as its own)
    glue_committed_at: str  # that date, ISO 8601 with the Glue author's offset
    synced_at: str  # when the sync made this commit (its committer date), ISO 8601


class MirrorBuild(NamedTuple):
    tree: str
    findings: tuple[Finding, ...]
    converted: tuple[str, ...]  # Glue paths read in this build, their findings in `findings` (the rest reused)
    warnings: tuple[str, ...] = ()  # [source] include globs that bring nothing: for SyncReport.notes


def trailers(message: str) -> dict[str, str]:
    """The G2l-* trailers of a commit message."""
    return dict(_TRAILER.findall(message))


def as_mirror_commit(commit: git.Commit) -> MirrorCommit | None:
    """Read a commit as a mirror commit; None when it carries no G2l-Glue-Commit trailer."""
    found = trailers(commit.message)
    if GLUE_TRAILER not in found:
        return None
    subject = commit.subject.split(": ", 1)[1] if ": " in commit.subject else commit.subject
    return MirrorCommit(
        commit.sha,
        commit.tree,
        commit.parents[0] if commit.parents else None,
        found[GLUE_TRAILER],
        found.get(CONVERTER_TRAILER, "?"),
        found.get(CONFIG_TRAILER, "?"),
        subject,
        commit.author_date,
        git.iso_date(commit.author),
        git.iso_date(commit.committer),
    )


def read_mirror_commit(repo: git.Repo, sha: str, branch: str | None = None) -> MirrorCommit:
    """One mirror commit; a commit without trailers means the mirror branch was edited by hand (exit 3)."""
    commit = git.read_commit(repo, sha)
    mirror = as_mirror_commit(commit)
    if mirror is None:
        branch = branch or _configured_mirror_branch(repo)
        good = last_good_commit(repo, sha)
        repair = (
            f"reset it to {good[:12]}, the last commit git g2l-sync made there (git branch -f {branch} {good}), "
            "and rerun"
            if good
            else "reset it to the last commit git g2l-sync made there and rerun"
        )
        raise refused(
            f"{branch} was changed by hand: it holds commit {sha[:12]} {commit.subject!r} without a "
            f"{GLUE_TRAILER} trailer, and only git g2l-sync writes {branch}; {repair}"
        )
    return mirror


def last_good_commit(repo: git.Repo, bad: str) -> str | None:
    """The newest mirror commit below a hand-made one (first parents), else the newest one HEAD has merged."""
    return git.newest_with_trailer(repo, bad, GLUE_TRAILER, first_parent=True) or git.newest_with_trailer(
        repo, "HEAD", GLUE_TRAILER
    )


def _configured_mirror_branch(repo: git.Repo) -> str:
    data = git.show_file(repo, "HEAD", CONFIG_FILE)
    try:
        return load_bytes(data).target.mirror_branch if data is not None else "the mirror branch"
    except G2lError:
        return "the mirror branch"


def mirror_problem(repo: git.Repo, config: Config, target: str, target_tip: str) -> G2lError | None:
    """The mirror branch moved by hand in a way that reading its tip does not show (a refusal, exit 3), or None.

    The target's history says which mirror commit was merged last; the mirror branch must still hold it. A deleted
    mirror branch would make the next sync start the mirror over (every file an add/add against the target), and
    one moved back to an older mirror commit would merge from the wrong base and silently undo Glue's deletions.
    """
    branch = config.target.mirror_branch
    tip = git.ref_value(repo, f"refs/heads/{branch}")
    if tip is not None:
        read_mirror_commit(repo, tip, branch)  # refuses a hand-made tip, naming the last good commit
    found = git.newest_with_trailer(repo, target_tip, GLUE_TRAILER)
    if found is None:
        return None
    merged = read_mirror_commit(repo, found, branch)
    glue = f"Glue {merged.glue_commit[:12]}"
    if tip is None:
        return refused(
            f"branch {branch} is missing, but {target} already merged its commit {merged.sha[:12]} "
            f"({glue}): restore it (git branch {branch} {merged.sha}) and rerun"
        )
    if not git.is_ancestor(repo, merged.sha, tip):
        return refused(
            f"{branch} was moved by hand: it no longer holds {merged.sha[:12]} ({glue}), the mirror "
            f"commit {target} merged last; reset it (git branch -f {branch} {merged.sha}) and rerun"
        )
    return None


SYNC_TRAILER = "G2l-Sync"
_SYNC_LINE = re.compile(rf"^{SYNC_TRAILER}: ([0-9a-f]{{40}})\s*$", re.MULTILINE)


def squashed_sync(
    repo: git.Repo, target_tip: str, mirror_tip: str, branch: str, since: str | None
) -> MirrorCommit | None:
    """The mirror commit of a sync that reached the target squashed or rebased (its pull request merged without
    a merge commit): the target's newest commit naming a sync is not a merge, and the mirror commit of the Glue
    commit it names is not in the target's history. None when the target merged its syncs as merges. Only
    commits after `since` (the merge base, when there is one) are searched."""
    newest = git.newest_with_trailer(repo, target_tip, SYNC_TRAILER, first_parent=True, since=since)
    if newest is None:
        return None
    commit = git.read_commit(repo, newest)
    named = _SYNC_LINE.findall(commit.message)
    if len(commit.parents) > 1 or not named:
        return None
    found = next((m for m in history(repo, mirror_tip, branch) if m.glue_commit == named[-1]), None)
    if found is None or git.is_ancestor(repo, found.sha, target_tip):
        return None
    return found


def history(repo: git.Repo, mirror_tip: str | None, branch: str | None = None) -> list[MirrorCommit]:
    """Every mirror commit, newest first (first-parent walk)."""
    if mirror_tip is None:
        return []
    return [read_mirror_commit(repo, sha, branch) for sha in git.first_parent_commits(repo, mirror_tip)]


def target_path(config: Config, glue_path: str) -> str:
    """Where a Glue file lands in the Databricks repository."""
    return rooted(config.target.root, glue_path)


def glue_path(config: Config, mirror_path: str) -> str | None:
    """The Glue path a mirror path was converted from; None for a file the mirror adds (glue_compat.py)."""
    root = config.target.root.strip("/")
    path = mirror_path.removeprefix(f"{root}/") if root and root != "." else mirror_path
    if root and root != "." and path == mirror_path:
        return None
    return path if selected(path, config.source) else None


def resource_files(repo: git.Repo, config: Config, glue_commit: str, paths: list[str]) -> set[str]:
    """Which of the mirror paths are job resource files: where they land, and no file of the Glue commit is
    mirrored there (only those candidates' entries are read)."""
    if not config.jobs.include:
        return set()
    candidates = {path: glue_path(config, path) for path in paths if is_resource(config, path, ())}
    glue = git.tree_entries(repo, glue_commit, [path for path in candidates.values() if path is not None])
    return {path for path, source in candidates.items() if source not in glue}


def findings_for(repo: git.Repo, entry: git.TreeEntry | None, path: str, config: Config) -> tuple[Finding, ...]:
    """The converter's findings for one Glue file (its tree entry), converted again (conversion is deterministic)."""
    if entry is None or not path.endswith(".py") or not entry.mode.startswith("100"):
        return ()
    return pool.convert_bytes(git.read_blob(repo, entry.sha), path, config.convert)[1]


def build_tree(
    repo: git.Repo,
    glue_commit: str,
    config: Config,
    previous: MirrorCommit | None,
    progress: Progress | None = None,
    *,
    make_bundle: bool = False,
) -> MirrorBuild:
    """Convert the selected files of a Glue commit into a tree. When the previous mirror commit was converted by
    this converter with these settings, only the files Glue changed since are converted, and the tree is the
    previous one with just those entries replaced; otherwise every file is converted.

    With [jobs] include, the tree also holds the job resources of the Glue commit's job definitions, and a
    databricks.yml: the previous mirror tree's, else a new one when `make_bundle` (the Databricks repository has
    none)."""
    if _reusable(repo, config, previous):
        assert previous is not None
        build = _build_changed(repo, glue_commit, config, previous, progress)
    else:
        build = _build_all(repo, glue_commit, config, previous, progress)
    if not config.jobs.include:
        return build
    from g2l_merge.jobs import estate  # only a repository with job definitions loads the YAML writer

    jobs = estate.add_jobs(
        repo, glue_commit, config, build.tree, previous.tree if previous else None, make_bundle=make_bundle
    )
    return build._replace(tree=jobs.tree, findings=build.findings + jobs.findings)


def _build_all(
    repo: git.Repo, glue_commit: str, config: Config, previous: MirrorCommit | None, progress: Progress | None
) -> MirrorBuild:
    """Every selected file of the Glue commit converted."""
    every_file = git.ls_tree(repo, glue_commit)
    glue_files = {path: entry for path, entry in every_file.items() if _carried(path, entry, config)}
    converted = _convert_files(repo, glue_files, config, progress)
    entries = {target_path(config, path): result.entry for path, result in converted.items() if result.entry}
    _carry_compat(repo, config, entries, converted.values(), previous)
    findings = tuple(f for result in converted.values() for f in result.findings)
    warnings = include_warnings(every_file, config.source, glue_commit, config.jobs.include)
    return MirrorBuild(git.edit_tree(repo, git.EMPTY_TREE, entries), findings, tuple(converted), warnings)


def _build_changed(
    repo: git.Repo, glue_commit: str, config: Config, previous: MirrorCommit, progress: Progress | None
) -> MirrorBuild:
    """The previous mirror tree with only what Glue changed since its commit converted again (one diff-tree)."""
    changed = git.tree_changes(repo, previous.glue_commit, glue_commit)
    present = {path: entry for path, entry in changed.items() if entry is not None and _carried(path, entry, config)}
    converted = _convert_files(repo, present, config, progress)
    updates: dict[str, git.TreeEntry | None] = {
        target_path(config, path): None for path in changed if selected(path, config.source)
    }  # a file Glue deleted, or one that is no longer carried (a symlink out of the repository), goes
    updates |= {target_path(config, path): result.entry for path, result in converted.items() if result.entry}
    _update_compat(repo, config, previous, updates, converted.values())
    findings = tuple(f for result in converted.values() for f in result.findings)
    warnings = include_warnings(git.ls_names(repo, glue_commit), config.source, glue_commit, config.jobs.include)
    return MirrorBuild(git.edit_tree(repo, previous.tree, updates), findings, tuple(converted), warnings)


def _carried(path: str, entry: git.TreeEntry, config: Config) -> bool:
    return selected(path, config.source) and entry.mode != _SUBMODULE


class _Converted(NamedTuple):
    entry: git.TreeEntry | None  # None: the file stays out of the mirror (see findings)
    findings: tuple[Finding, ...]
    text: bytes | None  # the mirror file's content when it was read or made here (None: a symlink)
    changed: bool  # the converter changed the file


def _convert_files(
    repo: git.Repo, files: dict[str, git.TreeEntry], config: Config, progress: Progress | None
) -> dict[str, _Converted]:
    """Every given Glue file as the mirror holds it (in the order given), converted in a pool of processes when
    there are many."""
    results: dict[str, _Converted] = {}
    to_convert: list[tuple[str, git.TreeEntry, bytes]] = []
    for path, entry in files.items():
        if target_path(config, path) == CONFIG_FILE:  # the Databricks repository's configuration is never Glue's
            message = (
                f"would land on this repository's own {CONFIG_FILE}: left out of the mirror (set [target] root to "
                "keep Glue files in a folder)"
            )
            results[path] = _Converted(None, (Finding(path, 1, PARSE_RULE, message),), None, False)
        elif entry.mode == _SYMLINK:
            problem = _link_problem(repo, path, entry)  # left out: its target is never read
            results[path] = _Converted(None if problem else entry, (problem,) if problem else (), None, False)
        elif not path.endswith(".py"):
            results[path] = _Converted(entry, (), None, False)
        else:
            results[path] = _Converted(entry, (), None, False)  # its place in the order; filled in below
            to_convert.append((path, entry, git.read_blob(repo, entry.sha)))
    outputs = pool.converted_outputs([(data, path) for path, _, data in to_convert], config.convert, progress)
    for (path, entry, data), (text, findings) in zip(to_convert, outputs, strict=True):
        changed = text != data
        new_entry = git.TreeEntry(entry.mode, git.write_blob(repo, text)) if changed else entry
        results[path] = _Converted(new_entry, findings, text, changed)
    return results


def include_warnings(
    glue_files: Iterable[str], source: SourceConfig, glue_commit: str, jobs: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """A warning for each [source] include glob that brings no file of the Glue commit into the mirror, and for
    each [jobs] include glob that matches no file of it."""
    warnings = []
    paths = list(glue_files)
    for glob in source.include:
        hits = (path for path in paths if matches(path, (glob,)))
        first = next(hits, None)
        if first is None:
            warnings.append(
                f"warning: [source] include {glob!r} matches no file in Glue commit {glue_commit[:12]}: "
                "nothing from it reaches the mirror; check the glob in g2l.toml"
            )
        elif all(matches(path, source.exclude) for path in itertools.chain((first,), hits)):
            warnings.append(
                f"warning: [source] include {glob!r} matches only files that [source] exclude leaves "
                f"out in Glue commit {glue_commit[:12]}: nothing from it reaches the mirror"
            )
    warnings += [
        f"warning: [jobs] include {glob!r} matches no file in Glue commit {glue_commit[:12]}: no job definitions "
        "come from it; check the glob in g2l.toml"
        for glob in jobs
        if not any(matches(path, (glob,)) for path in paths)
    ]
    return tuple(warnings)


def _link_problem(repo: git.Repo, path: str, entry: git.TreeEntry) -> Finding | None:
    """Why a Glue symlink stays out of the mirror (it points outside the Glue repository or into .git), or None.

    Only the link itself (the path it names) is read, never what it points to. A link that stays inside the Glue
    repository is carried as a link, so it points at the same converted file in the mirror.
    """
    target = git.read_blob(repo, entry.sha).decode("utf-8", errors="surrogateescape")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    outside = (
        target.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", target) is not None
        or resolved == ".."
        or resolved.startswith("../")
    )
    into_git = any(part.lower() == ".git" for part in re.split(r"[/\\]", resolved))
    if not outside and not into_git:
        return None
    where = "outside the Glue repository" if outside else "into a .git folder"
    return Finding(
        path, 1, PARSE_RULE, f"symlink to {target!r}, {where}: left out of the mirror (its target is never read)"
    )


COMPAT_MODULE = "glue_compat.py"
_COMPAT_NAME = b"glue_compat"


def _compat_source() -> bytes:
    return (Path(__file__).parent / "convert" / "compat" / COMPAT_MODULE).read_bytes()


def _compat_entry() -> git.TreeEntry:
    return git.TreeEntry("100644", git.blob_sha(_compat_source()))


def _compat_blob(repo: git.Repo) -> git.TreeEntry:
    return git.TreeEntry("100644", git.write_blob(repo, _compat_source()))


def _carry_compat(
    repo: git.Repo,
    config: Config,
    entries: dict[str, git.TreeEntry],
    converted: Iterable[_Converted],
    previous: MirrorCommit | None,
) -> None:
    """Put glue_compat.py at the target root when converted code imports it (it stays once it is there, while
    any mirror file still names it). A Glue file of that name wins."""
    dest = target_path(config, COMPAT_MODULE)
    if dest in entries:
        return
    results = list(converted)
    needed = any(r.changed and r.text is not None and _COMPAT_NAME in r.text for r in results)
    if not needed and previous is not None and git.tree_entry(repo, previous.tree, dest) is not None:
        needed = any(_COMPAT_NAME in _text_of(repo, r) for r in results if r.entry is not None)
    if needed:
        entries[dest] = _compat_blob(repo)


def _text_of(repo: git.Repo, result: _Converted) -> bytes:
    assert result.entry is not None
    return result.text if result.text is not None else git.read_blob(repo, result.entry.sha)


def _update_compat(
    repo: git.Repo,
    config: Config,
    previous: MirrorCommit,
    updates: dict[str, git.TreeEntry | None],
    converted: Iterable[_Converted],
) -> None:
    """_carry_compat for a tree made from the previous one: the files Glue did not change are searched (one git
    grep) only when the converted ones do not decide it."""
    dest = target_path(config, COMPAT_MODULE)
    had = git.tree_entry(repo, previous.tree, dest)
    if updates.get(dest) is not None or (dest not in updates and had is not None and had != _compat_entry()):
        return  # Glue's own glue_compat.py, changed now or kept from before, stays as converted
    results = list(converted)
    needed = any(r.changed and r.text is not None and _COMPAT_NAME in r.text for r in results)
    if not needed and had is not None:
        needed = any(_COMPAT_NAME in _text_of(repo, r) for r in results if r.entry is not None) or any(
            path not in updates and path != dest
            for path in git.files_containing(repo, previous.tree, [_COMPAT_NAME.decode()])
        )
    if needed:
        updates[dest] = _compat_blob(repo)
    elif had is not None:
        updates[dest] = None


def converted_alike(previous: MirrorCommit, config: Config) -> bool:
    """The mirror commit was converted by this converter with these settings."""
    return previous.converter == CONVERTER_VERSION and previous.config_hash == config_hash(config)


def _reusable(repo: git.Repo, config: Config, previous: MirrorCommit | None) -> bool:
    """True when the previous mirror commit was converted alike (and its Glue commit is here to compare with):
    then only what Glue changed since is converted again."""
    return (
        previous is not None
        and converted_alike(previous, config)
        and git.rev_parse(repo, previous.glue_commit) is not None
    )


def commit(
    repo: git.Repo, tree: str, parent: str | None, glue: git.Commit, config: Config, rewritten: str | None = None
) -> str:
    """Record a converted tree on the mirror, authored as the Glue commit it came from."""
    note = (
        (
            f"Glue history was rewritten: Glue commit {rewritten}, which the previous mirror commit holds, is no "
            "longer in Glue's history.\n\n"
        )
        if rewritten
        else ""
    )
    message = (
        f"Glue {glue.sha[:12]}: {glue.subject}\n\n"
        f"Converted by g2l-merge {CONVERTER_VERSION} from Glue commit {glue.sha}.\n\n{note}"
        f"{GLUE_TRAILER}: {glue.sha}\n"
        f"{CONVERTER_TRAILER}: {CONVERTER_VERSION}\n"
        f"{CONFIG_TRAILER}: {config_hash(config)}\n"
    )
    return git.commit_tree(repo, tree, [parent] if parent else [], message, author=glue.author)
