"""`git g2l-sync`: arguments in, exit codes and rendering out. All the work happens below this module."""

from __future__ import annotations

import contextlib
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from g2l_merge import __version__, helptext
from g2l_merge.entry import (
    check_ref,
    check_source,
    echo,
    emit_report,
    error_boundary,
    jsonable,
    progress_bar,
    repo_here,
    run_check,
    run_status,
    run_sync_command,
)
from g2l_merge.errors import G2lError
from g2l_merge.states import OnProtected


def _placeholder(metavar: str) -> str:
    """A metavar as git writes it: each upper-case word is a placeholder (GLOB -> <glob>, GLUE_COMMIT ->
    <glue-commit>, KEY=VALUE -> <key>=<value>, sc://HOST:PORT -> sc://<host>:<port>)."""
    return re.sub(r"[A-Z][A-Z_]*", lambda word: f"<{word[0].lower().replace('_', '-')}>", metavar)


class _GitOption(typer.core.TyperOption):
    """An option shown as git shows one: `--out <dir>`, `--protected (conflict|keep-ours)`, a flag alone."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.is_flag else self.metavar

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [f"{self.opts[0]} {self.metavar}"] if self.required else []  # the rest: [<options>]


class _GitArgument(typer.core.TyperArgument):
    """An argument shown as git shows one: `<path>...`, `[<path>...]` when it may be left out."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        shown = str(self.metavar)
        return [shown if self.required else f"[{shown}]"]


def _git_style(param: Any) -> None:
    """Give a parameter typer built git's way of showing it, in -h and in the man page alike."""
    if isinstance(param, typer.core.TyperArgument):
        param.__class__ = _GitArgument
        param.metavar = _placeholder(param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
    elif isinstance(param, typer.core.TyperOption):
        param.__class__ = _GitOption
        choices = param.type_descriptor.choices if param.type_descriptor.is_choice else None
        if param.is_flag:
            param.metavar = None
        elif choices:
            param.metavar = "(" + "|".join(str(getattr(c, "value", c)) for c in choices) + ")"
        else:
            param.metavar = _placeholder(param.metavar or param.name.upper())


def _reflow(text: str) -> str:
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in inspect.cleandoc(text).split("\n\n"))


def _escape_markup(command: Any) -> None:
    """Help texts are plain text; rich reads `[source]` as a style tag and drops it, so escape them before
    rich draws a help page (and only then: the man page reads them as written)."""
    from rich.markup import escape

    shown = [command, *command.params]
    if isinstance(command, typer.core.TyperGroup):
        shown += list(command.commands.values())
    for item in shown:
        if getattr(item, "_markup_escaped", False):
            continue
        item._markup_escaped = True
        if isinstance(item, typer.core.TyperCommand | typer.core.TyperGroup) and item.help:
            item.help = _reflow(item.help)  # rich keeps a docstring's line breaks after its first paragraph
        for field in ("help", "short_help", "epilog"):
            if getattr(item, field, None):
                setattr(item, field, escape(getattr(item, field)))


class _GitStyle:
    """What every g2l-merge command shares: git's way of showing options and arguments, and escaped help."""

    params: list[Any]
    options_metavar: str | None

    def _restyle(self) -> None:
        self.options_metavar = "[<options>]"
        for param in self.params:
            _git_style(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]  # click makes it on first use
        if option is not None:
            _git_style(option)
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _escape_markup(self)
        super().format_help(ctx, formatter)  # type: ignore[misc]


class _Command(_GitStyle, typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._restyle()


class _Commands(_GitStyle, typer.core.TyperGroup):
    """Every command runs inside the one error boundary."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._restyle()
        self.subcommand_metavar = "<command> [<args>]"

    def invoke(self, ctx: Any) -> Any:  # click's Context (typer vendors click in newer releases)
        with error_boundary():
            return super().invoke(ctx)


_Function = TypeVar("_Function", bound=Callable[..., Any])


class _App(typer.Typer):
    """A Typer whose commands are all _Command, without naming the class at each one."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[_Function], _Function]:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _App(
    name="git g2l-sync",
    cls=_Commands,
    help=helptext.SUMMARY,
    epilog=helptext.help_epilog(),
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"g2l-merge {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    # no docstring: the group's help is helptext.SUMMARY, given to the Typer above
    pass


@app.command()
def init(
    glue: Annotated[
        str,
        typer.Option(
            metavar="SRC", help="Path or URL of the Glue git repository, or s3://<bucket>/<prefix>, or a plain folder."
        ),
    ],
    glue_ref: Annotated[
        str | None,
        typer.Option(metavar="REF", help="Glue branch or tag to follow (default: the Glue repository's HEAD branch)."),
    ] = None,
    include: Annotated[
        list[str] | None, typer.Option(metavar="GLOB", help="Glob of Glue files to mirror (repeatable).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(metavar="GLOB", help="Glob of Glue files to leave out (repeatable).")
    ] = None,
    target_root: Annotated[str, typer.Option(metavar="DIR", help="Folder where converted files land.")] = "",
    mirror_branch: Annotated[
        str, typer.Option(metavar="NAME", help="Name of the tool-owned mirror branch.")
    ] = "glue-mirror",
    adopt: Annotated[
        str | None,
        typer.Option(
            metavar="GLUE_COMMIT",
            help="Glue commit an existing hand-migrated tree already holds: record it as merged "
            "('snapshot' for an S3 or folder source).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Write and commit g2l.toml, build the first glue-mirror commit and merge it (or adopt it)."""
    from g2l_merge.init import InitOptions, next_steps
    from g2l_merge.init import init as run_init

    check_source("--glue", glue)
    if glue_ref is not None:
        check_ref("--glue-ref", glue_ref)
    if adopt is not None:
        check_ref("--adopt", adopt)
    check_ref("--mirror-branch", mirror_branch, branch=True)
    options = InitOptions(
        glue=glue,
        glue_ref=glue_ref,
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        target_root=target_root,
        adopt=adopt,
        mirror_branch=mirror_branch,
    )
    with repo_here() as repo, progress_bar(as_json) as bar:
        report = run_init(repo, options._replace(progress=bar))
        after = None if as_json or report.exit_code else next_steps(repo, report.target_branch, mirror_branch)
    code = emit_report(report, as_json, None)
    if after:
        typer.echo(after)
    raise typer.Exit(code)


@app.command()
def sync(
    glue_ref: Annotated[
        str | None, typer.Option(metavar="REF", help="Glue branch, tag or commit (default: [source] ref).")
    ] = None,
    glue: Annotated[str | None, typer.Option(metavar="SRC", help="Override [source] repo for this run.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Compute everything, change nothing.")] = False,
    branch: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Put the merge commit on this branch, made from the target tip; never touch the work tree.",
        ),
    ] = None,
    protected: Annotated[
        OnProtected,
        typer.Option(help="Glue change inside a protected region: a conflict, or keep ours and report it."),
    ] = OnProtected.CONFLICT,
    pr: Annotated[
        bool,
        typer.Option(
            "--pr",
            help="Commit the merge on a sync branch, push it to [pr] remote and open or update its pull request.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    report_file: Annotated[
        Path | None, typer.Option("--report", metavar="FILE", help="Also write the JSON report here.")
    ] = None,
) -> None:
    """Convert the Glue head onto glue-mirror and merge it into the current branch (or --branch, or --pr)."""
    raise typer.Exit(run_sync_command(glue_ref, glue, dry_run, branch, protected, pr, as_json, report_file))


@app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
    offline: Annotated[bool, typer.Option("--offline", help="Do not contact the Glue repository.")] = False,
) -> None:
    """Last synced Glue commit, how far Glue is ahead, unmerged mirror commits, markers, converters."""
    run_status(as_json, offline)


@app.command()
def log(as_json: Annotated[bool, typer.Option("--json", help="Print the history as JSON.")] = False) -> None:
    """Sync history, newest first, read from the mirror's trailers: when each sync ran, its Glue commit and
    that commit's date, and the merge that brought it in."""
    from g2l_merge import history

    with repo_here() as repo:
        entries = history.log(repo)
    if as_json:
        typer.echo(json.dumps([jsonable(e) for e in entries], indent=2, sort_keys=True))
        return
    for e in entries:
        merged = f"merged in {e.merge_commit[:12]}" if e.merge_commit else "not merged yet"
        merged += " (with a later sync)" if e.merged_with else ""
        typer.echo(
            f"synced {e.synced_at}  glue {e.glue_commit[:12]}  mirror {e.mirror_commit[:12]}  {merged}\n"
            f"    {e.glue_subject}  (glue committed {e.glue_committed_at}, converter {e.converter}, "
            f"config {e.config_hash})"
        )


@app.command("merge-driver", hidden=True)
def merge_driver(base: Path, ours: Path, theirs: Path, path: str) -> None:
    """Git merge driver (registered by init): g2l-merge's rules for glue-mirror merges, git's default otherwise."""
    from g2l_merge.driver import run_driver

    code = run_driver(base, ours, theirs, path)
    raise typer.Exit(code)


@app.command()
def native(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files the Databricks team owns outright.")],
) -> None:
    """Mark whole files as Databricks-owned: syncs leave them byte for byte and list Glue's changes.

    The marker is a `#` comment, so it goes only into file types where `#` starts one (.py and a few more);
    other files, and folders, are made native under [protect] native in g2l.toml.
    """
    from g2l_merge import markers

    _not_on_mirror()
    planned = []
    for path in paths:  # every path is checked before any file is written
        text = _native_text(path)
        planned.append((path, text, markers.with_native_marker(text)))
    for path, text, marked in planned:
        if marked == text:
            typer.echo(f"{path}: already native")
            continue
        path.write_bytes(marked.encode("utf-8", errors="surrogateescape"))
        typer.echo(f"{path}: marked native (commit it to take effect)")


@app.command()
def protect(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A migrated file.")],
    lines: Annotated[str, typer.Option(metavar="FIRST-LAST", help="The lines to protect, e.g. 100-150.")],
    name: Annotated[str | None, typer.Option(metavar="NAME", help="Region name, unique in the file.")] = None,
) -> None:
    """Wrap lines in protect begin/end markers: syncs keep them byte for byte or raise a conflict."""
    from g2l_merge import markers

    _not_on_mirror()
    start, end = _line_range(lines)
    text = _read_text(path)
    problem = markers.region_problem(text, start, end, name)
    if problem:
        raise G2lError(f"{path}: {problem}")
    path.write_bytes(markers.with_region(text, start, end, name).encode("utf-8", errors="surrogateescape"))
    typer.echo(
        f"{path}: lines {start}-{end} protected" + (f" as {name!r}" if name else "") + " (commit it to take effect)"
    )


def _not_on_mirror() -> None:
    """The mirror branch holds only what git g2l-sync writes: markers go on the team's branch."""
    from g2l_merge import git, target

    repo = git.open_repo(Path.cwd())
    try:
        target.refuse_on_mirror(repo)
    finally:
        git.close(repo)


def _read_text(path: Path) -> str:
    _inside_repository(path)
    if not path.is_file():
        raise G2lError(f"{path}: no such file")
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _inside_repository(path: Path) -> None:
    """`native` and `protect` write only inside the work tree of the repository they run in, after resolving
    symlinks (and never into its .git)."""
    from g2l_merge import git

    top = git.open_repo(Path.cwd(), objects=False).work_tree
    if top is None:
        raise G2lError(f"{path}: this command edits files of a work tree; run it in a clone, not a bare repository")
    resolved, root = path.resolve(), top.resolve()
    if not resolved.is_relative_to(root) or ".git" in resolved.relative_to(root).parts:
        raise G2lError(
            f"{path}: resolves to {resolved}, outside the repository {root}; g2l-merge writes only inside it"
        )


_NATIVE_INSTEAD = "list it under [protect] native in g2l.toml instead"


def _native_text(path: Path) -> str:
    """A file `native` may write the marker into, as text; anything else is a G2lError saying what to do."""
    from g2l_merge import markers

    if path.is_symlink():
        raise G2lError(
            f"{path}: is a symlink, and the marker would be written into the file it points to; {_NATIVE_INSTEAD}"
        )
    _inside_repository(path)
    if path.is_dir():
        raise G2lError(
            f'{path}: is a folder; to make every file in it native, add "{_repo_glob(path)}" to '
            "[protect] native in g2l.toml"
        )
    if not path.is_file():
        raise G2lError(f"{path}: no such file")
    data = path.read_bytes()
    problem = markers.native_marker_problem(path.name, data)
    if problem:
        raise G2lError(f"{path}: {problem}; {_NATIVE_INSTEAD}")
    return data.decode("utf-8", errors="surrogateescape")


def _repo_glob(folder: Path) -> str:
    """The glob of every file in a folder, as [protect] native spells it: relative to the repository's top."""
    from g2l_merge import git
    from g2l_merge.config import escape_glob

    relative = folder.as_posix().rstrip("/")  # outside a repository: as given
    try:
        top = git.open_repo(folder, objects=False).work_tree
    except G2lError:
        top = None
    if top is not None:
        with contextlib.suppress(ValueError):
            relative = folder.resolve().relative_to(top.resolve()).as_posix()
    return "**" if relative in ("", ".") else f"{escape_glob(relative)}/**"


def _line_range(spec: str) -> tuple[int, int]:
    first, _, last = spec.partition("-")
    if not (first.isdigit() and last.isdigit()) or int(first) > int(last) or int(first) < 1:
        raise G2lError(f"--lines {spec!r}: expected A-B with 1 <= A <= B, e.g. --lines 100-150")
    return int(first), int(last)


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="Files or folders to check (default: every tracked file).", show_default=False
        ),
    ] = None,
    staged: Annotated[
        bool,
        typer.Option(
            "--staged",
            help="Check what is staged, as the pre-commit hook does; also refuse protected "
            "regions that lost their markers, commits on the mirror branch, and merges of glue-mirror "
            "that change native files or protected regions.",
        ),
    ] = False,
) -> None:
    """Lint g2l markers and leftover conflict markers: each finding as <path>:<line>: <message>, exit 1 if any."""
    raise typer.Exit(run_check(paths or [], staged))


@app.command("install-hooks")
def install_hooks() -> None:
    """Install the g2l-merge pre-commit and pre-merge-commit hooks, keeping and chaining any existing hook."""
    from g2l_merge import git, hookinstall

    repo = git.open_repo(Path.cwd(), objects=False)
    outcomes = hookinstall.install(git.hooks_dir(repo))
    for outcome in outcomes:
        typer.echo(str(outcome))


@app.command()
def convert(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Glue scripts or library modules (.py files; folders: their .py files), or Glue job definitions "
            "(aws glue get-job / get-jobs JSON), which become bundle job resources; any other file is refused.",
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Write each converted file under <dir> by its path from the deepest folder holding every input "
            "(a named file's folder, a named folder itself, the current folder for job definitions), as 2to3 "
            "--output-dir does. An output that would overwrite an input is refused.",
        ),
    ] = None,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of the converted text.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the review items as JSON.")] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Take the conversion settings from <file>, a g2l.toml or a file holding only "
            "its convert section (default: the g2l.toml of this repository).",
        ),
    ] = None,
) -> None:
    """Convert Glue PySpark files to Databricks PySpark, without git; exit 1 when review items remain."""
    from g2l_merge.convert import command

    if diff and as_json:
        raise G2lError("--diff and --json both print to stdout: choose one")
    convert_config, jobs_config = command.find_config(Path.cwd(), config)
    scripts = [path for path in paths if not path.endswith(".json")]
    run = command.convert_paths(scripts, convert_config, Path.cwd())
    if len(scripts) < len(paths):  # Glue job definitions
        from g2l_merge.jobs.convert import convert_definitions

        definitions = [path for path in paths if path.endswith(".json")]
        jobs_run = convert_definitions(definitions, convert_config, jobs_config, Path.cwd())
        run = command.ConvertRun(run.files + jobs_run.files, run.problems + jobs_run.problems)
    targets = command.output_paths(run.files, out) if out is not None and not run.problems else {}
    for problem in run.problems:
        typer.echo(f"git g2l-sync: {problem}", err=True)
    if run.problems:
        raise typer.Exit(run.exit_code)
    if out is not None:
        command.write_outputs(run.files, targets)
    if as_json:
        typer.echo(command.render_json(run.files))
    else:
        printed = command.render_diff(run.files) if diff else "" if out is not None else command.render_text(run.files)
        typer.echo(printed, nl=False)
        names = command.written_names(targets, out) if out is not None else None
        for line in command.render_findings(run.files, names):
            typer.echo(line, err=True)
    if out is not None:
        typer.echo(command.written_summary(len(run.files), out), err=True)
    raise typer.Exit(run.exit_code)


@app.command()
def rules(as_json: Annotated[bool, typer.Option("--json", help="Print the rules as JSON.")] = False) -> None:
    """List the conversion rules: id, name and what each one does."""
    from g2l_merge.convert import command
    from g2l_merge.convert.rules import describe

    described = describe()
    if as_json:
        typer.echo(json.dumps([{"id": i, "name": n, "summary": s} for i, n, s in described], indent=2))
        return
    for line in command.rules_table(described):
        typer.echo(line)


@app.command()
def verify(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Converted jobs in the Databricks repository (folders: every converted job in them)."
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Sample data: table folders named catalog.database.table or database.table (Parquet, CSV with a "
            "header, JSON lines), and files under the paths jobs use (<dir>/Volumes/..., <dir>/s3/<bucket>/...).",
        ),
    ] = None,
    remote: Annotated[
        str | None,
        typer.Option(
            metavar="sc://HOST:PORT",
            help="Run on this Spark Connect endpoint (Databricks Connect's URL works too) instead of local Spark.",
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(metavar="KEY=VALUE", help="A job parameter, passed as --<key>=<value> in sys.argv (repeatable)."),
    ] = None,
    keep: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Keep each job's warehouse and data (with what it wrote) in <dir>/<job>, outside the repository.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Run converted jobs on local Spark or Spark Connect with sample data; exit 1 when one fails or needs review."""
    from g2l_merge import verify as verifying

    options = verifying.VerifyOptions(tuple(paths), data, remote, tuple(param or ()), keep=keep)
    report = verifying.verify(options, Path.cwd())
    echo(verifying.to_json(report) if as_json else verifying.to_text(report))
    raise typer.Exit(report.exit_code)


@app.command()
def demo(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Empty or new folder for the two sample repositories.")
    ],
) -> None:
    """Create a sample Glue repository and Databricks repository and walk through a weekly sync."""
    from g2l_merge.demo import run_demo

    run_demo(directory, typer.echo)


jobs_app = _App(
    name="jobs",
    cls=_Commands,
    help="Glue job definitions: export them from an AWS account into files.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(jobs_app)


@jobs_app.command("export")
def jobs_export(
    region: Annotated[str, typer.Option(metavar="REGION", help="AWS region of the Glue jobs, e.g. eu-west-1.")],
    profile: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="AWS profile to use (default: the standard AWS credential chain)."),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(metavar="DIR", help="Folder to write jobs/, triggers/ and workflows/ into."),
    ] = Path("glue-definitions"),
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written and deleted as JSON.")] = False,
) -> None:
    """Write the region's Glue jobs, triggers and workflows as JSON files, one per definition, for git."""
    from g2l_merge.jobs.export import export

    result = export(out, region, profile=profile)
    if as_json:
        typer.echo(json.dumps(jsonable(result) | {"folder": str(result.folder)}, indent=2, sort_keys=True))
        return
    for path in result.written:
        echo(f"wrote {out / path}")
    for path in result.deleted:
        echo(f"deleted {out / path}")
    found = ((result.jobs, "job"), (result.triggers, "trigger"), (result.workflows, "workflow"))
    counts = ", ".join(_count(number, thing) for number, thing in found)
    echo(
        f"{counts} from {region} in {out}: "
        f"{len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.deleted)} deleted"
    )


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")


@app.command("man", hidden=True)
def man(
    output: Annotated[Path | None, typer.Option(metavar="FILE", help="Write the page here instead of stdout.")] = None,
) -> None:
    """Print the git-g2l-sync(1) man page, generated from this CLI."""
    from g2l_merge.manpage import render

    page = render(typer.main.get_command(app))
    if output is None:
        typer.echo(page, nl=False)
    else:
        output.write_text(page)
