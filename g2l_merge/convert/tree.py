"""The parsed module walked once, and the metadata the rules ask of it.

libcst's ParentNodeProvider and QualifiedNameProvider each walk the whole module twice (their own visitor
inside a batched one) to store an answer for every node: a third of a file's conversion time, for the few
hundred nodes the rules ask about. Here one walk records every node in document order and each node's
parent; qualified names are looked up in libcst's scopes when asked, and positions are computed on the
first ask, so a file without findings or long chains never pays for them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import libcst as cst
from libcst import BatchableCSTVisitor
from libcst.metadata import (
    CodeRange,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
    ScopeProvider,
)
from libcst.metadata.scope_provider import Scope

_MISSING: Any = object()


@dataclass
class Tree:
    """One parse: its nodes, and get_metadata(provider, original_node) as a libcst visitor would answer it."""

    wrapper: MetadataWrapper
    nodes: list[cst.CSTNode]  # every node, in the order a visitor's visit_<Node> hooks see them
    parents: dict[cst.CSTNode, cst.CSTNode]  # as ParentNodeProvider: no entry for the module
    spans: dict[cst.CSTNode, tuple[int, int]]  # a node's subtree as a slice of `nodes`
    scopes: Mapping[cst.CSTNode, Scope | None]
    qualified: dict[cst.CSTNode, Collection[QualifiedName]] = field(default_factory=dict)  # asked so far
    positions: Mapping[cst.CSTNode, CodeRange] | None = None  # on the first ask
    spellings: dict[str, list[int]] | None = None  # Name nodes' indexes in `nodes`, by name, on the first ask
    owned: dict[cst.CSTNode, list[cst.Comment]] | None = None  # statement -> its own comments, on the first ask

    def get_metadata(self, key: type[Any], node: cst.CSTNode, default: Any = _MISSING) -> Any:
        """The provider's value for an original node; KeyError for any other node unless a default is given."""
        if key is ParentNodeProvider:
            found = self.parents.get(node, _MISSING)
        elif key is QualifiedNameProvider:
            found = self._qualified_names(node)
        elif key is PositionProvider:
            if self.positions is None:
                self.positions = self.wrapper.resolve(PositionProvider)
            found = self.positions.get(node, _MISSING)
        else:
            raise KeyError(f"{key.__name__} is not one of the providers the rules use")
        if found is _MISSING and default is _MISSING:
            raise KeyError(node)
        return default if found is _MISSING else found

    def names_within(self, node: cst.CSTNode, name: str) -> int:
        """How many Name nodes spelled `name` are in an original node's subtree, the node itself included."""
        if self.spellings is None:
            self.spellings = _spellings(self.nodes)
        start, end = self.spans[node]
        places = self.spellings.get(name, [])
        return bisect_left(places, end) - bisect_left(places, start)

    def comments_of(self, statement: cst.CSTNode, nested: bool = False) -> list[cst.Comment]:
        """The comments of an original statement in document order: its own (leading lines, trailing comment,
        inside its expressions and header), and with `nested` those of the statements inside it too."""
        if nested:
            start, end = self.spans[statement]
            return [node for node in self.nodes[start:end] if type(node) is cst.Comment]
        if self.owned is None:
            self.owned = _owners(self.nodes, self.parents)
        return self.owned.get(statement, [])

    def _qualified_names(self, node: cst.CSTNode) -> Collection[QualifiedName]:
        """What QualifiedNameProvider stores for a node, computed for the nodes asked about only."""
        if node not in self.qualified:
            if node not in self.spans:
                return _MISSING  # type: ignore[no-any-return]
            scope = self.scopes.get(node)
            self.qualified[node] = scope.get_qualified_names_for(node) if scope else set()
        return self.qualified[node]


def _owners(nodes: list[cst.CSTNode], parents: dict[cst.CSTNode, cst.CSTNode]) -> dict[cst.CSTNode, list[cst.Comment]]:
    """Each comment under the innermost statement that holds it (a module's header and footer: under none)."""
    owned: dict[cst.CSTNode, list[cst.Comment]] = {}
    for node in nodes:
        if type(node) is not cst.Comment:  # a type test, not isinstance: libcst's ABC check costs more per node
            continue
        owner = parents.get(node)
        while owner is not None and not isinstance(owner, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            owner = parents.get(owner)
        if owner is not None:
            owned.setdefault(owner, []).append(node)
    return owned


def _spellings(nodes: list[cst.CSTNode]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for at, node in enumerate(nodes):
        if type(node) is cst.Name:
            index.setdefault(node.value, []).append(at)
    return index


def walk(module: cst.Module) -> Tree:
    """Walk a parsed module once; scopes come from libcst (qualified names need them)."""
    wrapper = _Wrapper(module, unsafe_skip_copy=True)
    walker = _Walker()
    module.visit(walker)
    return Tree(wrapper, walker.nodes, walker.parents, walker.spans, wrapper.resolve(ScopeProvider))


class _Wrapper(MetadataWrapper):
    """A MetadataWrapper without the batched walks that do nothing.

    libcst resolves providers in rounds, each a batched walk of the whole module. ScopeProvider and
    ExpressionContextProvider do all their work from visit_Module with a visitor of their own, and a round
    that only computes positions has no visitors at all: the batched walk then visits every node and calls
    nothing, three times a file. Those rounds call visit_Module and stop; any other visitor gets the walk.

    Why a subclass and not libcst's public API alone: the rounds are internal to MetadataWrapper.resolve, which
    calls self.visit_batched for each; a plain MetadataWrapper gives the same metadata but converting the test
    corpus then takes about a third more CPU time (0.6 s over 53 files). What this relies on is only that
    resolve goes through visit_batched: were libcst to stop doing so, this override would go unused, the
    answers would stay right, and conversion would only be that much slower.
    """

    __slots__ = ()

    def visit_batched(
        self,
        visitors: Iterable[BatchableCSTVisitor],
        before_visit: Callable[[cst.CSTNode], None] | None = None,
        after_leave: Callable[[cst.CSTNode], None] | None = None,
    ) -> cst.CSTNode:
        visitors = list(visitors)
        if before_visit is not None or after_leave is not None or not all(map(_module_only, visitors)):
            return super().visit_batched(visitors, before_visit, after_leave)
        with ExitStack() as stack:
            for visitor in visitors:
                stack.enter_context(visitor.resolve(self))
            for visitor in visitors:
                visitor.visit_Module(self.module)
        return self.module


_MODULE_ONLY: dict[type[BatchableCSTVisitor], bool] = {}


def _module_only(visitor: BatchableCSTVisitor) -> bool:
    """The visitor hooks visit_Module and nothing else (asked once per class: get_visitors is slow)."""
    kind = type(visitor)
    if kind not in _MODULE_ONLY:
        _MODULE_ONLY[kind] = set(visitor.get_visitors()) <= {"visit_Module"}
    return _MODULE_ONLY[kind]


# Whitespace and punctuation: two thirds of a module's nodes, and never a name, a call or a statement.
LAYOUT: frozenset[type[cst.CSTNode]] = frozenset(
    {
        cst.SimpleWhitespace,
        cst.ParenthesizedWhitespace,
        cst.TrailingWhitespace,
        cst.Newline,
        cst.EmptyLine,
        cst.Comment,
        cst.Comma,
        cst.Dot,
        cst.AssignEqual,
        cst.Colon,
        cst.LeftParen,
        cst.RightParen,
        cst.LeftSquareBracket,
        cst.RightSquareBracket,
        cst.LeftCurlyBrace,
        cst.RightCurlyBrace,
    }
)


class NodeVisitor(cst.CSTVisitor):
    """A CSTVisitor with visit_<Node> and leave_<Node> hooks only: CSTVisitor looks two more methods up by
    name for every field of every node, a third of the time of a walk."""

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None


class _Walker(NodeVisitor):
    """Document order, subtree spans, and parents set on leaving a node, from its children, as
    ParentNodeProvider does (so a node object that appears twice ends with the same parent)."""

    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []
        self.parents: dict[cst.CSTNode, cst.CSTNode] = {}
        self.spans: dict[cst.CSTNode, tuple[int, int]] = {}
        self.open: list[tuple[int, list[cst.CSTNode]]] = []  # nodes being visited: start index, children so far

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.open:
            self.open[-1][1].append(node)
        self.open.append((len(self.nodes), []))
        self.nodes.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        start, children = self.open.pop()
        self.spans[original_node] = (start, len(self.nodes))
        for child in children:
            self.parents[child] = original_node
