"""Every comment of the input survives conversion (issue 10).

A statement a rule rewrites keeps its comments as leading lines, texts unchanged (a commented-out key of an
options dict the rule spelt out as .option calls, a comment inside call arguments it rebuilt); a removed
statement's comments go to the next statement, or to the end of its block when none follows. The engine
checks each statement that had comments after its rules ran (engine.py); the import passes that run later
(imports.py, the boilerplate rule's finish) do the same for the import lines they drop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import libcst as cst

from g2l_merge.convert.tree import visit

STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


class _Comments(cst.CSTVisitor):
    """The comments of a node, not those of the statements nested in it (theirs are checked on their own)."""

    def __init__(self, root: cst.CSTNode) -> None:
        super().__init__()
        self.root = root
        self.found: list[cst.Comment] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Comment):
            self.found.append(node)
            return False
        return node is self.root or not isinstance(node, STATEMENTS)


def own_comments(nodes: Iterable[Any]) -> list[cst.Comment]:
    """The comments of these nodes themselves, in document order (nested statements' comments not included)."""
    found: list[cst.Comment] = []
    for node in nodes:
        if isinstance(node, cst.CSTNode):
            walker = _Comments(node)
            visit(node, walker)
            found += walker.found
    return found


def missing(before: Sequence[cst.Comment], after: Iterable[cst.Comment]) -> list[cst.Comment]:
    """The comments of `before` whose text `after` lacks (as a multiset), in the order of `before`."""
    left = Counter(comment.value for comment in after)
    lost: list[cst.Comment] = []
    for comment in before:
        if left[comment.value]:
            left[comment.value] -= 1
        else:
            lost.append(comment)
    return lost


def as_lines(comments: Iterable[cst.Comment]) -> list[cst.EmptyLine]:
    """Comments as lines of their own, texts unchanged."""
    return [cst.EmptyLine(comment=comment) for comment in comments]


def result_nodes(result: Any) -> list[Any]:
    """The statements a hook's result stands for (none for a removal)."""
    if isinstance(result, cst.FlattenSentinel):
        return list(result.nodes)
    return [result] if isinstance(result, cst.CSTNode) else []


def with_leading(result: Any, lines: list[cst.EmptyLine]) -> Any:
    """The result with these lines after the leading lines of its first statement."""
    if not lines:
        return result
    if isinstance(result, cst.FlattenSentinel) and result.nodes:
        return cst.FlattenSentinel([with_leading(result.nodes[0], lines), *result.nodes[1:]])
    if isinstance(result, cst.CSTNode) and hasattr(result, "leading_lines"):
        return result.with_changes(leading_lines=[*result.leading_lines, *lines])
    return result


def keep_comments(original: Any, updated: Any) -> Any:
    """`updated` with the comments of `original` it lacks above it (for the passes that run after the rules)."""
    return with_leading(updated, as_lines(missing(own_comments([original]), own_comments(result_nodes(updated)))))


def comment_lines(statement: cst.SimpleStatementLine) -> list[cst.EmptyLine]:
    """A line of imports that goes: its leading lines, then its other comments as lines of their own (an import
    without parentheses has none inside: only those with them, or other statements on the line, are walked)."""
    inside = [
        small
        for small in statement.body
        if not isinstance(small, cst.Import) and not (isinstance(small, cst.ImportFrom) and small.lpar is None)
    ]
    trailing = statement.trailing_whitespace.comment
    return [
        *statement.leading_lines,
        *as_lines(own_comments(inside)),
        *([cst.EmptyLine(comment=trailing)] if trailing is not None else []),
    ]
