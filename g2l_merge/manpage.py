"""git-g2l-sync(1), rendered from the click command tree so the page cannot drift from the CLI."""

from __future__ import annotations

from typing import Any

from g2l_merge import __version__


def _roff(text: str) -> str:
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in escaped.splitlines())


def _option_lines(command: Any, ctx: Any) -> list[str]:
    lines = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or getattr(param, "hidden", False):
            continue
        names, help_text = record
        lines += [".TP", f"\\fB{_roff(names)}\\fR", _roff(help_text or "")]
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


def render(group: Any) -> str:
    """The whole man page as roff text (`group` is the click group typer builds)."""
    ctx = group.context_class(group, info_name="git g2l-sync")
    lines = [
        f'.TH GIT\\-G2L\\-SYNC 1 "" "g2l-merge {__version__}" "g2l-merge manual"',
        ".SH NAME",
        "git\\-g2l\\-sync \\- " + _roff(group.help or "").split("\n")[0],
        ".SH SYNOPSIS",
        "\\fBgit g2l\\-sync\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        _roff(group.help or ""),
        ".SH COMMANDS",
    ]
    for name, command, sub in _commands(group, ctx, "git g2l-sync"):
        usage = " ".join(command.collect_usage_pieces(sub))
        lines += [
            ".SS",
            f"\\fB{_roff(name)}\\fR {_roff(usage)}",
            _roff(command.help or ""),
            ".RS",
            *_option_lines(command, sub),
            ".RE",
        ]
    lines += [
        ".SH EXIT STATUS",
        _roff(group.epilog or ""),
        ".SH SEE ALSO",
        "\\fBgit\\-merge\\fR(1), \\fBgit\\-merge\\-tree\\fR(1), \\fBgitattributes\\fR(5)",
        "",
    ]
    return "\n".join(lines)
