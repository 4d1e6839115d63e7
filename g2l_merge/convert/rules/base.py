"""The shape of a rule: an id, a name, a one-line summary, a docstring with before/after, and leave hooks.

A hook is `leave_<NodeType>(self, ctx, original, updated) -> node`: `original` is for metadata lookups
(ctx.qualified, ctx.line, ctx.review), `updated` is what earlier rules made of it (always of the same node
type: the engine stops a node's chain once a hook turned it into something else). Hooks return a node
(or cst.RemovalSentinel.REMOVE / cst.FlattenSentinel for statements), never raise for a bad input: what a
rule cannot convert it leaves as written and reports with ctx.review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple, Protocol

import libcst as cst

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.tree import code_for

StatementResult = cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel
SmallStatementResult = cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel


class Rule(Protocol):
    """Every hook the engine runs, typed; each leaves its node as it is, and a rule overrides the ones it needs."""

    # registry() refuses a rule with any other leave_/visit_ method: a misspelt hook fails at import instead of
    # never running. A hook for another node type is one more method here.

    id: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    # When set, leave_Call gives back `updated` as it is for a call `x.<attr>(...)` whose attr is not one of
    # these, so the engine does not run it for such calls.
    call_names: ClassVar[frozenset[str] | None] = None

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return updated

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        return updated

    def leave_Name(self, ctx: ConvertContext, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        return updated

    def leave_Arg(self, ctx: ConvertContext, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        return updated

    def leave_Param(self, ctx: ConvertContext, original: cst.Param, updated: cst.Param) -> cst.Param:
        return updated

    def leave_Import(self, ctx: ConvertContext, original: cst.Import, updated: cst.Import) -> SmallStatementResult:
        return updated

    def leave_ImportFrom(
        self, ctx: ConvertContext, original: cst.ImportFrom, updated: cst.ImportFrom
    ) -> SmallStatementResult:
        return updated

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        return updated

    def leave_FunctionDef(
        self, ctx: ConvertContext, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> StatementResult:
        return updated

    def leave_Comparison(
        self, ctx: ConvertContext, original: cst.Comparison, updated: cst.Comparison
    ) -> cst.BaseExpression:
        return updated

    def leave_If(self, ctx: ConvertContext, original: cst.If, updated: cst.If) -> StatementResult:
        return updated

    def leave_Try(self, ctx: ConvertContext, original: cst.Try, updated: cst.Try) -> StatementResult:
        return updated

    def leave_ClassDef(self, ctx: ConvertContext, original: cst.ClassDef, updated: cst.ClassDef) -> StatementResult:
        return updated

    def finish(self, ctx: ConvertContext, module: cst.Module) -> cst.Module:
        """After every hook ran and the imports were settled: a last look at the whole converted module."""
        return module

    def carry(self, ctx: ConvertContext, module: cst.Module) -> cst.Module | None:
        """Before any hook: a file this rule carries over unchanged (its review items in ctx), or None."""
        return None


class Hook(NamedTuple):
    rule: Rule  # whose id a failure of this hook is reported under
    run: Callable[[ConvertContext, Any, Any], object]  # Rule.leave_<node type> of that type, bound to the rule


class Registry(NamedTuple):
    """The rules in the order they run, their hooks by node type, and the rules with a finish step."""

    rules: tuple[Rule, ...]
    hooks: Mapping[type[cst.CSTNode], tuple[Hook, ...]]
    finishing: tuple[Rule, ...]
    carrying: tuple[Rule, ...] = ()


class UnknownHook(TypeError):
    """A rule method named like a hook that the engine would never run (a misspelling, or a visit_ hook)."""


# node type name -> node type, for every leave_ hook Rule declares
HOOK_TYPES: dict[str, type[cst.CSTNode]] = {
    name.removeprefix("leave_"): getattr(cst, name.removeprefix("leave_"))
    for name in dir(Rule)
    if name.startswith("leave_")
}


def registry(rules: Iterable[Rule]) -> Registry:
    """Check every rule's hook names against Rule's and list the hooks each node type runs, in rule order."""
    ordered = tuple(rules)
    hooks: dict[type[cst.CSTNode], list[Hook]] = {}
    for rule in ordered:
        for name in _hook_names(rule):
            hooks.setdefault(HOOK_TYPES[name.removeprefix("leave_")], []).append(Hook(rule, getattr(rule, name)))
    finishing = tuple(rule for rule in ordered if _overrides(rule, "finish"))
    carrying = tuple(rule for rule in ordered if _overrides(rule, "carry"))
    return Registry(ordered, {kind: tuple(found) for kind, found in hooks.items()}, finishing, carrying)


def _hook_names(rule: Rule) -> list[str]:
    """The leave_ hooks a rule overrides; UnknownHook for a name Rule does not declare."""
    for name in dir(type(rule)):
        if name.startswith(("leave_", "visit_")) and name.removeprefix("leave_") not in HOOK_TYPES:
            raise UnknownHook(
                f"{type(rule).__name__} ({rule.id}): {name} is not a hook the engine runs "
                f"(leave_ one of {', '.join(sorted(HOOK_TYPES))}; see Rule in rules/base.py)"
            )
    return [name for name in dir(type(rule)) if name.startswith("leave_") and _overrides(rule, name)]


def _overrides(rule: Rule, name: str) -> bool:
    return getattr(type(rule), name, None) not in (None, getattr(Rule, name))


# Rules write the same texts file after file ("glue_compat.Job", import lines, option names): each is parsed
# once. One node can stand in many places: libcst nodes are frozen, their sequences tuples, and nothing keys a
# rule-made node by id() (the converter keys original nodes only).
@lru_cache(maxsize=4096)
def expr(code: str) -> cst.BaseExpression:
    """Parse a Python expression written by a rule (cached: see above)."""
    return cst.parse_expression(code)


@lru_cache(maxsize=4096)
def stmt(code: str) -> cst.BaseStatement:
    """Parse one statement written by a rule (cached: see above)."""
    return cst.parse_statement(code)


def code_of(node: cst.CSTNode) -> str:
    """Source text of a node, as written."""
    return code_for(_EMPTY, node)


_EMPTY = cst.Module([])


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
