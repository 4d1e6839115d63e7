"""The command line as a user meets it: help, the man page, exit codes."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import LOAD_PROBE, Story, g2l
from g2l_merge import git as g2l_git
from g2l_merge import helptext
from g2l_merge.cli import app
from g2l_merge.errors import G2lError
from g2l_merge.manpage import _roff, render

ROOT = Path(__file__).resolve().parent.parent
MAN_PAGE = ROOT / "man" / "git-g2l-sync.1"


def test_committed_man_page_is_generated_from_the_cli() -> None:
    assert MAN_PAGE.read_text() == render(typer.main.get_command(app)), (
        "man/git-g2l-sync.1 is stale: run `git g2l-sync man --output man/git-g2l-sync.1`"
    )


def test_man_page_documents_every_visible_command_and_option() -> None:
    page = MAN_PAGE.read_text()
    for text in (
        "git g2l\\-sync init",
        "git g2l\\-sync sync",
        "git g2l\\-sync status",
        "git g2l\\-sync log",
        "\\-\\-dry\\-run",
        "\\-\\-branch",
        "\\-\\-adopt",
        "git g2l\\-sync jobs export",  # a group's commands under their full names
        "\\fB\\-\\-region\\fR \\fI<region>\\fR",
        ".SH EXIT STATUS",
    ):
        assert text in page
    assert "merge\\-driver" not in page


def test_installed_man_page_serves_git_help(tmp_path: Path) -> None:
    installed = Path(sys.prefix) / "share" / "man" / "man1" / "git-g2l-sync.1"
    if not installed.exists() or shutil.which("man") is None:
        pytest.skip("needs `pip install .` (editable installs carry no data files) and man")
    assert installed.read_text() == MAN_PAGE.read_text()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "MANPAGER": "cat",
        "PAGER": "cat",
        "MANWIDTH": "100",
        "LC_ALL": "C",
    }
    for command in (["git", "help", "g2l-sync"], ["git", "g2l-sync", "--help"]):
        proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
        assert proc.returncode == 0, proc.stderr
        text = " ".join(proc.stdout.split())
        assert "GIT-G2L-SYNC(1) g2l-merge manual" in text
        assert "git-g2l-sync - Keep a Databricks repository in step" in text


MAN_SECTIONS = (
    "NAME",
    "SYNOPSIS",
    "DESCRIPTION",
    "THE WEEKLY WORKFLOW",
    "COMMANDS",
    "EXIT STATUS",
    "FILES",
    "EXAMPLES",
    "SEE ALSO",
)
LEAKED_INTERNALS = ("<list[", "<bool>", "{", "<str>", "<Path>", "[OPTIONS]", "<int>")


def _every_command(command: Any, args: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The argument lists that reach every command and group of the CLI, hidden ones included."""
    found = [args]
    for name, sub in getattr(command, "commands", {}).items():
        found += _every_command(sub, (*args, name))
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_convert_help_shows_arguments_and_options_as_git_does() -> None:
    run = g2l(Path.cwd(), "convert", "-h")
    assert run.code == 0
    assert "Usage: git g2l-sync convert [<options>] <path>..." in run.output
    lines = {_one_line(line) for line in run.output.splitlines()}
    assert "│ * <path>... Glue scripts or library modules (.py files; folders: │" in lines
    assert "│ --json Print the review items as JSON. │" in lines  # a flag: no type column
    assert "│ --config <file> Take the conversion settings from <file>, a │" in lines
    assert "<list[" not in run.output


@pytest.mark.parametrize("args", _every_command(typer.main.get_command(app)), ids=" ".join)
def test_no_help_page_shows_a_python_type_or_click_syntax(args: tuple[str, ...]) -> None:
    run = g2l(Path.cwd(), *args, "-h")
    assert run.code == 0
    assert [leak for leak in LEAKED_INTERNALS if leak in run.output] == []


def test_help_shows_placeholders_flags_and_choices_as_git_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # rich wraps at the terminal's width: one line per option
    sync = {_one_line(line) for line in g2l(Path.cwd(), "sync", "-h").output.splitlines()}
    assert "│ --dry-run Compute everything, change nothing. │" in sync
    protected = "Glue change inside a protected region: a conflict, or keep ours and report it. [default: conflict]"
    assert f"│ --protected (conflict|keep-ours) {protected} │" in sync
    assert "│ --glue-ref <ref> Glue branch, tag or commit (default: [source] ref). │" in sync  # rich kept the [source]
    init = g2l(Path.cwd(), "init", "-h").output
    assert "Usage: git g2l-sync init [<options>] --glue <src>" in init
    assert "│ --include <glob> Glob of Glue files to mirror (repeatable). │" in {
        _one_line(x) for x in init.splitlines()
    }
    assert (
        "Usage: git g2l-sync protect [<options>] <path> --lines <first>-<last>"
        in g2l(Path.cwd(), "protect", "-h").output
    )
    assert "Usage: git g2l-sync check [<options>] [<path>...]" in g2l(Path.cwd(), "check", "-h").output


def test_man_page_has_gits_sections_in_gits_order_and_no_python_types() -> None:
    page = MAN_PAGE.read_text()
    headings = [line.removeprefix(".SH ") for line in page.splitlines() if line.startswith(".SH ")]
    assert headings == list(MAN_SECTIONS)
    assert [leak for leak in (*LEAKED_INTERNALS, "[required]") if leak in page] == []
    assert (
        "\\fBgit g2l\\-sync init\\fR \\-\\-glue\\ <src> [\\-\\-glue\\-ref\\ <ref>] [\\-\\-include\\ <glob>]..." in page
    )
    assert "\\fB\\-\\-dry\\-run\\fR\nCompute everything, change nothing.\n" in page


def test_man_page_and_help_take_their_words_from_helptext() -> None:
    page = MAN_PAGE.read_text()
    root_help = _one_line(g2l(Path.cwd(), "-h").output)
    for step in helptext.WORKFLOW:
        assert _roff(step.detail) in page
        assert _one_line(f"{step.command} {step.short}") in root_help
    for code in helptext.EXIT_STATUS:
        assert f"\\fB{code.code}\\fR" in page and f"{code.code} {code.short}" in root_help
    for text in (*helptext.DESCRIPTION, *(f.detail for f in helptext.FILES), *(e.command for e in helptext.EXAMPLES)):
        assert _roff(text) in page


def test_every_example_and_workflow_command_in_the_man_page_parses() -> None:
    """A renamed option fails here, not in a reader's terminal."""
    group = typer.main.get_command(app)
    lines = [e.command for e in helptext.EXAMPLES] + [s.command for s in helptext.WORKFLOW]
    tried = 0
    for line in lines:
        for part in line.replace(";", ",").replace(", or ", ",").split(","):
            words = shlex.split(part)
            if words[:2] != ["git", "g2l-sync"]:
                continue
            command, args = group, words[2:]
            while hasattr(command, "commands"):  # `jobs export`: down to the command
                command, args = command.commands[args[0]], args[1:]
            command.make_context(command.name, args)  # raises on an unknown or a missing option
            tried += 1
    assert tried == len(helptext.EXAMPLES) + 4  # the workflow: init, sync, check, sync --pr


@pytest.mark.parametrize(("name", "parser"), [("check", "check_parser"), ("status", "status_parser")])
def test_the_fast_parsers_print_the_usage_typer_prints(name: str, parser: str) -> None:
    from g2l_merge import entry

    group = typer.main.get_command(app)
    command = group.commands[name]
    ctx = command.context_class(command, info_name=name, parent=group.context_class(group, info_name="git g2l-sync"))
    argparse_usage = getattr(entry, parser)().format_usage()
    assert argparse_usage.removeprefix("usage: ") == command.get_usage(ctx).removeprefix("Usage: ") + "\n"


def test_help_lists_commands_and_exit_codes() -> None:
    run = g2l(Path.cwd(), "-h")
    assert run.code == 0
    for command in ("init", "sync", "status", "log", "demo"):
        assert command in run.output
    assert "3 refused for safety" in run.output


def test_bad_protected_option_is_exit_2() -> None:
    run = g2l(Path.cwd(), "sync", "--protected", "maybe")
    assert run.code == 2
    assert "Invalid value for '--protected'" in run.output
    assert "'maybe' is not one of" in run.output


def test_git_version_below_2_38_is_refused_with_a_clear_message() -> None:
    with pytest.raises(G2lError) as caught:
        g2l_git.require_version(b"git version 2.37.4\n")
    assert caught.value.code == 2
    assert "needs git 2.38 or newer (found: git version 2.37.4)" in caught.value.message
    assert g2l_git.require_version(b"git version 2.39.5\n") == (2, 39)
    assert g2l_git.require_version(b"git version 2.38.0.windows.1\n") == (2, 38)


def test_the_fast_check_parser_accepts_exactly_the_options_of_the_check_command() -> None:
    """main() parses `check` without typer (for start-up time): an option added to one side only would show in
    --help and fail in use, or work without being documented."""
    from g2l_merge.entry import check_parser

    command = typer.main.get_command(app).commands["check"]
    typer_side = {
        (tuple(sorted(p.opts)) if p.param_type_name == "option" else p.name, p.nargs, getattr(p, "is_flag", False))
        for p in command.params
        if p.name != "help"
    }
    argparse_side = {
        (tuple(sorted(a.option_strings)) if a.option_strings else a.dest, -1 if a.nargs == "*" else 1, a.nargs == 0)
        for a in check_parser()._actions
    }
    assert argparse_side == typer_side


def test_the_fast_sync_parser_accepts_exactly_the_options_of_the_sync_command() -> None:
    """main() parses `sync` without typer's dispatch (pydantic costs more than an up-to-date sync); anything it
    does not take as typer would goes to typer."""
    from g2l_merge.entry import sync_parser

    command = typer.main.get_command(app).commands["sync"]
    typer_side = {(tuple(sorted(p.opts)), getattr(p, "is_flag", False)) for p in command.params if p.name != "help"}
    argparse_side = {(tuple(sorted(a.option_strings)), a.nargs == 0) for a in sync_parser()._actions}
    assert argparse_side == typer_side


@pytest.mark.parametrize(
    ("args", "fast", "code", "says"),
    [
        (["sync"], True, 0, "Already up to date"),
        (["sync", "--dry-run", "--json"], True, 0, '"status": "up-to-date"'),
        (["sync", "--protected", "keep-ours"], True, 0, "Already up to date"),
        (["sync", "--protected", "maybe"], False, 2, "Invalid value for '--protected'"),
        (["sync", "--dry"], False, 2, "No such option: --dry"),
        (["sync", "--branch", "-x"], False, 2, "--branch '-x' is not a valid branch name"),
    ],
)
def test_sync_runs_without_typers_dispatch_unless_typer_must_answer(
    story: Story, args: list[str], fast: bool, code: int, says: str
) -> None:
    assert g2l(story.dbx.path, "sync").code == 0
    proc = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE, *args], cwd=story.dbx.path, capture_output=True, text=True, check=False
    )
    assert says in proc.stdout + proc.stderr
    exit_line, loaded = proc.stdout.splitlines()[-2:]
    assert exit_line == f"exit: {code}", proc.stdout + proc.stderr
    assert ("'pydantic'" in loaded) is not fast, loaded  # typer's dispatch loads pydantic
