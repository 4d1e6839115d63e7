"""`status` and `log`: everything read back from git (the mirror's trailers); there is no state file, only a
cache of which files of a tree hold marker texts (marker_files), which changes how fast status answers, never what."""

from __future__ import annotations

import contextlib
import time
from typing import NamedTuple

from g2l_merge import apply, check, git, markers, mirror, snapshot
from g2l_merge.config import CONFIG_FILE, Config, load_bytes, matches
from g2l_merge.errors import G2lError
from g2l_merge.owners import ownership
from g2l_merge.target import branch_tip, glue_source, head_config


class LogEntry(NamedTuple):
    mirror_commit: str
    glue_commit: str
    glue_subject: str
    date: str  # the Glue commit's date in UTC (the older name of glue_committed_at, kept for scripts)
    converter: str
    config_hash: str
    merge_commit: str | None  # the target's merge commit that brought it in, if any
    synced_at: str  # when the sync made the mirror commit (its committer date), ISO 8601 with offset
    glue_committed_at: str  # the Glue commit's date (the mirror commit's author date), ISO 8601 with offset
    merged_with: str | None = None  # merged only as part of a later sync: that sync's mirror commit


class UnmergedMirrorCommit(NamedTuple):
    mirror_commit: str
    glue_commit: str
    glue_subject: str


class RegionInfo(NamedTuple):
    path: str
    name: str | None
    start: int
    end: int


class JobDefinition(NamedTuple):
    path: str  # the resource file in the target branch
    source: str | None  # the Glue definitions file it was made from (its first line), if it says
    review_items: int  # its `# g2l: review` lines


class JobChange(NamedTuple):
    change: str  # added, updated, deleted
    path: str


class SyncInProgress(NamedTuple):
    """A work-tree sync's merge, left for a person to resolve: MERGE_HEAD is its mirror commit."""

    mirror_commit: str
    glue_commit: str
    conflicts: tuple[str, ...]  # the files still unmerged in the index


class Status(NamedTuple):
    target_branch: str
    mirror_branch: str
    last_synced_glue_commit: str | None
    glue_head: str | None
    glue_commits_behind: int | None
    unmerged_mirror_commits: tuple[UnmergedMirrorCommit, ...]
    native_files: tuple[str, ...]
    protected_regions: tuple[RegionInfo, ...]
    converter_versions: tuple[str, ...]
    glue_ref: str
    glue_history_rewritten: str | None  # the mirror's Glue commit that the Glue head no longer contains
    interrupted_sync: str | None  # what an interrupted work-tree sync left to finish (its journal), or None
    squash_merged: str | None  # the Glue commit of a sync that reached the target squashed or rebased
    job_definitions: tuple[JobDefinition, ...] = ()  # [jobs] include: the target's job resource files
    job_changes: tuple[JobChange, ...] = ()  # and what the unmerged mirror commits change in them
    sync_in_progress: SyncInProgress | None = None  # a sync's merge waiting for its conflicts to be resolved
    detached_head: str | None = None  # HEAD's commit when it is detached (the status is then [target] branch's)


def _target(repo: git.Repo) -> tuple[Config, str, str, str | None]:
    """(config, target branch name, its tip, HEAD's commit when it is detached): the current branch, or
    [target] branch in a bare clone or on a detached HEAD."""
    branch = git.current_branch(repo) if repo.work_tree is not None else None
    config = head_config(repo)
    name = branch.removeprefix("refs/heads/") if branch else config.target.branch
    tip = branch_tip(repo, name)
    problem = mirror.mirror_problem(repo, config, name, tip)
    if problem is not None:
        raise problem
    detached = git.rev_parse(repo, "HEAD") if repo.work_tree is not None and branch is None else None
    return config, name, tip, detached


def _iso(timestamp: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def log(repo: git.Repo) -> list[LogEntry]:
    """Sync history, newest first: each mirror commit and the merge that brought it into the target."""
    config, _name, tip, _detached = _target(repo)
    branch = config.target.mirror_branch
    commits = mirror.history(repo, git.ref_value(repo, f"refs/heads/{branch}"), branch)
    merged_by = git.merges_by_parent(repo, tip)
    entries: list[LogEntry] = []
    later: tuple[str, str] | None = None  # (merge commit, mirror commit) of the nearest newer sync merged
    for m in commits:  # newest first: an older mirror commit is in each newer one's history
        if m.sha in merged_by:
            later = (merged_by[m.sha], m.sha)
        merge, merged_with = later if later else (None, None)
        entries.append(
            LogEntry(
                m.sha,
                m.glue_commit,
                m.glue_subject,
                _iso(m.date),
                m.converter,
                m.config_hash,
                merge,
                m.synced_at,
                m.glue_committed_at,
                None if merged_with == m.sha else merged_with,
            )
        )
    return entries


def status(repo: git.Repo, *, fetch: bool = True) -> Status:
    """Where the target stands against the mirror and the Glue head."""
    config, name, tip, detached = _target(repo)
    mirror_tip = git.ref_value(repo, f"refs/heads/{config.target.mirror_branch}")
    commits = mirror.history(repo, mirror_tip, config.target.mirror_branch)
    outside = git.not_reached(repo, mirror_tip, tip) if mirror_tip else set()  # mirror commits tip lacks
    merged = [m for m in commits if m.sha not in outside]
    squashed = _squashed(repo, config, tip, mirror_tip, merged)
    if squashed is not None:  # its changes are in the target: it counts as merged, with what came before it
        merged = commits[commits.index(squashed) :]
    last = merged[0].glue_commit if merged else None
    unmerged = tuple(UnmergedMirrorCommit(m.sha, m.glue_commit, m.glue_subject) for m in commits if m not in merged)
    glue_head, behind = _glue_position(repo, config, last) if fetch else (None, None)
    held = [commits[0].glue_commit] if commits else []  # the mirror tip's, then the last one merged
    rewritten = next((c for c in [*held, last] if glue_head and c and not git.in_history(repo, c, glue_head)), None)
    native, regions = _constraints(repo, config, tip)
    versions = tuple(sorted({m.converter for m in commits}))
    pending = apply.read_journal(repo) if repo.work_tree is not None else None
    interrupted = (
        (
            f"a {pending.kind} sync of {name} from {pending.target_tip[:12]} was interrupted; run "
            "`git g2l-sync sync` to finish it"
        )
        if pending
        else None
    )
    return Status(
        name,
        config.target.mirror_branch,
        last,
        glue_head,
        behind,
        unmerged,
        native,
        regions,
        versions,
        config.source.ref,
        rewritten,
        interrupted,
        squashed.glue_commit if squashed else None,
        *(_jobs(repo, config, tip, merged[0].sha if merged else None, mirror_tip) if config.jobs.include else ((), ())),
        sync_in_progress=_sync_in_progress(repo),
        detached_head=detached,
    )


def _sync_in_progress(repo: git.Repo) -> SyncInProgress | None:
    """The merge a work-tree sync stopped in on conflicts (MERGE_MSG has its G2l-Sync trailer), until committed."""
    if repo.work_tree is None or not check.sync_merge_message(repo):
        return None
    for head in git.merge_heads(repo, {}):
        found = mirror.as_mirror_commit(git.read_commit(repo, head))
        if found is not None:
            return SyncInProgress(head, found.glue_commit, tuple(sorted(git.worktree_changes(repo)[1])))
    return None


def work_tree_config_warning(repo: git.Repo) -> str | None:
    """status reads the committed g2l.toml: an edit of it in the work tree that does not load gets a warning, so
    the mistake shows before the commit (one small file, read and parsed; HEAD's loaded, so the two differ)."""
    if repo.work_tree is None:
        return None
    try:
        data = (repo.work_tree / CONFIG_FILE).read_bytes()
    except OSError:  # deleted, or not a file: status shows the committed one, nothing is broken
        return None
    try:
        load_bytes(data)
    except G2lError as exc:
        problem = exc.message.removeprefix(f"{CONFIG_FILE}: ")
        return f"warning: {CONFIG_FILE} in the work tree does not load ({problem}): status shows the committed one"
    return None


_CHANGES = {"A": "added", "M": "updated", "D": "deleted", "T": "updated"}


def _jobs(
    repo: git.Repo, config: Config, tip: str, merged: str | None, mirror_tip: str | None
) -> tuple[tuple[JobDefinition, ...], tuple[JobChange, ...]]:
    """The target's job resource files, and the changes to them the unmerged mirror commits hold."""
    from g2l_merge.jobs import resource_source, review_lines

    files = git.files_under(repo, git.read_commit(repo, tip).tree, config.jobs.resources.strip("/"))
    changed: list[git.Change] = []
    if mirror_tip and merged != mirror_tip:
        old = git.read_commit(repo, merged).tree if merged else None
        changed = list(git.diff_trees(repo, old, git.read_commit(repo, mirror_tip).tree))
    paths = [*files, *(path for change in changed for _, path in _sides(change) if path)]
    glue = mirror.read_mirror_commit(repo, mirror_tip).glue_commit if mirror_tip else None
    resources = mirror.resource_files(repo, config, glue, paths) if glue else set()  # init made the mirror
    found = []
    for path, entry in sorted(files.items()):
        if path in resources and entry.mode.startswith("100"):
            text = git.read_blob(repo, entry.sha).decode("utf-8", errors="replace")
            found.append(JobDefinition(path, resource_source(text), sum(1 for _ in review_lines(path, text))))
    changes = [JobChange(kind, path) for change in changed for kind, path in _sides(change) if path in resources]
    return tuple(found), tuple(sorted(set(changes), key=lambda c: (c.path, c.change)))


def _sides(change: git.Change) -> list[tuple[str, str | None]]:
    if change.status == "R":  # a renamed resource: its old file goes, its new one comes
        return [("deleted", change.old_path), ("added", change.new_path)]
    return [(_CHANGES.get(change.status, "updated"), change.new_path or change.old_path)]


def _squashed(
    repo: git.Repo, config: Config, tip: str, mirror_tip: str | None, merged: list[mirror.MirrorCommit]
) -> mirror.MirrorCommit | None:
    if mirror_tip is None:
        return None
    since = merged[0].sha if merged else None
    return mirror.squashed_sync(repo, tip, mirror_tip, config.target.mirror_branch, since)


def _glue_position(repo: git.Repo, config: Config, last: str | None) -> tuple[str, int | None]:
    head = snapshot.glue_commit(repo, glue_source(repo, config, None), config.source.ref)
    if last is None:
        return head, None
    if not git.in_history(repo, last, head):
        return head, None
    return head, git.count_commits(repo, last, head)


def _constraints(repo: git.Repo, config: Config, tip: str) -> tuple[tuple[str, ...], tuple[RegionInfo, ...]]:
    """Native files and protected regions of the target's tip, as `ownership()` decides them for every file.

    Only the files that hold a marker text are read and parsed (any other file's markers parse to nothing);
    [protect] native globs need only the paths, and then the one `ls-tree` that lists them.
    """
    globs = config.protect.native
    candidates = marker_files(repo, git.read_commit(repo, tip).tree)
    if globs:
        files = [p for p, e in git.ls_tree(repo, tip).items() if e.mode in ("100644", "100755")]
        paths = sorted({p for p in files if matches(p, globs)} | candidates.keys())
    else:
        paths = sorted(candidates)  # only regular files are searched, as the mode test above keeps them
    contents = git.read_objects(repo, set(candidates.values()))
    native: list[str] = []
    regions: list[RegionInfo] = []
    for path in paths:
        data = contents.get(candidates[path]) if path in candidates else None
        owner = ownership(path, None if data is None or markers.is_binary(data) else data, globs)
        if owner.native:
            native.append(path)
        regions.extend(RegionInfo(path, r.name, r.start, r.end) for r in owner.regions)
    return tuple(native), tuple(regions)


MARKER_FILES = "g2l-marker-files"  # in the git directory: a tree id, then its files that hold a marker text
_MARKER_FILES_HEADER = "g2l-marker-files 2 "
_INCREMENTAL_LIMIT = 2000  # changed files past which one `git grep` of the whole tree is cheaper


def marker_files(repo: git.Repo, tree: str) -> dict[str, str]:
    """The regular files of a tree that hold any marker text, as `git grep -F` finds them: path -> blob id.

    The answer for the last tree asked is kept in the git directory; for another tree only the files that differ
    from it are read (one `diff-tree`), so `status` costs what changed since the last time, not the size of
    the estate. A record that cannot be read, or whose tree is gone, is ignored: the whole tree is searched.
    """
    recorded = _read_marker_files(repo)
    if recorded is not None and recorded[0] == tree:
        return recorded[1]
    found = _marker_files_since(repo, *recorded, tree) if recorded is not None else None
    if found is None:
        paths = git.files_containing(repo, tree, markers.MARKER_TEXTS)
        found = {path: entry.sha for path, entry in git.tree_entries(repo, tree, paths).items()}
    _write_marker_files(repo, tree, found)
    return found


def _marker_files_since(repo: git.Repo, old_tree: str, old_found: dict[str, str], tree: str) -> dict[str, str] | None:
    """The marker files of `tree` from those of `old_tree`, reading only what changed; None: search it all."""
    try:
        changes = git.tree_changes(repo, old_tree, tree)
    except G2lError:
        return None  # the old tree (or part of it) was pruned since, or was never here
    if len(changes) > _INCREMENTAL_LIMIT:
        return None
    regular = {path: entry.sha for path, entry in changes.items() if entry and entry.mode in ("100644", "100755")}
    texts = git.read_objects(repo, set(regular.values()))
    needles = [text.encode() for text in markers.MARKER_TEXTS]
    found = {path: sha for path, sha in old_found.items() if path not in changes}
    for path, sha in regular.items():
        data = texts.get(sha)
        if data is None:
            return None
        if any(needle in data for needle in needles):
            found[path] = sha
    return found


def _read_marker_files(repo: git.Repo) -> tuple[str, dict[str, str]] | None:
    """The recorded tree and its marker files; None when there is no record or it is not one this wrote."""
    try:
        data = (repo.git_dir / MARKER_FILES).read_bytes()
    except OSError:
        return None
    head, _, rest = data.partition(b"\n")
    text = head.decode("ascii", errors="replace")
    tree = text.removeprefix(_MARKER_FILES_HEADER)
    body = rest.removesuffix(b"end\0")  # written last: a record without it was cut short
    if not text.startswith(_MARKER_FILES_HEADER) or not _is_id(tree) or body == rest or body[-1:] not in (b"", b"\0"):
        return None
    found: dict[str, str] = {}
    for record in body.split(b"\0")[:-1]:
        sha, _, path = record.partition(b" ")
        if not (_is_id(sha.decode("ascii", errors="replace")) and path):
            return None
        found[path.decode("utf-8", errors="surrogateescape")] = sha.decode()
    return tree, found


def _is_id(text: str) -> bool:
    return len(text) in (40, 64) and not text.strip("0123456789abcdef")


def _write_marker_files(repo: git.Repo, tree: str, found: dict[str, str]) -> None:
    records = b"".join(f"{sha} {path}".encode("utf-8", errors="surrogateescape") + b"\0" for path, sha in found.items())
    with contextlib.suppress(OSError):  # a read-only repository: the next status searches again
        git.write_git_file(repo, MARKER_FILES, f"{_MARKER_FILES_HEADER}{tree}\n".encode() + records + b"end\0")
