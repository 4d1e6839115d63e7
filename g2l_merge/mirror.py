"""Glue commit -> converted tree -> mirror commit, and reading the mirror's history back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from g2l_merge import git
from g2l_merge.config import Config, config_hash, selected
from g2l_merge.convert.engine import CONVERTER_VERSION, Finding, convert_source
from g2l_merge.errors import refused

GLUE_TRAILER = "G2l-Glue-Commit"
CONVERTER_TRAILER = "G2l-Converter"
CONFIG_TRAILER = "G2l-Config"
_TRAILER = re.compile(r"^(G2l-[A-Za-z-]+): (.+)$", re.MULTILINE)
_BOM = b"\xef\xbb\xbf"
_SUBMODULE = "160000"


class MirrorCommit(NamedTuple):
    sha: str
    tree: str
    parent: str | None
    glue_commit: str
    converter: str
    config_hash: str
    glue_subject: str
    date: int


class MirrorBuild(NamedTuple):
    tree: str
    findings: tuple[Finding, ...]
    converted: tuple[str, ...]  # Glue paths converted in this build (the rest reused)


def trailers(message: str) -> dict[str, str]:
    """The G2l-* trailers of a commit message."""
    return dict(_TRAILER.findall(message))


def as_mirror_commit(commit: git.Commit) -> MirrorCommit | None:
    """Read a commit as a mirror commit; None when it carries no G2l-Glue-Commit trailer."""
    found = trailers(commit.message)
    if GLUE_TRAILER not in found:
        return None
    subject = commit.subject.split(": ", 1)[1] if ": " in commit.subject else commit.subject
    return MirrorCommit(commit.sha, commit.tree, commit.parents[0] if commit.parents else None,
                        found[GLUE_TRAILER], found.get(CONVERTER_TRAILER, "?"),
                        found.get(CONFIG_TRAILER, "?"), subject, commit.author_date)


def read_mirror_commit(repo: git.Repo, sha: str) -> MirrorCommit:
    """One mirror commit; a commit without trailers means the mirror branch was edited by hand."""
    mirror = as_mirror_commit(git.read_commit(repo, sha))
    if mirror is None:
        raise refused(f"mirror commit {sha[:12]} has no {GLUE_TRAILER} trailer: the mirror branch "
                          "was changed by hand; reset it to its last g2l-merge commit and rerun")
    return mirror


def history(repo: git.Repo, mirror_tip: str | None) -> list[MirrorCommit]:
    """Every mirror commit, newest first (first-parent walk)."""
    if mirror_tip is None:
        return []
    return [read_mirror_commit(repo, sha) for sha in git.rev_list(repo, "--first-parent", mirror_tip)]


def target_path(config: Config, glue_path: str) -> str:
    """Where a Glue file lands in the Databricks repository."""
    root = config.target.root.strip("/")
    return f"{root}/{glue_path}" if root and root != "." else glue_path


def glue_path(config: Config, mirror_path: str) -> str | None:
    """The Glue path a mirror path was converted from; None for a file the mirror adds (glue_compat.py)."""
    root = config.target.root.strip("/")
    path = mirror_path.removeprefix(f"{root}/") if root and root != "." else mirror_path
    if root and root != "." and path == mirror_path:
        return None
    return path if selected(path, config.source) else None


def findings_for(repo: git.Repo, glue_commit: str, path: str, config: Config) -> tuple[Finding, ...]:
    """The converter's findings for one Glue file, converted again (conversion is deterministic)."""
    entry = git.ls_tree(repo, glue_commit).get(path)
    if entry is None or not path.endswith(".py") or not entry.mode.startswith("100") or entry.mode == "120000":
        return ()
    return convert_bytes(git.read_blob(repo, entry.sha), path, config)[1]


def build_tree(repo: git.Repo, glue_commit: str, config: Config,
               previous: MirrorCommit | None) -> MirrorBuild:
    """Convert the selected files of a Glue commit into a tree; unchanged files reuse the last conversion."""
    glue_files = {path: entry for path, entry in git.ls_tree(repo, glue_commit).items()
                  if selected(path, config.source) and entry.mode != _SUBMODULE}
    reusable = _reusable(repo, glue_files, config, previous)
    entries: dict[str, git.TreeEntry] = {}
    findings: list[Finding] = []
    converted = []
    converted_texts: list[bytes] = []
    for path, entry in glue_files.items():
        dest = target_path(config, path)
        if path in reusable:
            entries[dest] = reusable[path]
            continue
        entries[dest], file_findings = _convert_entry(repo, path, entry, config)
        findings.extend(file_findings)
        converted.append(path)
        if entries[dest] != entry:
            converted_texts.append(git.read_blob(repo, entries[dest].sha))
    _carry_compat(repo, config, entries, converted_texts, previous)
    return MirrorBuild(git.write_tree(repo, entries), tuple(findings), tuple(converted))


COMPAT_MODULE = "glue_compat.py"


def _carry_compat(repo: git.Repo, config: Config, entries: dict[str, git.TreeEntry], converted_texts: list[bytes],
                  previous: MirrorCommit | None) -> None:
    """Put glue_compat.py at the target root when converted code imports it (it stays once it is there)."""
    dest = target_path(config, COMPAT_MODULE)
    if dest in entries:
        return
    needed = any(b"glue_compat" in text for text in converted_texts)
    if not needed and previous is not None:
        needed = dest in git.ls_tree(repo, previous.tree) and any(_uses_compat(repo, e) for e in entries.values())
    if needed:
        source = (Path(__file__).parent / "convert" / "compat" / COMPAT_MODULE).read_bytes()
        entries[dest] = git.TreeEntry("100644", git.write_blob(repo, source))


def _uses_compat(repo: git.Repo, entry: git.TreeEntry) -> bool:
    return b"glue_compat" in git.read_blob(repo, entry.sha)


def _reusable(repo: git.Repo, glue_files: dict[str, git.TreeEntry], config: Config,
              previous: MirrorCommit | None) -> dict[str, git.TreeEntry]:
    """Files whose Glue blob and conversion settings are unchanged since the previous mirror commit."""
    if (previous is None or previous.converter != CONVERTER_VERSION
            or previous.config_hash != config_hash(config)
            or git.rev_parse(repo, previous.glue_commit) is None):
        return {}
    old_glue = git.ls_tree(repo, previous.glue_commit)
    old_mirror = git.ls_tree(repo, previous.tree)
    reusable = {}
    for path, entry in glue_files.items():
        dest = target_path(config, path)
        if old_glue.get(path) == entry and dest in old_mirror:
            reusable[path] = old_mirror[dest]
    return reusable


def _convert_entry(repo: git.Repo, path: str, entry: git.TreeEntry,
                   config: Config) -> tuple[git.TreeEntry, tuple[Finding, ...]]:
    if not path.endswith(".py") or entry.mode == "120000":
        return entry, ()
    data = git.read_blob(repo, entry.sha)
    converted, findings = convert_bytes(data, path, config)
    if converted == data:
        return entry, findings
    return git.TreeEntry(entry.mode, git.write_blob(repo, converted)), findings


def convert_bytes(data: bytes, path: str, config: Config) -> tuple[bytes, tuple[Finding, ...]]:
    """Convert one file's bytes, keeping a BOM; undecodable files come back unchanged with a finding."""
    bom = _BOM if data.startswith(_BOM) else b""
    try:
        text = data[len(bom):].decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return data, (Finding(path, line, "G2L000", "not UTF-8, carried over unchanged"),)
    result = convert_source(text, path, config.convert)
    return bom + result.text.encode("utf-8"), result.findings


def commit(repo: git.Repo, tree: str, parent: str | None, glue: git.Commit, config: Config,
           rewritten: str | None = None) -> str:
    """Record a converted tree on the mirror, authored as the Glue commit it came from."""
    note = (f"Glue history was rewritten: Glue commit {rewritten}, which the previous mirror commit holds, is no "
            "longer in Glue's history.\n\n") if rewritten else ""
    message = (f"Glue {glue.sha[:12]}: {glue.subject}\n\n"
               f"Converted by g2l-merge {CONVERTER_VERSION} from Glue commit {glue.sha}.\n\n{note}"
               f"{GLUE_TRAILER}: {glue.sha}\n"
               f"{CONVERTER_TRAILER}: {CONVERTER_VERSION}\n"
               f"{CONFIG_TRAILER}: {config_hash(config)}\n")
    return git.commit_tree(repo, tree, [parent] if parent else [], message, author=glue.author)
