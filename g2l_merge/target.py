"""The Databricks side of a command: the g2l.toml a commit holds, the branch a merge goes into, and where the
Glue repository is. `init`, `sync`, `status` and `log` read them here, with one wording for each error."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import NamedTuple

from g2l_merge import config as cfg
from g2l_merge import git, mirror
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


def head_config(repo: git.Repo, head: str | None = None) -> cfg.Config:
    """g2l.toml as HEAD (`head`, when the caller has read it) has it, which sync, status and log go by; when HEAD
    has none, an error that says where HEAD is (the mirror branch, another branch, no branch) and which branch
    to switch to."""
    head = head or head_commit(repo)
    data = git.show_file(repo, head, cfg.CONFIG_FILE)
    if data is None:
        raise _where_head_is(repo, head)[0]
    return cfg.load_bytes(data)


def refuse_on_mirror(repo: git.Repo) -> None:
    """`native` and `protect` edit the team's files: on the mirror branch (or detached at a mirror commit) they
    refuse as sync does there; elsewhere they need no g2l.toml."""
    head = git.rev_parse(repo, "HEAD")
    if head is None or git.show_file(repo, head, cfg.CONFIG_FILE) is not None:
        return
    error, on_mirror = _where_head_is(repo, head)
    if on_mirror:
        raise error


def _where_head_is(repo: git.Repo, head: str) -> tuple[G2lError, bool]:
    """The error for a HEAD without g2l.toml, and whether HEAD is on the mirror branch or a mirror commit."""
    branch = git.current_branch(repo)
    name = branch.removeprefix("refs/heads/") if branch else None
    held = _configs_on_branches(repo)
    mirrored = {b: c for b, c in held.items() if c.target.mirror_branch == name}
    team = _team_branch(mirrored or held)
    to = team or "BRANCH"
    switch = f"git symbolic-ref HEAD refs/heads/{to}" if repo.work_tree is None else f"git switch {to}"
    if mirrored or name == cfg.TargetConfig().mirror_branch or _is_mirror_commit(repo, head):
        where = (
            f"on {name!r}, the mirror branch that only git g2l-sync writes"
            if name
            else f"detached at mirror commit {head[:12]}"
        )
        whose = "your team branch" if team else "the branch the Databricks team works on"
        return G2lError(f"HEAD is {where} (it has no {cfg.CONFIG_FILE}); switch to {whose} first: {switch}"), True
    where = f"branch {name!r}" if name else f"HEAD (detached at {head[:12]})"
    init = "run `git g2l-sync init --glue PATH`"
    if team:
        return G2lError(
            f"{cfg.CONFIG_FILE}: not found on {where}; switch to a branch that has it ({switch})"
            + (f", or {init} to set this branch up" if name else "")
        ), False
    return G2lError(f"{cfg.CONFIG_FILE}: not found on {where}; {init} first"), False


def team_branch(repo: git.Repo) -> str | None:
    """The branch the Databricks team works on, as the branches' g2l.toml files say; None when none has one."""
    return _team_branch(_configs_on_branches(repo))


def _configs_on_branches(repo: git.Repo) -> dict[str, cfg.Config]:
    """Each local branch whose g2l.toml reads -> that config (one `cat-file --batch` for all of them)."""
    branches = git.local_branches(repo)
    texts = git.read_objects(repo, [f"refs/heads/{b}:{cfg.CONFIG_FILE}" for b in branches])
    found = {}
    for branch in branches:
        data = texts[f"refs/heads/{branch}:{cfg.CONFIG_FILE}"]
        if data is not None:
            with contextlib.suppress(G2lError):
                found[branch] = cfg.load_bytes(data)
    return found


def _team_branch(configs: dict[str, cfg.Config]) -> str | None:
    """The branch to switch to: a branch that is its own config's [target] branch, else a [target] branch that
    has a config, else any branch that has one."""
    own = [b for b, c in configs.items() if c.target.branch == b]
    named = [c.target.branch for c in configs.values() if c.target.branch in configs]
    return next(iter(own + named + list(configs)), None)


def _is_mirror_commit(repo: git.Repo, sha: str) -> bool:
    return mirror.GLUE_TRAILER in mirror.trailers(git.read_commit(repo, sha).message)


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
