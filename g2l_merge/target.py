"""The Databricks side of a command: the g2l.toml a commit holds, the branch a merge goes into, and where the
Glue repository is. `init`, `sync`, `status` and `log` read them here, with one wording for each error."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from g2l_merge import config as cfg
from g2l_merge import git
from g2l_merge.errors import G2lError


class Target(NamedTuple):
    ref: str  # the branch the team works on: where ours comes from
    tip: str
    dest: str  # the ref that receives the merge commit (ref, or refs/heads/NAME with --branch)
    dest_old: str  # its expected value (NULL_SHA when it is created)
    in_worktree: bool

    @property
    def name(self) -> str:
        return self.ref.removeprefix("refs/heads/")


def head_commit(repo: git.Repo) -> str:
    """HEAD's commit, where g2l.toml is read from when no branch says otherwise."""
    head = git.rev_parse(repo, "HEAD")
    if head is None:
        raise G2lError("this repository has no commits yet: run `git g2l-sync init` first")
    return head


def read_config(repo: git.Repo, commit: str) -> cfg.Config:
    """g2l.toml as committed at `commit` (bytes that are not UTF-8 are an error naming the line)."""
    data = git.show_file(repo, commit, cfg.CONFIG_FILE)
    if data is None:
        raise G2lError(f"{cfg.CONFIG_FILE}: not found on this branch; run `git g2l-sync init --glue PATH` first")
    return cfg.load_bytes(data)


def branch_tip(repo: git.Repo, name: str) -> str:
    """The tip of [target] branch (or the branch a bare clone's status reads)."""
    tip = git.rev_parse(repo, f"refs/heads/{name}")
    if tip is None:
        raise G2lError(f"{cfg.CONFIG_FILE}: [target] branch {name!r} does not exist in this repository")
    return tip


def glue_source(repo: git.Repo, config: cfg.Config, override: str | None) -> str:
    """The Glue repository to fetch from; relative paths start at the Databricks repository."""
    source = override or config.source.repo
    if "://" in source or source.startswith("git@") or Path(source).is_absolute():
        return source
    return str((repo.root / source).resolve())
