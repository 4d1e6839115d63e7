"""`init`: configure a Databricks repository, build the first mirror commit, merge or adopt it."""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from g2l_merge import apply, git, history, mirror, snapshot
from g2l_merge import config as cfg
from g2l_merge.driver import register_merge_driver
from g2l_merge.errors import G2lError, refused
from g2l_merge.preconditions import checked_out_branch, require_identity
from g2l_merge.report import SyncReport
from g2l_merge.sync import MirrorStep, SyncOptions, merge_step
from g2l_merge.target import Target, glue_source


class InitOptions(NamedTuple):
    glue: str
    glue_ref: str | None = None  # None: the Glue repository's HEAD branch (S3 and folder sources have no ref)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    target_root: str = ""
    adopt: str | None = None
    mirror_branch: str = "glue-mirror"
    progress: mirror.Progress | None = None  # called as files convert (the command line draws a bar)


def init(repo: git.Repo, options: InitOptions) -> SyncReport:
    """Write and commit g2l.toml, then build the first mirror commit and merge (or adopt) it."""
    with git.lock(repo, "init"):
        branch = _check_ready(repo)
        config = _new_config(options, branch)
        _validate(cfg.dump(config))
        mirror_ref = f"refs/heads/{config.target.mirror_branch}"
        if git.ref_value(repo, mirror_ref):
            raise refused(
                f"branch {config.target.mirror_branch} already exists: this repository is already "
                "set up; run `git g2l-sync sync`"
            )
        config, followed = _followed_ref(repo, config, options)
        text = cfg.dump(config)
        glue_sha = _glue_commit(repo, config, options)
        glue = git.read_commit(repo, glue_sha)
        build = mirror.build_tree(repo, glue_sha, config, None, options.progress)
        head = git.rev_parse(repo, "HEAD")
        if not options.adopt:  # before anything is written: the initial merge must not overwrite local files
            old = git.read_commit(repo, head).tree if head else git.EMPTY_TREE
            apply.refuse_untracked(repo, old, build.tree, "init")
        register_merge_driver(repo)
        tip = git.commit_file(
            repo,
            cfg.CONFIG_FILE,
            text.encode(),
            f"Configure g2l-merge\n\n{_source_line(repo, config)}\n",
        )
        step = MirrorStep(
            mirror_ref,
            None,
            mirror.commit(repo, build.tree, None, glue, config),
            glue,
            build.findings,
            frozenset(build.converted),
            warnings=build.warnings,
        )
        target = Target(branch, tip, branch, tip, in_worktree=True)
        if options.adopt:
            return dataclasses.replace(_adopt(repo, target, step), notes=followed + build.warnings)
        report = merge_step(repo, config, target, step, SyncOptions())
        merged = git.rev_parse(repo, "HEAD")  # init merges in the work tree: the branch's new tip
        if merged is not None:  # the files with markers, recorded: `status` then reads only what changed since
            history.marker_files(repo, git.read_commit(repo, merged).tree)
        return dataclasses.replace(report, notes=followed + report.notes)


def next_steps(repo: git.Repo, branch: str, mirror_branch: str) -> str:
    """The line after init's report: what the README says to do next, with this repository's names."""
    remote = git.config_value(repo, f"branch.{branch}.remote")
    if remote is None or remote == ".":
        names = git.remotes(repo)
        remote = "origin" if "origin" in names else (names[0] if len(names) == 1 else None)
    push = (
        f"git push {remote} {branch} {mirror_branch}" if remote else f"push {branch} and {mirror_branch} to your remote"
    )
    return f"next: git g2l-sync install-hooks (guards the markers), then {push}"


ADOPT_SNAPSHOT = "snapshot"  # --adopt's value with an S3 or folder source: the snapshot init takes


def _followed_ref(repo: git.Repo, config: cfg.Config, options: InitOptions) -> tuple[cfg.Config, tuple[str, ...]]:
    """Without --glue-ref, a Glue git repository's HEAD branch becomes [source] ref, and a report note says so.
    S3 and folder sources have no ref: their config stays as it is."""
    location = glue_source(repo, config, None)
    if options.glue_ref is not None or snapshot.source_of(location, repo.root) is not None:
        return config, ()
    head = git.remote_head(repo, location, f"--glue {options.glue}")
    if head.branch is None:
        if head.empty:
            raise git.no_commits(location, f"--glue {options.glue}")
        why = "is detached" if head.detached else "names a branch with no commits"
        raise G2lError(
            f"--glue {options.glue}: the Glue repository's HEAD {why}, so init cannot tell which branch to follow; "
            f"pass --glue-ref BRANCH ({git.branches_text(head.branches)})"
        )
    source = dataclasses.replace(config.source, ref=head.branch)
    note = f"following Glue branch {head.branch!r} (the Glue repository's HEAD)"
    return dataclasses.replace(config, source=source), (note,)


def _glue_commit(repo: git.Repo, config: cfg.Config, options: InitOptions) -> str:
    """The Glue commit init mirrors: --adopt's or [source] ref's, fetched; or a snapshot of an S3 prefix or
    folder, which has no other commit for --adopt to name than the one taken now."""
    location = glue_source(repo, config, None)
    source = snapshot.source_of(location, repo.root)
    if source is None:
        return git.fetch_commit(
            repo,
            location,
            options.adopt or config.source.ref,
            source_option=f"--glue {options.glue}",
            ref_option="--adopt" if options.adopt else "--glue-ref",  # init's ref: --glue-ref's, or Glue's HEAD
        )
    if options.adopt not in (None, ADOPT_SNAPSHOT):
        raise G2lError(
            f"--adopt {options.adopt!r}: {source.name} is not a git repository; write --adopt {ADOPT_SNAPSHOT} "
            "to record the snapshot init takes now as merged"
        )
    return snapshot.take(repo, source)


def _source_line(repo: git.Repo, config: cfg.Config) -> str:
    if snapshot.source_of(glue_source(repo, config, None), repo.root) is not None:
        return f"Glue scripts: {config.source.repo} (snapshots on {snapshot.SNAPSHOT_REF})"
    return f"Glue repository: {config.source.repo} ({config.source.ref})"


_OPTION_OF = {
    "[source] repo": "--glue",
    "[source] ref": "--glue-ref",
    "[source] include": "--include",
    "[source] exclude": "--exclude",
    "[target] root": "--target-root",
    "[target] mirror_branch": "--mirror-branch",
    "[target] branch": "the checked-out branch",
}


def _validate(text: str) -> None:
    """The config init is about to write, validated as every command will read it; errors name the option."""
    try:
        cfg.load(text)
    except G2lError as error:
        message = error.message.removesuffix(cfg.edit_hint(cfg.CONFIG_FILE))  # the option is what to change
        given = next((option for key, option in _OPTION_OF.items() if key in message), None)
        raise G2lError(message + (f" (given as {given})" if given else ""), error.code) from None


def _check_ready(repo: git.Repo) -> str:
    branch = checked_out_branch(repo, "init")
    require_identity(repo)
    head = git.rev_parse(repo, "HEAD")
    if (repo.root / cfg.CONFIG_FILE).exists() or (head and git.tree_entry(repo, head, cfg.CONFIG_FILE)):
        raise G2lError(f"{cfg.CONFIG_FILE}: already exists; this repository is set up, run `git g2l-sync sync`")
    return branch


def _new_config(options: InitOptions, branch: str) -> cfg.Config:
    source = cfg.SourceConfig(
        repo=options.glue,
        ref=options.glue_ref or cfg.SourceConfig.ref,
        include=options.include or cfg.SourceConfig.include,
        exclude=options.exclude,
    )
    target = cfg.TargetConfig(
        branch=branch.removeprefix("refs/heads/"),
        mirror_branch=options.mirror_branch,
        root=options.target_root.strip("/"),
    )
    return cfg.Config(source=source, target=target)


def _adopt(repo: git.Repo, target: Target, step: MirrorStep) -> SyncReport:
    """Record the mirror as merged with the ours strategy: the hand-migrated tree stays as it is."""
    tree = git.read_commit(repo, target.tip).tree
    message = (
        f"Adopt Glue {step.glue.sha[:12]} into {target.name}\n\n"
        "The Databricks tree already holds this Glue commit (merged with the ours strategy).\n\n"
        f"G2l-Sync: {step.glue.sha}\n"
    )
    merge = git.commit_tree(repo, tree, [target.tip, step.new], message)
    git.update_refs(
        repo,
        [
            git.RefUpdate(step.ref, step.new, git.NULL_SHA),
            git.glue_ref_update(repo, step.glue.sha),
            *snapshot.ref_updates(repo, step.glue),
            git.RefUpdate(target.dest, merge, target.dest_old),
        ],
        "g2l-sync: adopt",
    )
    return SyncReport(
        "clean", target.name, step.glue.sha, None, step.new, merge, notes=("adopted: the work tree was kept as it is",)
    )
