"""SyncReport: what one sync did, rendered as text, JSON or markdown."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from g2l_merge.convert.findings import Finding, quote_path
from g2l_merge.mergefile import DroppedHunk, FileConflict
from g2l_merge.states import SyncStatus


@dataclass(frozen=True)
class FileChanges:
    updated: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SkippedNative:
    path: str
    patch: str


GLUE_COMMITS_SHOWN = 100  # a report lists at most this many Glue commits (the first sync may bring thousands)


@dataclass(frozen=True)
class GlueCommit:
    sha: str
    author: str
    date: str  # ISO 8601, the author date
    subject: str


@dataclass(frozen=True)
class PullRequestInfo:
    branch: str  # the sync branch the pull request merges
    remote: str
    pushed: bool
    forge: str  # github | gitlab | azure | none
    action: str  # created | updated | up to date | pushed (forge none: no pull request) | not pushed
    url: str | None = None
    number: int | None = None
    draft: bool = False
    title: str = ""
    body: str = ""  # the Markdown body, whole (the forge may hold it cut, the rest in comments)


@dataclass(frozen=True)
class SyncReport:
    status: SyncStatus
    target_branch: str
    glue_commit: str
    previous_glue_commit: str | None
    mirror_commit: str
    merge_commit: str | None
    dry_run: bool = False
    files: FileChanges = FileChanges()
    skipped_native: tuple[SkippedNative, ...] = ()
    conflicts: tuple[FileConflict, ...] = ()
    dropped_protected: tuple[DroppedHunk, ...] = ()
    review: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    rewritten_glue_commit: str | None = None  # the mirror's Glue commit that Glue's history no longer has
    glue_commits: tuple[GlueCommit, ...] = ()  # since the last sync, newest first (at most GLUE_COMMITS_SHOWN)
    glue_commits_total: int = 0
    pull_request: PullRequestInfo | None = None
    branch: str | None = None  # the branch that gets the merge commit when it is not target_branch (--branch, --pr)

    @property
    def exit_code(self) -> int:
        return 1 if self.status == "conflicts" else 0


def to_dict(report: SyncReport) -> dict[str, Any]:
    """The JSON object DESIGN.md defines."""
    data = asdict(report)
    data["files"]["renamed"] = [{"from": a, "to": b} for a, b in report.files.renamed]
    data["conflicts"] = [c._asdict() for c in report.conflicts]
    data["dropped_protected"] = [d._asdict() for d in report.dropped_protected]
    data["review"] = [f._asdict() for f in report.review]
    data["notes"] = list(report.notes)
    return data


def to_json(report: SyncReport) -> str:
    return json.dumps(to_dict(report), indent=2, sort_keys=True)


def _pull_request_line(pr: PullRequestInfo) -> str:
    if pr.url:
        return f"Pull request {pr.action}{' (draft)' if pr.draft else ''}: {pr.url}"
    where = f"pushed to {pr.remote}" if pr.pushed else "not pushed"
    return f"Sync branch {pr.branch} ({where})"


def _short(sha: str | None) -> str:
    return sha[:12] if sha else "(none)"


def to_text(report: SyncReport) -> str:
    """What a person reads in the terminal."""
    if report.status == "up-to-date":
        lines = [
            f"Already up to date: {report.target_branch} contains Glue {_short(report.glue_commit)}.",
            *(f"  note     {note}" for note in report.notes),
        ]
        return "\n".join(lines + ([_pull_request_line(report.pull_request)] if report.pull_request else []))
    verb = "Would merge" if report.dry_run else ("Merging" if report.conflicts else "Merged")
    on = f", on branch {report.branch}" if report.branch else ""
    lines = [
        f"{verb} Glue {_short(report.glue_commit)} (previous sync: {_short(report.previous_glue_commit)}) "
        f"into {report.target_branch}{on}"
    ]
    if report.merge_commit:
        lines.append(f"  merge commit {_short(report.merge_commit)}, mirror commit {_short(report.mirror_commit)}")
    lines += _file_lines(report)
    lines.extend(f"  note     {note}" for note in report.notes)
    if report.pull_request is not None:
        lines.append(_pull_request_line(report.pull_request))
    return "\n".join(lines + _conflict_lines(report))


def _file_lines(report: SyncReport) -> list[str]:
    files = report.files
    q = quote_path  # a file name may hold a newline: each path stays on its report line
    lines = [
        f"  {label:8} {q(path)}"
        for label, paths in (("updated", files.updated), ("added", files.added), ("deleted", files.deleted))
        for path in paths
    ]
    lines += [f"  renamed  {q(old)} -> {q(new)}" for old, new in files.renamed]
    lines += [
        f"  skipped  {q(item.path)} (Databricks-native; Glue changed its source)" for item in report.skipped_native
    ]
    lines += [
        f"  kept     {q(d.path)} [region {d.region}] (--protected keep-ours dropped a Glue change inside it)"
        for d in report.dropped_protected
    ]
    return lines + [f"  review   {q(f.path)}:{f.line}: {f.rule} {f.message}" for f in report.review]


def _conflict_lines(report: SyncReport) -> list[str]:
    if not report.conflicts:
        return []
    if report.branch is None:
        what = (
            "this dry run changed nothing; run the sync without --dry-run, then resolve them"
            if report.dry_run
            else "resolve them, then `git add` and `git commit`"
        )
    else:
        what = (
            f"this dry run changed nothing; without --dry-run the merge commit on {report.branch} holds the "
            "conflict markers, to resolve in a commit on top of it"
            if report.dry_run
            else f"resolve them in a commit on top of the merge commit on {report.branch} (its files hold the "
            "conflict markers)"
        )
    lines = [f"CONFLICTS ({len(report.conflicts)}): {what}"]
    for c in report.conflicts:
        lines.append(f"  {c.kind:13} {quote_path(c.path)}" + (f" [region {c.region}]" if c.region else ""))
        if c.kind == "modify-delete" and report.branch is None:  # `git add` alone would keep the file
            lines.append(_modify_delete_advice(c.path, glue_deleted=c.path in report.files.deleted))
    return lines


def _modify_delete_advice(path: str, *, glue_deleted: bool) -> str:
    """How to resolve one side's deletion against the other's change (the work tree holds the changed file)."""
    rm, add = f"`git rm {quote_path(path)}`", f"`git add {quote_path(path)}`"
    if glue_deleted:
        side, choice = "Glue deleted it, Databricks changed it", f"take the deletion with {rm}"
        return f"    {side}: {choice}, or keep Databricks' version with {add}"
    return f"    Databricks deleted it, Glue changed it: keep the deletion with {rm}, or take Glue's version with {add}"
