"""What the sync side needs of the converter without loading it (libcst): findings, source bytes <-> text,
and how a path is quoted in headers and reports."""

from __future__ import annotations

import ast
import re
import warnings
from typing import NamedTuple

PARSE_RULE = "G2L000"  # the file as a whole: not valid Python, too big, or bytes the parser would not keep
HEADER_PREFIX = "# g2l: converted from "  # the first line g2l-merge writes in what it makes (after #! or coding)


class Finding(NamedTuple):
    path: str
    line: int
    rule: str
    message: str


UTF8_BOM = b"\xef\xbb\xbf"


class SourceText(NamedTuple):
    text: str
    bom: bool  # the file began with a UTF-8 byte-order mark, which goes back in front of the converted text


def decode_source(data: bytes) -> SourceText | int:
    """A Python file's bytes as text, its byte-order mark set aside; or the line of the first byte that is not
    UTF-8 (such a file is never converted: replacing its bytes would change them)."""
    bom = data.startswith(UTF8_BOM)
    try:
        return SourceText(data[len(UTF8_BOM) if bom else 0 :].decode("utf-8"), bom)
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1


def encode_source(text: str, bom: bool) -> bytes:
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


_UNPRINTABLE = re.compile(r'[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]|^"')
_PATH_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote_path(path: str) -> str:
    """A path as a header or a report line shows it: as it is, or quoted like git quotes paths when it holds
    characters that would end the line or are not text (a newline in a file name must not become a line of code)."""
    if not _UNPRINTABLE.search(path):
        return path
    out = []
    for char in path:
        if char in _PATH_ESCAPES:
            out.append(_PATH_ESCAPES[char])
        elif "\ud800" <= char <= "\udfff":  # a byte of a name that is not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif _UNPRINTABLE.match(char):
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


class SyntaxProblem(NamedTuple):
    line: int
    column: int  # 1-based, in characters, as Python and editors count
    reason: str  # Python's own short message: "invalid syntax", "'(' was never closed"


_NEWLINE = re.compile(r"\r\n|\r|\n")


def syntax_problem(text: str) -> SyntaxProblem | None:
    """Where Python itself (ast.parse, what a user's editor shows) says `text` is not valid Python, and why;
    None when it is. A null byte is found here, at its own line: Python 3.11 names no line for it."""
    nul = text.find("\0")
    if nul >= 0:
        before = text[:nul]
        starts = [match.end() for match in _NEWLINE.finditer(before)]
        return SyntaxProblem(
            len(starts) + 1, nul - (starts[-1] if starts else 0) + 1, "source code cannot contain null bytes"
        )
    try:
        with warnings.catch_warnings():  # an invalid escape sequence is a SyntaxWarning: not ours to print
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError as error:
        return SyntaxProblem(error.lineno or 1, max(error.offset or 1, 1), error.msg)
    except (ValueError, RecursionError, MemoryError):  # too deep for the compiler: no line of its own
        return SyntaxProblem(1, 1, "nested too deep for Python to read")
    return None
