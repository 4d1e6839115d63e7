"""Review items point at the converted file (issue 10): each finding gets the line of its review comment.

Rules report the line of the Glue source (ConvertContext.line); the report, `convert` and `convert --json`
show the converted file, where the `# g2l: review RULE: message` comment above the statement is what the
reader looks for. After the converted text is built, one scan of its lines finds every review comment, and
each finding moves to the line of its own comment:

- findings of one statement share its comment; the statements that carry the same comment text get its
  occurrences in document order (the converter keeps statements and comments in order);
- a review comment the input already held that no finding of this pass claims (a file converted twice, a
  comment a person kept) takes its place in that order too, so it does not shift the others;
- a finding whose comment is not in the output (a statement the rules removed, a rule that failed) keeps its
  Glue line, moved down one when the converted-from header was inserted above it. (A file carried over
  without a header, not valid Python or failing with G2L099, never comes here: its lines are the Glue file's.)

No line is past the end of the file; 0 (the rules' "no line known") stays 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from g2l_merge.convert.context import Finding

REVIEW_PREFIX = "# g2l: review "
_LINE_END = re.compile(r"\r\n|\r|\n")


class Placement(NamedTuple):
    """A statement that got review comments in the output (engine._Runner)."""

    line: int  # its line in the Glue source
    present: frozenset[str]  # comment texts it held already (the input was converted before)


def review_comment(finding: Finding) -> str:
    return f"{REVIEW_PREFIX}{finding.rule}: {finding.message}"


def review_lines(text: str) -> dict[str, list[int]]:
    """Each review comment line of `text` (stripped) -> its line numbers, in order (lines end as Python's
    tokenizer ends them: LF, CRLF, CR)."""
    found: dict[str, list[int]] = {}
    if REVIEW_PREFIX not in text:
        return found
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if REVIEW_PREFIX in line:
            stripped = line.strip()
            if stripped.startswith(REVIEW_PREFIX):
                found.setdefault(stripped, []).append(number)
    return found


def line_count(text: str) -> int:
    return len(_LINE_END.findall(text)) + (0 if not text or text.endswith(("\n", "\r")) else 1)


def relocate(
    findings: Iterable[Finding],
    source: str,
    converted: str,
    anchors: Mapping[int, int],
    placed: Mapping[int, Placement],
    shift: tuple[int, int] = (0, 0),
) -> tuple[Finding, ...]:
    """The findings at their lines in `converted`, sorted as the engine sorts them.

    `anchors`: id(finding) -> id(the original statement its comment went above); `placed`: id(statement) -> its
    Placement, for the statements whose comments are in the output. `shift` = (first Glue line moved, by how
    many lines): the header inserted above. `source` is only read when a comment text occurs more often in the
    output than this pass's findings account for.
    """
    findings = list(findings)
    occurrences = review_lines(converted)
    last = line_count(converted)
    # comment text -> slot key -> the findings in that slot; a slot is one occurrence of the text
    slots: dict[str, dict[tuple[int, int, int], list[int]]] = {}
    for index, finding in enumerate(findings):
        text = review_comment(finding)
        if text not in occurrences:
            continue
        statement = anchors.get(id(finding))
        if statement is None:  # a comment a rule placed itself (an import's note, a blueprint layout)
            key = (finding.line, 1, -1)
        elif statement in placed:
            key = (placed[statement].line, 1, statement)
        else:
            continue  # its statement was removed, and its comment with it
        slots.setdefault(text, {}).setdefault(key, []).append(index)
    lines: dict[int, int] = {}
    strays: dict[str, list[int]] | None = None
    for text, by_key in slots.items():
        keys = sorted(by_key)
        if len(occurrences[text]) > len(keys):  # comments the input held that no finding of this pass claims
            if strays is None:
                strays = review_lines(source)
            keys = sorted([*keys, *_unclaimed(strays.get(text, []), keys, text, placed)])
        for key, line in zip(keys, occurrences[text], strict=False):
            for index in by_key.get(key, ()):
                lines[index] = line
    moved = [
        finding._replace(line=lines[index] if index in lines else _shifted(finding.line, shift, last))
        for index, finding in enumerate(findings)
    ]
    return tuple(sorted(moved, key=lambda f: (f.line, f.rule, f.message)))


def _unclaimed(
    found: list[int], keys: list[tuple[int, int, int]], text: str, placed: Mapping[int, Placement]
) -> list[tuple[int, int, int]]:
    """Slots for the input's occurrences of `text` that no statement of this pass already held (each statement
    that held it owns the nearest occurrence above it); they sort before a statement on the same line."""
    left = list(found)
    for line, _, statement in keys:
        if statement in placed and text in placed[statement].present:
            above = [at for at in left if at <= line]
            if above:
                left.remove(above[-1])
    return [(line, 0, 0) for line in left]


def _shifted(line: int, shift: tuple[int, int], last: int) -> int:
    if line <= 0:
        return line
    first, by = shift
    moved = line + by if by and line >= first else line
    return min(moved, max(last, 1))
