"""One sync, start to end: fetch Glue, advance the mirror, merge it, return a SyncReport."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from g2l_merge import apply, git, mirror, snapshot
from g2l_merge.config import Config
from g2l_merge.convert.findings import Finding
from g2l_merge.driver import refresh_merge_driver
from g2l_merge.errors import G2lError, refused
from g2l_merge.jobs import BUNDLE_FILE, JOB_RULES, review_lines
from g2l_merge.mergefile import Labels
from g2l_merge.plan import MergePlan, plan_merge
from g2l_merge.preconditions import checked_out_branch, require_identity
from g2l_merge.report import GLUE_COMMITS_SHOWN, FileChanges, GlueCommit, SkippedNative, SyncReport
from g2l_merge.states import OnProtected
from g2l_merge.target import Target, branch_tip, glue_source, head_commit, head_config, read_config

_WITHOUT_WORKTREE = "use --branch NAME to sync without the work tree"


class SyncOptions(NamedTuple):
    glue_ref: str | None = None
    glue: str | None = None  # overrides [source] repo (a CI clone's path or URL)
    dry_run: bool = False
    branch: str | None = None
    protected: OnProtected = OnProtected.CONFLICT
    onto: str | None = None  # with branch: merge onto this commit (an open sync PR's tip), not the target tip
    glue_commit: str | None = None  # the Glue commit already fetched for this run (sync --pr resolves it first)
    progress: mirror.Progress | None = None  # called as files convert (the command line draws a bar)


class MirrorStep(NamedTuple):
    ref: str
    old: str | None
    new: str
    glue: git.Commit
    findings: tuple[Finding, ...]
    converted: frozenset[str] = frozenset()  # Glue paths converted in this run (others' findings come again)
    rewritten: str | None = None  # the mirror's Glue commit that Glue's history no longer has
    warnings: tuple[str, ...] = ()  # [source] include globs that bring nothing


def sync(repo: git.Repo, options: SyncOptions) -> SyncReport:
    """Run one sync under the repository's lock (finishing an interrupted one first)."""
    if options.dry_run and git.identity_problem(repo):
        repo = repo._replace(stand_in_identity=True)  # its commit objects are never referenced
    with git.lock(repo, "sync") as stale_lock:
        notes: tuple[str, ...] = (stale_lock,) if stale_lock else ()
        resumed = _resume(repo, options)
        if resumed is not None:
            return replace(resumed, notes=notes + resumed.notes)
        config, target = _prepare(repo, options)
        problem = mirror.mirror_problem(repo, config, target.name, target.tip)
        if problem is not None:
            raise problem
        if not options.dry_run and (refreshed := refresh_merge_driver(repo)):
            notes += (refreshed,)
        step = _advance_mirror(repo, config, options, target.tip)
        report = merge_step(repo, config, target, step, options)
        return replace(report, notes=notes + report.notes)


def glue_head(repo: git.Repo, config: Config, options: SyncOptions) -> str:
    """The Glue commit this run syncs, fetched into this repository (or a snapshot of an S3 prefix or folder)."""
    source = glue_source(repo, config, options.glue)
    given = "--glue-ref" if options.glue_ref else None
    named = f"--glue {options.glue}" if options.glue else None
    return snapshot.glue_commit(repo, source, options.glue_ref or config.source.ref, given, named)


def preview(repo: git.Repo, options: SyncOptions) -> SyncReport:
    """What merging the mirror's tip into [target] branch brings, computed and never applied: the body of a
    pull request that may have been merged onto another branch tip."""
    config = head_config(repo)
    ref = f"refs/heads/{config.target.branch}"
    tip = branch_tip(repo, config.target.branch)
    mirror_ref = f"refs/heads/{config.target.mirror_branch}"
    mirror_tip = git.ref_value(repo, mirror_ref)
    if mirror_tip is None:
        raise G2lError(f"branch {config.target.mirror_branch} does not exist: run `git g2l-sync init` first")
    glue = git.read_commit(repo, mirror.read_mirror_commit(repo, mirror_tip).glue_commit)
    step = MirrorStep(mirror_ref, mirror_tip, mirror_tip, glue, ())
    target = Target(ref, tip, ref, tip, in_worktree=False)
    return merge_step(repo, config, target, step, options._replace(dry_run=True))


def _prepare(repo: git.Repo, options: SyncOptions) -> tuple[Config, Target]:
    if not options.dry_run:
        require_identity(repo)
    if options.branch is None:
        return _worktree_target(repo)
    config = head_config(repo)
    ref = f"refs/heads/{config.target.branch}"
    tip = options.onto or branch_tip(repo, config.target.branch)
    dest = f"refs/heads/{options.branch}"
    if repo.work_tree is not None and git.current_branch(repo) == dest:
        raise refused(
            f"{options.branch} is checked out in this work tree; run `git g2l-sync sync` without "
            "--branch to merge into it"
        )
    existing = git.ref_value(repo, dest)
    if existing not in (None, tip) and not earlier_sync_of(repo, existing, tip):
        raise refused(
            f"branch {options.branch} already exists and is not at "
            + (f"{options.onto[:12]}" if options.onto else f"{config.target.branch}'s tip")
            + "; delete it or choose another --branch"
        )
    return config, Target(ref, tip, dest, existing or git.NULL_SHA, in_worktree=False)


def earlier_sync_of(repo: git.Repo, branch_tip: str, target_tip: str) -> bool:
    """True when a --branch branch holds a finished g2l merge made from this target tip (a rerun)."""
    commit = git.read_commit(repo, branch_tip)
    made_by_g2l = f"{mirror.SYNC_TRAILER}:" in commit.message
    return len(commit.parents) == 2 and commit.parents[0] == target_tip and made_by_g2l


def _worktree_target(repo: git.Repo) -> tuple[Config, Target]:
    branch = checked_out_branch(repo, "sync", instead=_WITHOUT_WORKTREE)
    tip = head_commit(repo)
    return head_config(repo, tip), Target(branch, tip, branch, tip, in_worktree=True)


def _advance_mirror(repo: git.Repo, config: Config, options: SyncOptions, target_tip: str) -> MirrorStep:
    """Convert the Glue commit onto a new mirror commit object (no ref moves here)."""
    ref = f"refs/heads/{config.target.mirror_branch}"
    tip = git.ref_value(repo, ref)
    previous = mirror.read_mirror_commit(repo, tip) if tip else None
    glue_sha = options.glue_commit or glue_head(repo, config, options)
    glue = git.read_commit(repo, glue_sha)
    rewritten = None
    if previous and glue_sha != previous.glue_commit and not git.in_history(repo, previous.glue_commit, glue_sha):
        if options.glue_ref and _older_commit_asked(repo, glue_sha, previous):
            return MirrorStep(ref, tip, previous.sha, git.read_commit(repo, previous.glue_commit), ())
        rewritten = previous.glue_commit
    if previous and previous.glue_commit == glue_sha and mirror.converted_alike(previous, config):
        # the mirror already holds this Glue commit, converted by this converter with these settings: no tree work
        warnings = mirror.include_warnings(git.ls_names(repo, glue_sha), config.source, glue_sha, config.jobs.include)
        return MirrorStep(ref, tip, previous.sha, glue, (), warnings=warnings)
    make_bundle = bool(config.jobs.include) and not git.tracks(
        repo, git.read_commit(repo, target_tip).tree, BUNDLE_FILE
    )  # the first job resources come with a databricks.yml, unless the Databricks team has one
    build = mirror.build_tree(repo, glue_sha, config, previous, options.progress, make_bundle=make_bundle)
    if previous and previous.tree == build.tree and previous.glue_commit == glue_sha:
        return MirrorStep(
            ref, tip, previous.sha, glue, build.findings, frozenset(build.converted), warnings=build.warnings
        )
    new = mirror.commit(repo, build.tree, tip, glue, config, rewritten=rewritten)
    return MirrorStep(ref, tip, new, glue, build.findings, frozenset(build.converted), rewritten, build.warnings)


def _older_commit_asked(repo: git.Repo, glue_sha: str, previous: mirror.MirrorCommit) -> bool:
    """--glue-ref names a commit older than the mirror's (one its history holds): syncing it would undo Glue's
    later work, so the sync is up to date. (Without --glue-ref, Glue's ref moving back is a rewrite.)"""
    return git.in_history(repo, glue_sha, previous.glue_commit)


def _already_on_dest(repo: git.Repo, target: Target, step: MirrorStep) -> bool:
    """A rerun of a finished --branch sync: the branch already merges this mirror commit."""
    return target.dest_old not in (git.NULL_SHA, target.tip) and git.is_ancestor(repo, step.new, target.dest_old)


class Base(NamedTuple):
    """What the plan merges from: the target tip (or, after a squashed sync, a commit object that records that
    sync's mirror commit as merged into the target's tree) and the mirror commit that is the merge base."""

    ours: str
    base: str | None
    squashed: mirror.MirrorCommit | None


def merge_base(repo: git.Repo, config: Config, tip: str, mirror_commit: str) -> Base:
    """The merge base, also when a sync pull request was squash-merged: its mirror commit, found by the trailer
    the squash kept, so the merge does not bring that sync's changes again as conflicts."""
    base = git.merge_base(repo, tip, mirror_commit)
    squashed = mirror.squashed_sync(repo, tip, mirror_commit, config.target.mirror_branch, base)
    if squashed is None:
        return Base(tip, base, None)
    message = f"Record the squash-merged sync of Glue {squashed.glue_commit[:12]} (never referenced)\n"
    recorded = git.commit_tree(repo, git.read_commit(repo, tip).tree, [tip, squashed.sha], message)
    return Base(recorded, squashed.sha, squashed)


def _squash_note(squashed: mirror.MirrorCommit) -> str:
    return (
        f"the sync of Glue {squashed.glue_commit[:12]} reached this branch squashed or rebased (mirror commit "
        f"{squashed.sha[:12]} is not in its history): merged from that mirror commit as the base; merge sync "
        "pull requests with a merge commit"
    )


def merge_step(repo: git.Repo, config: Config, target: Target, step: MirrorStep, options: SyncOptions) -> SyncReport:
    found = merge_base(repo, config, target.tip, step.new)
    base = found.base
    previous_glue = mirror.read_mirror_commit(repo, base).glue_commit if base else None
    if step.rewritten is None and previous_glue and not git.in_history(repo, previous_glue, step.glue.sha):
        step = step._replace(rewritten=previous_glue)  # an earlier --branch sync already took the rewritten head
    notes = _rewrite_notes(step, config) + step.warnings
    notes += (_squash_note(found.squashed),) if found.squashed else ()
    if git.is_ancestor(repo, step.new, found.ours):
        return SyncReport(
            "up-to-date",
            target.name,
            step.glue.sha,
            previous_glue,
            step.new,
            None,
            dry_run=options.dry_run,
            notes=notes,
        )
    plan = _plan(repo, config, target, step, found, previous_glue, options)
    if _already_on_dest(repo, target, step):
        notes += (
            f"branch {target.dest.removeprefix('refs/heads/')} already holds this sync (made by an earlier "
            "run); nothing changed",
        )
        return _report(repo, config, target, step, plan, previous_glue, target.dest_old, options, notes)
    report = _report(repo, config, target, step, plan, previous_glue, None, options, notes)
    if options.dry_run:
        if target.in_worktree:  # the refusal the sync itself would give (exit 3), predicted
            apply.refuse_untracked(repo, git.read_commit(repo, target.tip).tree, plan.tree)
        return report
    # the last step: once the refs move nothing else runs but the work tree's update (which a rerun finishes)
    return replace(report, merge_commit=_apply(repo, target, step, plan, _merge_message(target, step, plan)))


def _plan(
    repo: git.Repo,
    config: Config,
    target: Target,
    step: MirrorStep,
    found: Base,
    previous_glue: str | None,
    options: SyncOptions,
) -> MergePlan:
    labels = Labels(
        target.name,
        f"glue {previous_glue[:12]} (last sync)" if previous_glue else "empty",
        f"glue {step.glue.sha[:12]}",
    )
    return plan_merge(repo, found.ours, step.new, found.base, labels, config, options.protected)


def _rewrite_notes(step: MirrorStep, config: Config) -> tuple[str, ...]:
    if step.rewritten is None:
        return ()
    return (
        f"Glue history was rewritten: the mirror held Glue {step.rewritten[:12]}, which {config.source.ref} "
        f"(now {step.glue.sha[:12]}) no longer contains (a force-push, or the mirror followed another ref); "
        "this sync brings the current Glue head, and what only the discarded commits had is not merged (or is "
        "undone if an earlier sync merged it)",
    )


def _report(
    repo: git.Repo,
    config: Config,
    target: Target,
    step: MirrorStep,
    plan: MergePlan,
    previous_glue: str | None,
    merge_commit: str | None,
    options: SyncOptions,
    notes: tuple[str, ...],
) -> SyncReport:
    commits, total = git.log_lines(repo, previous_glue, step.glue.sha, GLUE_COMMITS_SHOWN)
    return SyncReport(
        "conflicts" if plan.conflicts else "clean",
        target.name,
        step.glue.sha,
        previous_glue,
        step.new,
        merge_commit,
        dry_run=options.dry_run,
        files=_file_changes(plan),
        skipped_native=tuple(SkippedNative(path, patch) for path, patch in plan.skipped_native),
        conflicts=plan.conflicts,
        dropped_protected=plan.dropped,
        review=review_items(repo, config, step, plan),
        notes=notes,
        rewritten_glue_commit=step.rewritten,
        glue_commits=tuple(GlueCommit(*line) for line in commits),
        glue_commits_total=total,
        branch=None if target.dest == target.ref else target.dest.removeprefix("refs/heads/"),
    )


def _merge_message(target: Target, step: MirrorStep, plan: MergePlan) -> str:
    lines = [f"Merge Glue {step.glue.sha[:12]} into {target.name}", "", f"Glue: {step.glue.subject}"]
    if plan.conflicts and not target.in_worktree:  # in the work tree, the merge state lists them itself
        lines += ["", "Conflicts:"] + [f"\t{c.path}" for c in plan.conflicts]
    lines += ["", f"{mirror.SYNC_TRAILER}: {step.glue.sha}"]
    return "\n".join(lines) + "\n"


def _apply(repo: git.Repo, target: Target, step: MirrorStep, plan: MergePlan, message: str) -> str | None:
    """Make the merge real: refs by compare-and-swap; the work tree only when merging in place."""
    mirror_update = (
        [
            git.RefUpdate(step.ref, step.new, step.old or git.NULL_SHA),
            git.glue_ref_update(repo, step.glue.sha),
            *snapshot.ref_updates(repo, step.glue),
        ]
        if step.new != step.old
        else []
    )
    reason = f"g2l-sync: {message.splitlines()[0]}"
    if not target.in_worktree:
        merge = git.commit_tree(repo, plan.tree, [target.tip, step.new], message)
        git.update_refs(repo, [*mirror_update, git.RefUpdate(target.dest, merge, target.dest_old)], reason)
        return merge
    tip_tree = git.read_commit(repo, target.tip).tree
    apply.refuse_untracked(repo, tip_tree, plan.tree)
    if plan.conflicts:
        apply.conflicts_in_worktree(repo, mirror_update, target.tip, step.new, plan, message)
        return None
    merge = git.commit_tree(repo, plan.tree, [target.tip, step.new], message)
    apply.clean_in_worktree(
        repo, mirror_update, git.RefUpdate(target.dest, merge, target.dest_old), tip_tree, plan.tree, reason
    )
    return merge


def _resume(repo: git.Repo, options: SyncOptions) -> SyncReport | None:
    """Finish a work-tree sync that was stopped part-way (its journal is still there); None when there is none,
    or when the interrupted sync had changed nothing yet (then the sync starts over)."""
    pending = apply.read_journal(repo) if repo.work_tree is not None else None
    if pending is None or options.branch is not None:
        return None
    if options.dry_run:
        raise refused(
            f"a sync was interrupted ({apply.journal_path(repo)} is there): run `git g2l-sync sync` "
            "without --dry-run to finish it first"
        )
    branch = git.current_branch(repo)
    head = git.rev_parse(repo, "HEAD")
    config = read_config(repo, pending.target_tip)
    target = Target(branch or "HEAD", pending.target_tip, branch or "HEAD", pending.target_tip, in_worktree=True)
    note = ("finished a sync that was interrupted",)
    mirror_ref = f"refs/heads/{config.target.mirror_branch}"
    if pending.kind == "clean" and head == pending.commit:
        if not apply.finish_clean(repo, pending):
            raise refused(
                f"an interrupted sync left {target.name} at merge commit {pending.commit[:12]} but the "
                "work tree has changed since; save your changes, run `git reset --keep HEAD`, "
                f"then remove {apply.journal_path(repo)}"
            )
        apply.clear_journal(repo)
        merge = git.read_commit(repo, pending.commit)
        return _replay(repo, config, target, merge.parents[1], pending.commit, options, note)[0]
    if pending.kind == "conflicts" and head == pending.target_tip and git.ref_value(repo, mirror_ref) == pending.commit:
        report, plan, step = _replay(repo, config, target, pending.commit, None, options, note)
        if git.merge_in_progress(repo):
            apply.clear_journal(repo)
        else:
            apply.finish_conflicts(repo, pending.target_tip, pending.commit, plan, _merge_message(target, step, plan))
        return report
    if head == pending.target_tip and _untouched(repo, head):
        apply.clear_journal(repo)  # stopped before the work tree changed: the sync starts over
        return None
    raise refused(
        f"a sync was interrupted ({apply.journal_path(repo)} names {target.name} at "
        f"{pending.target_tip[:12]}) and the branch or work tree has changed since; check `git status`, "
        "then remove that file and rerun"
    )


def _untouched(repo: git.Repo, head: str) -> bool:
    return (
        not git.merge_in_progress(repo)
        and git.index_tree(repo) == git.read_commit(repo, head).tree
        and not git.has_unstaged_changes(repo)
    )


def _replay(
    repo: git.Repo,
    config: Config,
    target: Target,
    mirror_commit: str,
    merge_commit: str | None,
    options: SyncOptions,
    notes: tuple[str, ...],
) -> tuple[SyncReport, MergePlan, MirrorStep]:
    """The report of a sync that is already (or about to be) in place, computed again from the same commits."""
    held = mirror.read_mirror_commit(repo, mirror_commit)
    step = MirrorStep(
        f"refs/heads/{config.target.mirror_branch}",
        mirror_commit,
        mirror_commit,
        git.read_commit(repo, held.glue_commit),
        (),
    )
    found = merge_base(repo, config, target.tip, mirror_commit)
    previous_glue = mirror.read_mirror_commit(repo, found.base).glue_commit if found.base else None
    plan = _plan(repo, config, target, step, found, previous_glue, options)
    report = _report(repo, config, target, step, plan, previous_glue, merge_commit, options, notes)
    return report, plan, step


def _file_changes(plan: MergePlan) -> FileChanges:
    """What Glue changed since the last sync this branch contains (old mirror -> new mirror), named by the
    Databricks path of each file; native files are not listed (they are under skipped_native)."""
    kinds: dict[str, list[str]] = {"A": [], "M": [], "D": []}
    renamed = []
    for change in plan.changes:
        mirror_path = change.new_path or change.old_path or ""
        if mirror_path in plan.native:
            continue
        where = plan.dbx_paths.get(mirror_path) or mirror_path
        if change.status == "R" and change.old_path and change.new_path:
            if where == change.new_path:
                renamed.append((change.old_path, change.new_path))
            else:
                kinds["M"].append(where)  # the Databricks team moved the file: Glue's rename is not followed
        else:
            kinds.get(change.status, kinds["M"]).append(where)
    return FileChanges(tuple(kinds["M"]), tuple(kinds["A"]), tuple(kinds["D"]), tuple(renamed))


def review_items(repo: git.Repo, config: Config, step: MirrorStep, plan: MergePlan) -> tuple[Finding, ...]:
    """Converter findings for every file this merge brings a Glue change to (however many mirror commits it
    spans), named by the Databricks path and located at the review comment's line in the merged file. Only the
    tree entries of those files are read, never whole trees."""
    new_tree = git.read_commit(repo, step.new).tree
    job_files = mirror.resource_files(
        repo, config, step.glue.sha, [f.path for f in step.findings] + [c.new_path for c in plan.changes if c.new_path]
    )
    by_glue_path: dict[str, list[Finding]] = {}
    definitions: list[Finding] = []  # of job definitions files, named by their Glue path (mirrored or not)
    for finding in step.findings:
        if not finding.rule.startswith(JOB_RULES):
            by_glue_path.setdefault(finding.path, []).append(finding)
        elif finding.path not in job_files:  # a resource file's are its review lines: below
            definitions.append(finding)
    brought = []  # (mirror path, Glue path) of every Python file Glue changed
    resources = []  # job resource files Glue changed: their review items are the `# g2l: review` lines they hold
    for change in plan.changes:
        mirror_path = change.new_path
        if mirror_path is None or mirror_path in plan.native:
            continue
        if mirror_path in job_files:
            resources.append((plan.dbx_paths.get(mirror_path) or mirror_path, mirror_path))
            continue
        glue_path = mirror.glue_path(config, mirror_path) if mirror_path.endswith(".py") else None
        if glue_path is not None:
            brought.append((mirror_path, glue_path))
    earlier = [glue_path for _, glue_path in brought if glue_path not in step.converted]
    glue_entries = git.tree_entries(repo, step.glue.sha, earlier) if earlier else {}
    found: list[tuple[str, str, list[Finding]]] = []  # (Databricks path, mirror path, findings)
    for mirror_path, glue_path in brought:
        if glue_path in step.converted:
            findings = by_glue_path.get(glue_path, [])
        else:  # converted by an earlier mirror commit: converted again (conversion is deterministic)
            findings = list(mirror.findings_for(repo, glue_entries.get(glue_path), glue_path, config))
        by_glue_path.pop(glue_path, None)
        if findings:
            found.append((plan.dbx_paths.get(mirror_path) or mirror_path, mirror_path, findings))
    merged = git.tree_entries(repo, plan.tree, [where for where, _, _ in found]) if found else {}
    left_out = [mirror.target_path(config, glue_path) for glue_path in by_glue_path]
    mirrored = git.tree_entries(repo, new_tree, [m for _, m, _ in found] + left_out) if found or left_out else {}
    items: list[Finding] = definitions
    for where, mirror_path, findings in found:
        texts = [_blob(repo, merged.get(where)), _blob(repo, mirrored.get(mirror_path))]
        items.extend(f._replace(path=where, line=_locate(f, texts)) for f in findings)
    for glue_path, findings in by_glue_path.items():  # files the mirror leaves out (a symlink out of the repo...)
        if mirror.target_path(config, glue_path) not in mirrored:
            items.extend(f._replace(path=mirror.target_path(config, glue_path)) for f in findings)
    if resources:
        merged_resources = git.tree_entries(repo, plan.tree, [where for where, _ in resources])
        mirrored_resources = git.tree_entries(repo, new_tree, [m for _, m in resources])
        for where, mirror_path in resources:
            entry = merged_resources.get(where) or mirrored_resources.get(mirror_path)
            items.extend(review_lines(where, "\n".join(_blob(repo, entry))))
    return tuple(sorted(items, key=lambda f: (f.path, f.line, f.rule, f.message)))


def _blob(repo: git.Repo, entry: git.TreeEntry | None) -> list[str]:
    if entry is None or not entry.mode.startswith("100"):
        return []
    return git.read_blob(repo, entry.sha).decode("utf-8", errors="replace").split("\n")


def _locate(finding: Finding, texts: list[list[str]]) -> int:
    """The line of the finding's review comment in the merged file (else in the mirror file): the occurrence
    nearest the line the converter gave (the mirror file's line of that comment), the first of two as near;
    else that line (the converter's: already the converted file's, under the header)."""
    comment = f"# g2l: review {finding.rule}: {finding.message}"
    for lines in texts:
        found = [number for number, line in enumerate(lines, start=1) if line.strip() == comment]
        if found:
            return min(found, key=lambda number: abs(number - finding.line))
    return finding.line
