"""Protected regions and native markers: parse them, returning problems with line numbers (never raising).

This module imports nothing heavy: `check` and the pre-commit hook must start fast.
"""

from __future__ import annotations

import re
from typing import NamedTuple

NATIVE_WINDOW = 5  # a native marker counts only in a file's first lines
_NATIVE = re.compile(r"^[ \t]*#[ \t]*(?:g2l:[ \t]*native|SOURCE:[ \t]*DATABRICKS_NATIVE)\b")
_BEGIN = re.compile(r"^[ \t]*#[ \t]*(?:g2l:[ \t]*protect[ \t]+begin|PROTECTED:[ \t]*START)\b[ \t]*(.*?)[ \t]*$")
_END = re.compile(r"^[ \t]*#[ \t]*(?:g2l:[ \t]*protect[ \t]+end|PROTECTED:[ \t]*END)\b[ \t]*(.*?)[ \t]*$")


# Every line the three patterns above match holds one of these texts (case and all): `g2l: protect ...` holds
# "protect", `g2l: native` "native", `PROTECTED: START|END` "PROTECTED:", `SOURCE: DATABRICKS_NATIVE` the last.
# A file without any of them has no marker, so `status` looks for them with `git grep -F` and parses only the
# files that hold one. (Not "g2l:": every converted file starts with `# g2l: converted from`.)
MARKER_TEXTS = ("protect", "native", "PROTECTED:", "DATABRICKS_NATIVE")


class Region(NamedTuple):
    name: str | None
    start: int  # 1-based line of the begin marker
    end: int  # 1-based line of the end marker


class Problem(NamedTuple):
    line: int
    message: str


class Markers(NamedTuple):
    native: bool
    regions: tuple[Region, ...]
    problems: tuple[Problem, ...]


def is_region_marker(line: str) -> bool:
    """True for a protect begin or end line (either syntax)."""
    return bool(_BEGIN.match(line) or _END.match(line))


def parse(text: str) -> Markers:
    """Find the native marker and the protected regions of one file."""
    native = False
    regions: list[Region] = []
    problems: list[Problem] = []
    open_at: tuple[str | None, int] | None = None
    for number, line in enumerate(text.split("\n"), start=1):  # git's notion of a line, not str.splitlines'
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark is not part of the first line's text
        if _NATIVE.match(line):
            if number <= NATIVE_WINDOW:
                native = True
            else:
                problems.append(
                    Problem(
                        number, f"native marker below line {NATIVE_WINDOW} is ignored; move it to the top of the file"
                    )
                )
            continue
        begin, end = _BEGIN.match(line), _END.match(line)
        if begin:
            if open_at is not None:
                problems.append(
                    Problem(
                        number,
                        f"protected region begins inside the region opened on line {open_at[1]}; regions do not nest",
                    )
                )
                continue
            open_at = (_clean_name(begin.group(1)), number)
        elif end:
            if open_at is None:
                problems.append(Problem(number, "protect end without a matching begin"))
                continue
            name, start = open_at
            end_name = _clean_name(end.group(1))
            if end_name and end_name != name:
                problems.append(
                    Problem(
                        number, f"protect end {end_name!r} does not match begin {name or '(unnamed)'!r} on line {start}"
                    )
                )
            regions.append(Region(name, start, number))
            open_at = None
    if open_at is not None:
        problems.append(Problem(open_at[1], "protect begin without a matching end"))
    problems.extend(_duplicates(regions))
    return Markers(native, tuple(regions), tuple(sorted(problems)))


def _clean_name(raw: str) -> str | None:
    name = raw.strip().strip("-:").strip()
    return name or None


def _duplicates(regions: list[Region]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for region in regions:
        if region.name is None:
            continue
        if region.name in seen:
            problems.append(
                Problem(
                    region.start, f"protected region name {region.name!r} is already used on line {seen[region.name]}"
                )
            )
        else:
            seen[region.name] = region.start
    return problems


NATIVE_MARKER = "# g2l: native"
_PRELUDE = re.compile(r"#!|#.*coding[:=]|# g2l: converted from ")
# File types in which a line starting with `#` is a comment, so `native` may write the marker into them. Any other
# file (JSON, SQL, notebooks' JSON, binaries...) is made native by listing it under [protect] native in g2l.toml.
COMMENT_SUFFIXES = (".py", ".pyi", ".pyw", ".sh", ".bash", ".r", ".yaml", ".yml", ".toml")
_BINARY_SNIFF = 8000


def is_binary(data: bytes) -> bool:
    """git's heuristic: a NUL byte in the first 8000 bytes makes a file binary."""
    return b"\0" in data[:_BINARY_SNIFF]


def native_marker_problem(name: str, data: bytes) -> str | None:
    """Why `# g2l: native` cannot be written into this file without corrupting it, or None."""
    suffix = "." + name.rsplit(".", 1)[1].lower() if "." in name.lstrip(".") else ""
    if suffix not in COMMENT_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without a suffix"
        return (
            f"'#' does not start a comment in {kind}, so the native marker would corrupt it "
            f"(the marker goes only into {', '.join(COMMENT_SUFFIXES)} files)"
        )
    if is_binary(data):
        return "it is binary, so the native marker would corrupt it"
    return None


def with_native_marker(text: str) -> str:
    """The file with `# g2l: native` added at its top (after a byte-order mark, shebang, coding or converted-from
    line)."""
    if parse(text).native:
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text[len(bom) :].split("\n")
    at = 0
    while at < len(lines) - 1 and at < 3 and _PRELUDE.match(lines[at]):
        at += 1
    lines.insert(at, NATIVE_MARKER + newline.rstrip("\n"))
    return bom + "\n".join(lines)


def region_problem(text: str, start: int, end: int, name: str | None) -> str | None:
    """Why lines start..end cannot become a protected region, or None."""
    found = parse(text)
    count = len(text.split("\n")) - (1 if text.endswith("\n") else 0)
    if not 1 <= start <= end <= count:
        return f"lines {start}-{end} are outside the file (it has {count} lines)"
    if found.problems:
        return f"line {found.problems[0].line}: {found.problems[0].message}; fix the markers first"
    for region in found.regions:
        if start <= region.end and end >= region.start:
            return f"lines {start}-{end} overlap the protected region on lines {region.start}-{region.end}"
        if name is not None and region.name == name:
            return f"a protected region named {name!r} already exists on line {region.start}"
    return None


def with_region(text: str, start: int, end: int, name: str | None) -> str:
    """Wrap lines start..end (1-based, inclusive) in protect begin/end markers, indented like line `start`."""
    lines = text.split("\n")
    newline_cr = "\r" if lines[start - 1].endswith("\r") else ""
    indent = re.match(r"[ \t]*", lines[start - 1]).group(0)  # type: ignore[union-attr]
    label = f" {name}" if name else ""
    lines.insert(end, f"{indent}# g2l: protect end{label}{newline_cr}")
    lines.insert(start - 1, f"{indent}# g2l: protect begin{label}{newline_cr}")
    return "\n".join(lines)
