"""The shape of a rule: an id, a name, a one-line summary, a docstring with before/after, and leave hooks.

A hook is `leave_<NodeType>(self, ctx, original, updated) -> node`: `original` is for metadata lookups
(ctx.qualified, ctx.line, ctx.review), `updated` is what earlier rules made of it. Hooks return a node
(or cst.RemovalSentinel.REMOVE / cst.FlattenSentinel for statements), never raise for a bad input: what a
rule cannot convert it leaves as written and reports with ctx.review.
"""

from __future__ import annotations

from typing import ClassVar

import libcst as cst


class Rule:
    id: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]


def expr(code: str) -> cst.BaseExpression:
    """Parse a Python expression written by a rule."""
    return cst.parse_expression(code)


def stmt(code: str) -> cst.BaseStatement:
    """Parse one statement written by a rule."""
    return cst.parse_statement(code)


def code_of(node: cst.CSTNode) -> str:
    """Source text of a node, as written."""
    return cst.Module([]).code_for_node(node)


def arg(call: cst.Call, keyword: str, position: int | None = None) -> cst.Arg | None:
    """A call's argument by keyword, or by position when given positionally."""
    for item in call.args:
        if item.keyword is not None and item.keyword.value == keyword:
            return item
    if position is not None:
        positional = [item for item in call.args if item.keyword is None and not item.star]
        if position < len(positional):
            return positional[position]
    return None


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The value of a plain string literal (no f-string, no concatenation), else None."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
