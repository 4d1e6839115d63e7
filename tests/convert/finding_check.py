"""The line criterion the corpus, the golden cases and scripts/golden_findings.py share (issue 10 item 6).

Written apart from the converter's own locate.py on purpose: it checks the result, not the method. A finding
whose `# g2l: review RULE: message` comment is in the converted text must name a line that IS that comment
(the line as written, stripped); every finding's line is 0 (no line known) or a line of the converted text.
Given the input too, every review comment the conversion added is named by a finding: two statements with the
same comment text are two findings on two lines, not one line twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol


class _Finding(Protocol):
    line: int
    rule: str
    message: str


def text_lines(text: str) -> list[str]:
    """The lines of `text` as Python numbers them: a line ends at LF, CRLF or CR (not at a form feed)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def misplaced(text: str, findings: Iterable[_Finding], source: str | None = None) -> list[str]:
    """What is wrong with the findings' lines in the converted `text`, one message per finding (none: right);
    with the input `source`, also each comment text the conversion added more often than findings name it."""
    findings = list(findings)
    lines = text_lines(text)
    if lines and lines[-1] == "":
        lines.pop()  # the text ends with a line end: no line follows it
    stripped = {line.strip() for line in lines}
    wrong = []
    for finding in findings:
        comment = f"# g2l: review {finding.rule}: {finding.message}"
        where = f"line {finding.line} ({finding.rule})"
        if not 0 <= finding.line <= max(len(lines), 1):
            wrong.append(f"{where}: past the end of the {len(lines)}-line file")
        elif comment in stripped and (finding.line == 0 or lines[finding.line - 1].strip() != comment):
            at = [number for number, line in enumerate(lines, start=1) if line.strip() == comment]
            wrong.append(f"{where}: its review comment is on line {', '.join(map(str, at))}")
    if source is not None:
        added = Counter(_reviews(lines)) - Counter(_reviews(text_lines(source)))
        for comment, count in sorted(added.items()):
            named = {f.line for f in findings if f"# g2l: review {f.rule}: {f.message}" == comment}
            if len(named) < count:
                wrong.append(f"{comment[:60]}...: added {count} times, named on {len(named)} line(s)")
    return wrong


def _reviews(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip().startswith("# g2l: review ")]
