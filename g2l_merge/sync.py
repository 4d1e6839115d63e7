"""One sync, start to end: fetch Glue, advance the mirror, merge it, return a SyncReport."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from g2l_merge import config as cfg
from g2l_merge import git, mirror
from g2l_merge.config import Config
from g2l_merge.convert.engine import Finding
from g2l_merge.errors import G2lError, refused
from g2l_merge.mergefile import Labels
from g2l_merge.plan import MergePlan, plan_merge
from g2l_merge.report import FileChanges, SkippedNative, SyncReport

DIRTY_MESSAGE = ("The work tree has uncommitted changes ({paths}); g2l-sync cannot continue. "
                 "Commit or stash your changes and retry, or use --branch NAME to sync without the work tree.")


class SyncOptions(NamedTuple):
    glue_ref: str | None = None
    glue: str | None = None  # overrides [source] repo (a CI clone's path or URL)
    dry_run: bool = False
    branch: str | None = None
    protected: str = "conflict"


class Target(NamedTuple):
    ref: str  # the branch the team works on: where ours comes from
    tip: str
    dest: str  # the ref that receives the merge commit (ref, or refs/heads/NAME with --branch)
    dest_old: str  # its expected value (NULL_SHA when it is created)
    in_worktree: bool

    @property
    def name(self) -> str:
        return self.ref.removeprefix("refs/heads/")


class MirrorStep(NamedTuple):
    ref: str
    old: str | None
    new: str
    glue: git.Commit
    findings: tuple[Finding, ...]


def sync(repo: git.Repo, options: SyncOptions) -> SyncReport:
    """Run one sync under the repository's lock."""
    with git.lock(repo, "sync"):
        config, target = _prepare(repo, options)
        step = _advance_mirror(repo, config, options)
        return merge_step(repo, config, target, step, options)


def _prepare(repo: git.Repo, options: SyncOptions) -> tuple[Config, Target]:
    identity = git.identity_problem(repo)
    if identity and not options.dry_run:
        raise G2lError(identity)
    if options.branch is None:
        return _worktree_target(repo)
    config = read_config(repo, _config_commit(repo))
    ref = f"refs/heads/{config.target.branch}"
    tip = git.rev_parse(repo, ref)
    if tip is None:
        raise G2lError(f"g2l.toml: [target] branch {config.target.branch!r} does not exist in this repository")
    if not cfg.valid_ref_name(options.branch):
        raise G2lError(f"--branch {options.branch!r} is not a valid branch name")
    dest = f"refs/heads/{options.branch}"
    if repo.work_tree is not None and git.current_branch(repo) == dest:
        raise refused(f"{options.branch} is checked out in this work tree; run `git g2l-sync sync` without "
                      "--branch to merge into it")
    existing = git.ref_value(repo, dest)
    if existing not in (None, tip) and not _earlier_sync_of(repo, existing, tip):
        raise refused(f"branch {options.branch} already exists and is not at {config.target.branch}'s tip; "
                      "delete it or choose another --branch")
    return config, Target(ref, tip, dest, existing or git.NULL_SHA, in_worktree=False)


def _earlier_sync_of(repo: git.Repo, branch_tip: str, target_tip: str) -> bool:
    """True when a --branch branch holds a finished g2l merge made from this target tip (a rerun)."""
    commit = git.read_commit(repo, branch_tip)
    return len(commit.parents) == 2 and commit.parents[0] == target_tip and "G2l-Sync:" in commit.message


def _worktree_target(repo: git.Repo) -> tuple[Config, Target]:
    if repo.work_tree is None:
        raise G2lError("this is a bare repository: use --branch NAME to sync without a work tree")
    if git.merge_in_progress(repo):
        raise refused("a merge is in progress; finish it with `git commit` or `git merge --abort`, then retry")
    branch = git.current_branch(repo)
    tip = git.rev_parse(repo, "HEAD")
    if branch is None or tip is None:
        raise G2lError("HEAD is not on a branch with commits: check out the branch to sync into, "
                       "or use --branch NAME")
    dirty = git.dirty_paths(repo)
    if dirty:
        shown = ", ".join(dirty[:3]) + (f" and {len(dirty) - 3} more" if len(dirty) > 3 else "")
        raise refused(DIRTY_MESSAGE.format(paths=shown))
    return read_config(repo, tip), Target(branch, tip, branch, tip, in_worktree=True)


def _config_commit(repo: git.Repo) -> str:
    """Where g2l.toml is read from when there is no work tree to go by: HEAD."""
    head = git.rev_parse(repo, "HEAD")
    if head is None:
        raise G2lError("this repository has no commits yet: run `git g2l-sync init` first")
    return head


def read_config(repo: git.Repo, commit: str) -> Config:
    """g2l.toml as committed at `commit`."""
    entry = git.ls_tree(repo, commit).get(cfg.CONFIG_FILE)
    if entry is None:
        raise G2lError(f"{cfg.CONFIG_FILE}: not found on this branch; run `git g2l-sync init --glue PATH` first")
    return cfg.load(git.read_blob(repo, entry.sha).decode("utf-8", errors="replace"))


def glue_source(repo: git.Repo, config: Config, override: str | None) -> str:
    """The Glue repository to fetch from; relative paths start at the Databricks repository."""
    source = override or config.source.repo
    if "://" in source or source.startswith("git@") or Path(source).is_absolute():
        return source
    return str((repo.root / source).resolve())


def _advance_mirror(repo: git.Repo, config: Config, options: SyncOptions) -> MirrorStep:
    """Convert the Glue commit onto a new mirror commit object (no ref moves here)."""
    ref = f"refs/heads/{config.target.mirror_branch}"
    tip = git.ref_value(repo, ref)
    previous = mirror.read_mirror_commit(repo, tip) if tip else None
    source = glue_source(repo, config, options.glue)
    glue_sha = git.fetch_commit(repo, source, options.glue_ref or config.source.ref)
    glue = git.read_commit(repo, glue_sha)
    if previous and glue_sha != previous.glue_commit and _already_synced(repo, glue_sha, previous):
        return MirrorStep(ref, tip, previous.sha, git.read_commit(repo, previous.glue_commit), ())
    build = mirror.build_tree(repo, glue_sha, config, previous)
    if previous and previous.tree == build.tree and previous.glue_commit == glue_sha:
        return MirrorStep(ref, tip, previous.sha, glue, build.findings)
    new = mirror.commit(repo, build.tree, tip, glue, config)
    return MirrorStep(ref, tip, new, glue, build.findings)


def _already_on_dest(repo: git.Repo, target: Target, step: MirrorStep) -> bool:
    """A rerun of a finished --branch sync: the branch already merges this mirror commit."""
    return target.dest_old not in (git.NULL_SHA, target.tip) and git.is_ancestor(repo, step.new, target.dest_old)


def _already_synced(repo: git.Repo, glue_sha: str, previous: mirror.MirrorCommit) -> bool:
    """An older Glue commit than the mirror holds: syncing it would undo Glue's later work."""
    return git.rev_parse(repo, previous.glue_commit) is not None and git.is_ancestor(
        repo, glue_sha, previous.glue_commit)


def merge_step(repo: git.Repo, config: Config, target: Target, step: MirrorStep,
                options: SyncOptions) -> SyncReport:
    base = _merge_base(repo, target.tip, step.new)
    previous_glue = mirror.read_mirror_commit(repo, base).glue_commit if base else None
    if git.is_ancestor(repo, step.new, target.tip) or _already_on_dest(repo, target, step):
        return SyncReport("up-to-date", target.name, step.glue.sha, previous_glue, step.new, None,
                          dry_run=options.dry_run)
    labels = Labels(target.name, f"glue {previous_glue[:12]} (last sync)" if previous_glue else "empty",
                    f"glue {step.glue.sha[:12]}")
    plan = plan_merge(repo, target.tip, step.new, base, labels, config, options.protected)
    files = _file_changes(repo, base, step.new)
    merge_commit = None
    if not options.dry_run:  # the last step: nothing runs after the refs move
        merge_commit = _apply(repo, target, step, plan, _merge_message(target, step, plan))
    return SyncReport(
        "conflicts" if plan.conflicts else "clean", target.name, step.glue.sha, previous_glue, step.new,
        merge_commit, dry_run=options.dry_run, files=files,
        skipped_native=tuple(SkippedNative(path, patch) for path, patch in plan.skipped_native),
        conflicts=plan.conflicts, dropped_protected=plan.dropped, review=_review(config, step.findings))


def _merge_base(repo: git.Repo, ours: str, theirs: str) -> str | None:
    result = git.run(repo, "merge-base", ours, theirs, ok=(0, 1))
    return result.out.decode().strip() or None


def _merge_message(target: Target, step: MirrorStep, plan: MergePlan) -> str:
    lines = [f"Merge Glue {step.glue.sha[:12]} into {target.name}", "", f"Glue: {step.glue.subject}"]
    if plan.conflicts and not target.in_worktree:  # in the work tree, git's MERGE_MSG lists them itself
        lines += ["", "Conflicts:"] + [f"\t{c.path}" for c in plan.conflicts]
    lines += ["", f"G2l-Sync: {step.glue.sha}"]
    return "\n".join(lines) + "\n"


def _apply(repo: git.Repo, target: Target, step: MirrorStep, plan: MergePlan, message: str) -> str | None:
    """Make the merge real: refs by compare-and-swap; the work tree only when merging in place."""
    mirror_update = [git.RefUpdate(step.ref, step.new, step.old or git.NULL_SHA)] if step.new != step.old else []
    if not target.in_worktree:
        merge = git.commit_tree(repo, plan.tree, [target.tip, step.new], message)
        git.update_refs(repo, [*mirror_update, git.RefUpdate(target.dest, merge, target.dest_old)],
                        f"g2l-sync: {message.splitlines()[0]}")
        return merge
    if plan.conflicts:
        git.update_refs(repo, mirror_update, "g2l-sync: mirror Glue commit")
        _start_conflicted_merge(repo, target, step, plan, message)
        return None
    merge = git.commit_tree(repo, plan.tree, [target.tip, step.new], message)
    git.checkout_tree(repo, target.tip, plan.tree)
    try:
        git.update_refs(repo, [*mirror_update, git.RefUpdate(target.dest, merge, target.dest_old)],
                        f"g2l-sync: {message.splitlines()[0]}")
    except G2lError:
        git.checkout_tree(repo, plan.tree, target.tip)
        raise
    return merge


def _start_conflicted_merge(repo: git.Repo, target: Target, step: MirrorStep, plan: MergePlan,
                            message: str) -> None:
    """Leave git's own merging state (MERGE_HEAD, index stages), with g2l-merge's file contents."""
    if git.rev_parse(repo, "HEAD") != target.tip:
        raise refused(f"{target.name} moved during the sync; nothing changed in the work tree, rerun")
    git.start_worktree_merge(repo, step.new, message)
    for path, result in plan.files.items():
        git.set_merge_result(repo, path, result.mode, result.content, result.stages)


def _file_changes(repo: git.Repo, base: str | None, new_mirror: str) -> FileChanges:
    """What Glue changed since the last sync this branch contains (old mirror -> new mirror)."""
    old_tree = git.read_commit(repo, base).tree if base else None
    changes = git.diff_trees(repo, old_tree, git.read_commit(repo, new_mirror).tree)
    kinds: dict[str, list[str]] = {"A": [], "M": [], "D": []}
    renamed = []
    for change in changes:
        if change.status == "R" and change.old_path and change.new_path:
            renamed.append((change.old_path, change.new_path))
        else:
            kinds.get(change.status, kinds["M"]).append(change.new_path or change.old_path or "")
    return FileChanges(tuple(kinds["M"]), tuple(kinds["A"]), tuple(kinds["D"]), tuple(renamed))


def _review(config: Config, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Converter findings, with paths as they are in the Databricks repository."""
    return tuple(f._replace(path=mirror.target_path(config, f.path)) for f in findings)
