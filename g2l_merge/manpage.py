"""git-g2l-sync(1), rendered from the click command tree and helptext.py, so the page cannot drift from the CLI:
the commands, their options and placeholders come from the tree that -h shows; the prose from the module -h
takes its summary, workflow and exit codes from."""

from __future__ import annotations

import enum
import inspect
from typing import Any

from g2l_merge import __version__, helptext

PROG = "git g2l-sync"


def _roff(text: str) -> str:
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in escaped.splitlines())


def _paragraphs(text: str) -> list[str]:
    """A docstring's paragraphs, each on one line, with .PP between them."""
    lines: list[str] = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        lines += [".PP"] if lines else []
        lines.append(_roff(" ".join(paragraph.split())))
    return lines


def _commands(group: Any, ctx: Any, prefix: str) -> list[tuple[str, Any, Any]]:
    """Every visible command under `group` as (full name, command, its context); a group's commands (`jobs
    export`) stand in for the group."""
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        sub = command.context_class(command, info_name=name, parent=ctx)
        if hasattr(command, "list_commands"):
            found += _commands(command, sub, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command, sub))
    return found


def _params(command: Any, ctx: Any) -> list[Any]:
    """The parameters a reader types: not hidden, not -h (the page says once that every command takes it)."""
    help_option = command.get_help_option(ctx)
    return [p for p in command.get_params(ctx) if p is not help_option and not getattr(p, "hidden", False)]


def _names(param: Any) -> str:
    """`--glue-ref <ref>`, `--dry-run`, `<path>...`: as the command's -h shows them (cli.py sets the metavars)."""
    if param.param_type_name == "argument":
        return f"\\fI{_roff(param.metavar)}\\fR"
    names = ", ".join(f"\\fB{_roff(name)}\\fR" for name in (*param.opts, *param.secondary_opts))
    return names if param.is_flag else f"{names} \\fI{_roff(param.metavar)}\\fR"


def _synopsis_piece(param: Any) -> str:
    if param.param_type_name == "argument":
        return param.metavar if param.required else f"[{param.metavar}]"
    piece = param.opts[0] if param.is_flag else f"{param.opts[0]} {param.metavar}"
    piece = piece if param.required else f"[{piece}]"
    return piece + ("..." if getattr(param, "multiple", False) else "")


def _default(param: Any, ctx: Any) -> str | None:
    """The default a reader would not guess (not for flags, nor for a value that is simply absent)."""
    if param.param_type_name != "option" or param.is_flag or not param.show_default:
        return None
    value = param.get_default(ctx, call=False)
    if value in (None, "", (), []):
        return None
    return str(value.value if isinstance(value, enum.Enum) else value)


def _option_lines(command: Any, ctx: Any) -> list[str]:
    lines = []
    for param in _params(command, ctx):
        text = " ".join((param.help or "").split())
        default = _default(param, ctx)
        if default is not None:
            text += f" Default: {default}."
        lines += [".TP", _names(param), _roff(text)]
    return lines


def _synopsis(name: str, command: Any, ctx: Any) -> str:
    pieces = " ".join(_roff(_synopsis_piece(param)).replace(" ", "\\ ") for param in _params(command, ctx))
    return f"\\fB{_roff(name)}\\fR {pieces}".rstrip()  # roff's `\\ `: a space lines never break at


def _tagged(tag: str, text: str) -> list[str]:
    return [".TP", tag, _roff(text)]


def render(group: Any) -> str:
    """The whole man page as roff text (`group` is the click group typer builds)."""
    ctx = group.context_class(group, info_name=PROG)
    commands = _commands(group, ctx, PROG)
    lines = [
        f'.TH GIT\\-G2L\\-SYNC 1 "" "g2l-merge {__version__}" "g2l-merge manual"',
        ".nh",  # no hyphenation: options and paths break only at spaces
        ".ad l",
        ".SH NAME",
        "git\\-g2l\\-sync \\- " + _roff(helptext.SUMMARY),
        ".SH SYNOPSIS",
        ".in +4n",
    ]
    for name, command, sub in commands:
        lines += [".ti -4n", _synopsis(name, command, sub)]
    lines += [".in", ".SH DESCRIPTION"]
    for number, paragraph in enumerate(helptext.DESCRIPTION):
        lines += ([".PP"] if number else []) + [_roff(paragraph)]
    lines += [".SH THE WEEKLY WORKFLOW"]
    for number, step in enumerate(helptext.WORKFLOW, 1):
        lines += _tagged(f"{number}. \\fB{_roff(step.command)}\\fR", f"{step.short[:1].upper()}{step.short[1:]}.")
        lines += [_roff(step.detail)]
    lines += [
        ".SH COMMANDS",
        "Every command takes \\fB\\-h\\fR (or \\fB\\-\\-help\\fR, which git turns into \\fBgit help g2l\\-sync\\fR "
        "when the command is run as \\fBgit g2l\\-sync\\fR), which prints its options.",
    ]
    for name, command, sub in commands:
        lines += [f'.SS "{_roff(name)}"', *_paragraphs(command.help or ""), *_option_lines(command, sub)]
    lines += [".SH EXIT STATUS"]
    for code in helptext.EXIT_STATUS:
        lines += _tagged(f"\\fB{code.code}\\fR", f"{code.short[:1].upper()}{code.short[1:]}. {code.detail}")
    lines += [".SH FILES"]
    for file in helptext.FILES:
        lines += _tagged(f"\\fI{_roff(file.path)}\\fR", file.detail)
    lines += [".SH EXAMPLES"]
    for example in helptext.EXAMPLES:
        lines += [".PP", _roff(example.detail), ".RS 4", f"\\fB{_roff(example.command)}\\fR", ".RE"]
    see_also = [f"\\fB{_roff(page.partition('(')[0])}\\fR({page.partition('(')[2]}" for page in helptext.SEE_ALSO]
    lines += [".SH SEE ALSO", ", ".join(see_also), ""]
    return "\n".join(lines)
