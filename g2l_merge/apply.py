"""Making a merge plan real: refs by compare-and-swap, and (merging in place) the work tree and index.

Every way of stopping part-way leaves each ref at its old or its new value. In the work tree a small journal
(`.git/g2l-sync-pending`, one line) is written before the first change and removed after the last, so the next
`sync` finishes what an interrupted one started instead of refusing the half-updated tree:

- clean:     journal -> mirror and target refs in one transaction -> read-tree the merged tree -> journal gone
- conflicts: journal -> mirror ref -> read-tree the merged tree -> index stages -> MERGE_MSG, MERGE_MODE,
             MERGE_HEAD (last) -> journal gone: git's own merging state, as `git merge` leaves it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple, cast, get_args

from g2l_merge import git
from g2l_merge.errors import G2lError, refused
from g2l_merge.states import JournalKind

if TYPE_CHECKING:  # `status` reads the journal without loading the merge planner
    from g2l_merge.plan import MergePlan

JOURNAL = "g2l-sync-pending"


class Pending(NamedTuple):
    kind: JournalKind
    target_tip: str  # the target branch before the sync
    commit: str  # clean: the merge commit; conflicts: the mirror commit being merged


def read_journal(repo: git.Repo) -> Pending | None:
    path = repo.git_dir / JOURNAL
    try:
        kind, tip, commit = path.read_text().split()
    except (FileNotFoundError, ValueError):
        return None
    if kind not in get_args(JournalKind):  # a file we did not write: as if there were none
        return None
    return Pending(cast(JournalKind, kind), tip, commit)


def _write_journal(repo: git.Repo, pending: Pending) -> None:
    git.write_git_file(repo, JOURNAL, f"{pending.kind} {pending.target_tip} {pending.commit}\n")


def clear_journal(repo: git.Repo) -> None:
    with contextlib.suppress(FileNotFoundError):
        (repo.git_dir / JOURNAL).unlink()


def _untracked_in_the_way(repo: git.Repo, old_tree: str, new_tree: str) -> list[str]:
    """Paths the merge adds that an untracked file or folder (or a file where a folder must go) occupies.

    Only the paths the merge adds are looked at (one `diff-tree`), so the cost follows the change, not the tree.
    """
    assert repo.work_tree is not None
    blocked = []
    for path in git.added_paths(repo, old_tree, new_tree):
        parts = PurePosixPath(path).parts
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            where = repo.work_tree / prefix
            last = depth == len(parts)
            if (last and os.path.lexists(where)) or (not last and (where.is_symlink() or where.is_file())):
                if not git.tracks(repo, old_tree, prefix):  # something is there: ours unless git tracks it
                    blocked.append(path)
                break
    return blocked


def refuse_untracked(repo: git.Repo, old_tree: str, new_tree: str, command: str = "sync") -> None:
    """Refuse (exit 3) when checking out `new_tree` over `old_tree` would overwrite untracked files; the message
    names `command` (init or sync), the one to rerun."""
    blocked = _untracked_in_the_way(repo, old_tree, new_tree)
    if blocked:
        shown = ", ".join(blocked[:3]) + (f" and {len(blocked) - 3} more" if len(blocked) > 3 else "")
        raise refused(
            f"the {command} would overwrite untracked files in the work tree ({shown}); move them away or "
            f"commit them, then rerun `git g2l-sync {command}`; nothing changed"
        )


def clean_in_worktree(
    repo: git.Repo, mirror: list[git.RefUpdate], target: git.RefUpdate, tip_tree: str, merge_tree: str, reason: str
) -> None:
    """Refs first (one transaction), then the work tree; the journal lets a rerun finish the work tree."""
    _write_journal(repo, Pending("clean", target.old, target.new))
    try:
        git.update_refs(repo, [*mirror, target], reason)
    except G2lError:
        clear_journal(repo)
        raise
    try:
        git.checkout_tree(repo, tip_tree, merge_tree)
    except G2lError as error:
        _roll_back(repo, [*mirror, target], error)
    clear_journal(repo)


def conflicts_in_worktree(
    repo: git.Repo, mirror: list[git.RefUpdate], tip: str, mirror_commit: str, plan: MergePlan, message: str
) -> None:
    """Leave git's own merging state (MERGE_HEAD, index stages), with g2l-merge's file contents."""
    _write_journal(repo, Pending("conflicts", tip, mirror_commit))
    try:
        git.update_refs(repo, mirror, "g2l-sync: mirror Glue commit")
    except G2lError:
        clear_journal(repo)
        raise
    try:
        git.checkout_tree(repo, tip, plan.tree)
    except G2lError as error:
        _roll_back(repo, mirror, error)
    _merging_state(repo, tip, mirror_commit, plan, message)


def finish_conflicts(repo: git.Repo, tip: str, mirror_commit: str, plan: MergePlan, message: str) -> None:
    """An interrupted conflicted sync (the mirror moved, MERGE_HEAD not written yet): write the rest of its state,
    unless someone changed the work tree since (then refuse: finishing would overwrite their edits)."""
    tip_tree = git.read_commit(repo, tip).tree
    index = git.index_tree(repo)
    if index == tip_tree and not git.has_unstaged_changes(repo):  # the work tree was not touched yet
        refuse_untracked(repo, tip_tree, plan.tree)
        git.checkout_tree(repo, tip, plan.tree)
    elif not (index in (plan.tree, None) and _holds_plan(repo, plan)):
        raise refused(
            f"an interrupted sync of {mirror_commit[:12]} left the work tree part-way and it has changed "
            f"since; save your changes, run `git reset --hard HEAD`, remove {journal_path(repo)} and rerun"
        )
    _merging_state(repo, tip, mirror_commit, plan, message)


def _holds_plan(repo: git.Repo, plan: MergePlan) -> bool:
    """The index and work tree hold the plan's result as this sync wrote it (conflict stages or not), no more."""
    changed, unmerged = git.worktree_changes(repo)
    if changed - unmerged:
        return False
    paths = sorted(unmerged)
    entries = git.tree_entries(repo, plan.tree, paths)
    if any(path not in entries or not (repo.root / path).is_file() for path in paths):
        return False
    return git.hash_files(repo, paths) == [entries[path].sha for path in paths]


def _merging_state(repo: git.Repo, tip: str, mirror_commit: str, plan: MergePlan, message: str) -> None:
    stages = {path: result.stages for path, result in plan.files.items() if result.stages}
    git.set_conflict_stages(repo, stages)
    git.write_merge_state(repo, mirror_commit, tip, message + _conflict_comment(plan))
    clear_journal(repo)


def _roll_back(repo: git.Repo, moved: list[git.RefUpdate], error: G2lError) -> None:
    """The work tree could not be updated: the refs go back (compare-and-swap) and the sync stops, nothing changed."""
    git.update_refs(
        repo,
        [git.RefUpdate(u.ref, u.old, u.new) for u in moved],  # to NULL_SHA: deleted again
        "g2l-sync: roll back, the work tree could not be updated",
    )
    clear_journal(repo)
    raise refused(f"the work tree could not be updated ({error.message}); nothing changed")


def _conflict_comment(plan: MergePlan) -> str:
    paths = sorted({c.path for c in plan.conflicts})
    return "\n# Conflicts:\n" + "".join(f"#\t{path}\n" for path in paths) if paths else ""


def finish_clean(repo: git.Repo, pending: Pending) -> bool:
    """An interrupted clean sync whose refs moved: bring the index and work tree to the merge commit.

    True when it finished (or there was nothing left to do); False when the work tree is not in a state this
    sync left (then the caller refuses and says what to do)."""
    index_tree = git.index_tree(repo)
    merge_tree = git.read_commit(repo, pending.commit).tree
    if index_tree == merge_tree:
        return True
    if index_tree != git.read_commit(repo, pending.target_tip).tree or git.has_unstaged_changes(repo):
        return False
    git.checkout_tree(repo, pending.target_tip, merge_tree)
    return True


def journal_path(repo: git.Repo) -> Path:
    return repo.git_dir / JOURNAL
