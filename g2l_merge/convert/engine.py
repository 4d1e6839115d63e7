"""convert_source(): the one entry point the mirror and the `convert` command use."""

from __future__ import annotations

import re
from typing import NamedTuple

import libcst

from g2l_merge import __version__
from g2l_merge.config import ConvertConfig

CONVERTER_VERSION = __version__
HEADER_PREFIX = "# g2l: converted from "
_PRELUDE = re.compile(r"#!|#.*coding[:=]")
PARSE_RULE = "G2L000"


class Finding(NamedTuple):
    path: str
    line: int
    rule: str
    message: str


class Conversion(NamedTuple):
    text: str
    findings: tuple[Finding, ...]


def convert_source(text: str, path: str, config: ConvertConfig) -> Conversion:
    """Convert one Glue Python file; a file that does not parse comes back unchanged with a finding."""
    try:
        libcst.parse_module(text)
    except libcst.ParserSyntaxError as exc:
        finding = Finding(path, exc.raw_line, PARSE_RULE, "not valid Python, carried over unchanged: "
                          + exc.message.splitlines()[0])
        return Conversion(text, (finding,))
    return Conversion(with_header(text, path), ())


def with_header(text: str, path: str) -> str:
    """Put `# g2l: converted from <path>` after any shebang or coding line, exactly once."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    at = 0
    while at < len(lines) and at < 2 and _PRELUDE.match(lines[at]):
        at += 1
    header = f"{HEADER_PREFIX}{path}{newline}"
    if at and not lines[at - 1].endswith("\n"):
        lines[at - 1] += newline
    if at < len(lines) and lines[at].startswith(HEADER_PREFIX):
        lines[at] = header
    else:
        lines.insert(at, header)
    return "".join(lines)
