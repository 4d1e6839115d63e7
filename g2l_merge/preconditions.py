"""What a command that writes commits or the work tree needs before it starts; `init` and `sync` ask here, so
they refuse the same states with the same words."""

from __future__ import annotations

from g2l_merge import git
from g2l_merge.errors import G2lError, refused


def checked_out_branch(repo: git.Repo, command: str, instead: str | None = None) -> str:
    """The branch a work-tree command merges into. Bad input (exit 2) without a work tree or on a detached
    HEAD; refused (exit 3) during a merge or with uncommitted changes. `instead` names a way around the work
    tree (sync's --branch), offered in each message."""
    if repo.work_tree is None:
        raise G2lError(f"this is a bare repository: {instead or f'run {command} in a clone with a work tree'}")
    if git.merge_in_progress(repo):
        raise refused("a merge is in progress; finish it with `git commit` or `git merge --abort`, then retry")
    branch = git.current_branch(repo)
    if branch is None:
        from g2l_merge.target import team_branch

        raise G2lError(
            f"HEAD is detached: check out the branch the Databricks team works on (git switch "
            f"{team_branch(repo) or 'BRANCH'}), then run {command}" + (f", or {instead}" if instead else "")
        )
    dirty = git.dirty_paths(repo)
    if dirty:
        shown = ", ".join(dirty[:3]) + (f" and {len(dirty) - 3} more" if len(dirty) > 3 else "")
        raise refused(
            f"The work tree has uncommitted changes ({shown}); {command} cannot continue. Commit them "
            f"(`git commit -a`) or stash them (`git stash`), then rerun `git g2l-sync {command}`"
            + (f", or {instead}" if instead else "")
            + "."
        )
    return branch


def require_identity(repo: git.Repo) -> None:
    """Commits need an author: refuse before anything is written, with git's own advice."""
    problem = git.identity_problem(repo)
    if problem:
        raise G2lError(problem)
