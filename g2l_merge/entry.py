"""The console script `git-g2l-sync`, and what commands share without typer.

`check` (the pre-commit hook runs it on every commit), `status` and `sync` are parsed here with argparse and
run without importing typer at all (typer and click cost about 50 ms, typer's dispatch pydantic another
100 ms, more than an up-to-date sync's own work); every other command, `--help` and anything the fast parsers
do not take exactly as typer would go to the typer app in cli.py. Like cli.py, this is where a G2lError becomes
a message and an exit code.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from g2l_merge.errors import G2lError
from g2l_merge.states import OnProtected

if TYPE_CHECKING:
    import argparse

    from g2l_merge.git import Repo
    from g2l_merge.history import Status, SyncInProgress
    from g2l_merge.report import SyncReport


@contextlib.contextmanager
def error_boundary() -> Iterator[None]:
    """The one place a G2lError becomes a line on stderr and its exit code (2 bad input, 3 refused)."""
    try:
        yield
    except G2lError as error:
        fail(error)


def fail(error: G2lError) -> NoReturn:
    sys.stdout.flush()
    sys.stderr.write(f"git g2l-sync: {error.message}\n")
    sys.stderr.flush()
    sys.exit(error.code)


@contextlib.contextmanager
def repo_here() -> Iterator[Repo]:
    from g2l_merge import git

    repo = git.open_repo(Path.cwd())
    try:
        yield repo
    finally:
        git.close(repo)


class ProgressBar:
    """A bar on the terminal while many files convert (init, a re-conversion after a converter or [convert]
    change, a large sync); nothing for a few files. rich loads only when a bar is drawn."""

    SHOW_FROM = 100  # files to convert

    def __init__(self, console: Any = None) -> None:
        self._console = console
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.SHOW_FROM:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            console = self._console or Console(stderr=True)
            columns = (TextColumn("converting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            self._bar = Progress(*columns, console=console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("converting", total=total)
        self._bar.update(self._task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def wants_progress(as_json: bool) -> bool:
    """Bars only for a person at a terminal: not with --json, not when stdout is piped, not in CI."""
    return not as_json and sys.stdout.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(as_json: bool) -> Iterator[ProgressBar | None]:
    bar = ProgressBar() if wants_progress(as_json) else None
    try:
        yield bar
    finally:
        if bar is not None:
            bar.close()


def echo(text: str) -> None:
    """Print a line of text whose paths may hold bytes that are not UTF-8: written back as git gave them."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", errors="surrogateescape") + b"\n")
    sys.stdout.buffer.flush()


def emit_report(report: SyncReport, as_json: bool, report_file: Path | None) -> int:
    """Print a sync's (or init's) report, also as JSON to `report_file`; its exit code."""
    from g2l_merge import report as rendering

    text = rendering.to_json(report) if as_json else rendering.to_text(report)
    echo(text)
    if report_file is not None:
        report_file.write_text(rendering.to_json(report) + "\n")
    return report.exit_code


def run_sync_command(
    glue_ref: str | None,
    glue: str | None,
    dry_run: bool,
    branch: str | None,
    protected: OnProtected,
    pr: bool,
    as_json: bool,
    report_file: Path | None,
) -> int:
    """`sync`, from typer or from main()'s fast path: its exit code."""
    from g2l_merge.sync import SyncOptions
    from g2l_merge.sync import sync as run_sync

    if glue_ref is not None:
        check_ref("--glue-ref", glue_ref)
    if glue is not None:
        check_source("--glue", glue)
    if branch is not None:
        check_ref("--branch", branch, branch=True)
    with repo_here() as repo, progress_bar(as_json) as bar:
        options = SyncOptions(
            glue_ref=glue_ref, glue=glue, dry_run=dry_run, branch=branch, protected=protected, progress=bar
        )
        if pr:
            from g2l_merge.pr import sync_pr

            report = sync_pr(repo, options, os.environ)
        else:
            report = run_sync(repo, options)
    return emit_report(report, as_json, report_file)


def check_ref(option: str, value: str, *, branch: bool = False) -> None:
    """A ref given on the command line: refused before it can reach git, where `-x` would read as an option."""
    from g2l_merge.config import ref_name_problem

    problem = ref_name_problem(value, branch=branch)
    if problem:
        raise G2lError(f"{option} {value!r} is not a valid {'branch' if branch else 'ref'} name: {problem}")


def check_source(option: str, value: str) -> None:
    if value.startswith("-"):
        raise G2lError(
            f"{option} {value!r}: a Glue repository path or URL cannot start with '-' "
            f"(write ./{value} for a folder named so)"
        )


def run_status(as_json: bool, offline: bool) -> None:
    """`status`, from typer or from main()'s fast path; the repository is read without GitPython."""
    from g2l_merge import history

    with repo_here() as repo:
        found = history.status(repo, fetch=not offline)
        warning = history.work_tree_config_warning(repo)
    if warning:
        sys.stderr.write(warning + "\n")
        sys.stderr.flush()
    if as_json:
        echo(json.dumps(jsonable(found), indent=2, sort_keys=True))
        return
    echo(status_text(found))


def run_check(paths: list[str], staged: bool) -> int:
    """`check` for the typer command and main()'s fast path: print the findings, return the exit code."""
    from g2l_merge import check as checking

    findings = checking.run(paths, staged, os.environ)
    if findings:
        echo("\n".join(str(finding) for finding in findings))
    return 1 if findings else 0


def status_text(found: Status) -> str:
    """Status as a person reads it."""
    last = found.last_synced_glue_commit
    on = f"On {found.target_branch}"
    if found.detached_head:
        on = f"HEAD is detached at {found.detached_head[:12]}; showing {found.target_branch} ([target] branch)"
    lines = [
        f"{on}; mirror branch {found.mirror_branch}",
        f"Last synced Glue commit: {last[:12] if last else '(none)'}",
    ]
    if found.glue_head:
        behind = found.glue_commits_behind
        lines.append(
            f"Glue head: {found.glue_head[:12]}"
            + (f" ({behind} commit{'s' if behind != 1 else ''} not synced)" if behind is not None else "")
        )
    if found.sync_in_progress:
        lines.append(_sync_in_progress_line(found.sync_in_progress))
    if found.interrupted_sync:
        lines.append(f"Warning: {found.interrupted_sync}")
    if found.glue_history_rewritten and found.glue_head:  # rewritten is only known from a Glue head
        lines.append(
            f"Warning: Glue history was rewritten: the mirror holds Glue {found.glue_history_rewritten[:12]}, which "
            f"{found.glue_ref} (now {found.glue_head[:12]}) no longer contains; the next sync merges the current head"
        )
    if found.squash_merged:
        lines.append(
            f"Warning: the sync of Glue {found.squash_merged[:12]} reached {found.target_branch} squashed or rebased; "
            "the next sync merges from its mirror commit, found by its G2l-Sync trailer. Merge sync pull requests "
            "with a merge commit"
        )
    for item in found.unmerged_mirror_commits:
        lines.append(
            f"Unmerged mirror commit {item.mirror_commit[:12]}: Glue {item.glue_commit[:12]} {item.glue_subject}"
        )
    lines += [f"Native: {path}" for path in found.native_files]
    lines += [
        f"Protected: {r.path}:{r.start}-{r.end}" + (f" ({r.name})" if r.name else "") for r in found.protected_regions
    ]
    for job in found.job_definitions:
        items = f", {job.review_items} review item{'s' if job.review_items != 1 else ''}" if job.review_items else ""
        lines.append(f"Job: {job.path}" + (f" (from {job.source}{items})" if job.source else ""))
    lines += [f"Job not merged yet: {change.change} {change.path}" for change in found.job_changes]
    lines.append(f"Converter versions: {', '.join(found.converter_versions) or '(none)'}")
    return "\n".join(lines)


def _sync_in_progress_line(merge: SyncInProgress) -> str:
    from g2l_merge.convert.findings import quote_path  # a file name may hold a newline: the line stays one line

    head = f"A sync merge of Glue {merge.glue_commit[:12]} (mirror commit {merge.mirror_commit[:12]}) is in progress"
    if not merge.conflicts:
        return f"{head}: its conflicts are resolved; finish it with `git commit`, or `git merge --abort`"
    count, paths = len(merge.conflicts), ", ".join(map(quote_path, merge.conflicts))
    return (
        f"{head}: {count} file{'s' if count != 1 else ''} with conflicts ({paths}); resolve them, then `git add` "
        "and `git commit`, or `git merge --abort`"
    )


def jsonable(value: Any) -> Any:
    if hasattr(value, "_asdict"):
        return {k: jsonable(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _check_fast(argv: list[str]) -> int | None:
    """`check` without typer's dispatch (it imports pydantic): the hook runs on every commit.

    None for `check --help`, which typer renders like every other command's help.
    """
    if {"-h", "--help"} & set(argv[: argv.index("--")] if "--" in argv else argv):
        return None
    arguments = check_parser().parse_args(argv)  # a bad option: usage and exit 2, as typer would
    with error_boundary():
        return run_check(arguments.paths, arguments.staged)


def _status_fast(argv: list[str]) -> int | None:
    """`status` without typer's dispatch (pydantic alone costs more than the answer); None for --help."""
    if {"-h", "--help"} & set(argv):
        return None
    arguments = status_parser().parse_args(argv)
    with error_boundary():
        run_status(arguments.json, arguments.offline)
    return 0


def _sync_fast(argv: list[str]) -> int | None:
    """`sync` without typer (pydantic costs a tenth of a second, more than an up-to-date sync's own work); None
    (typer takes over) for --help and anything the fast parser does not take as typer would."""
    import argparse

    if {"-h", "--help"} & set(argv):
        return None
    try:
        arguments, unknown = sync_parser().parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None
    if unknown or arguments.protected not in {choice.value for choice in OnProtected}:
        return None
    report = Path(arguments.report) if arguments.report is not None else None
    with error_boundary():
        return run_sync_command(
            arguments.glue_ref,
            arguments.glue,
            arguments.dry_run,
            arguments.branch,
            OnProtected(arguments.protected),
            arguments.pr,
            arguments.json,
            report,
        )


OPTIONS = "[<options>]"  # usage lines as cli.py's commands print them (a test holds them equal)


def sync_parser() -> argparse.ArgumentParser:
    """`sync`'s options once more, for the fast path; a test holds them equal to the typer command's."""
    import argparse

    parser = argparse.ArgumentParser(prog="git g2l-sync sync", add_help=False, exit_on_error=False, allow_abbrev=False)
    for option in ("--glue-ref", "--glue", "--branch", "--report"):
        parser.add_argument(option)
    parser.add_argument("--protected", default=OnProtected.CONFLICT.value)
    for flag in ("--dry-run", "--pr", "--json"):
        parser.add_argument(flag, action="store_true")
    return parser


def status_parser() -> argparse.ArgumentParser:
    """`status`'s options once more, for the fast path; a test holds them equal to the typer command's."""
    import argparse

    parser = argparse.ArgumentParser(prog="git g2l-sync status", usage=f"%(prog)s {OPTIONS}", add_help=False)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--offline", action="store_true")
    return parser


def check_parser() -> argparse.ArgumentParser:
    """`check`'s options once more, for the fast path; a test holds them equal to the typer command's."""
    import argparse

    parser = argparse.ArgumentParser(prog="git g2l-sync check", usage=f"%(prog)s {OPTIONS} [<path>...]", add_help=False)
    parser.add_argument("--staged", action="store_true")
    parser.add_argument("paths", nargs="*", metavar="<path>")
    return parser


def main() -> None:
    """Console script entry point (`git-g2l-sync`, so git runs it as `git g2l-sync`)."""
    try:
        if sys.argv[1:2] == ["check"] and (code := _check_fast(sys.argv[2:])) is not None:
            sys.exit(code)
        if sys.argv[1:2] == ["status"] and (code := _status_fast(sys.argv[2:])) is not None:
            sys.exit(code)
        if sys.argv[1:2] == ["sync"] and (code := _sync_fast(sys.argv[2:])) is not None:
            sys.exit(code)
        from g2l_merge.cli import app  # every other command: typer parses it

        app(prog_name="git g2l-sync")
    except KeyboardInterrupt:
        sys.exit(130)
