"""The parsed module walked once, and the metadata the rules ask of it.

libcst's ParentNodeProvider and QualifiedNameProvider each walk the whole module twice (their own visitor
inside a batched one) to store an answer for every node: a third of a file's conversion time, for the few
hundred nodes the rules ask about. Here one walk records every node in document order and each node's
parent; qualified names are looked up in libcst's scopes when asked, and a node's position is computed on the
first ask from where the engine's round-trip codegen (write) put its text.

libcst's scope analysis and its expression contexts walk with node.visit, which rebuilds every node it passes:
here the scopes come from libcst's own ScopeVisitor walked without rebuilding (_ScopeVisitor), and the
expression contexts from a table of libcst's rules (expression_contexts). Each is checked against libcst's own
provider by tests/convert/test_tree.py.
"""

from __future__ import annotations

import dis
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, overload

import libcst as cst
from libcst import BatchableCSTVisitor
from libcst._nodes.internal import CodegenState
from libcst.metadata import (
    CodePosition,
    CodeRange,
    ExpressionContext,
    ExpressionContextProvider,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedName,
    QualifiedNameProvider,
    ScopeProvider,
)
from libcst.metadata.scope_provider import Scope, ScopeVisitor

_MISSING: Any = object()


@dataclass
class Tree:
    """One parse: its nodes, and get_metadata(provider, original_node) as a libcst visitor would answer it."""

    wrapper: MetadataWrapper
    nodes: list[cst.CSTNode]  # every node, in the order a visitor's visit_<Node> hooks see them
    parents: dict[cst.CSTNode, cst.CSTNode]  # as ParentNodeProvider: no entry for the module
    spans: dict[cst.CSTNode, tuple[int, int]]  # a node's subtree as a slice of `nodes`
    scopes: Mapping[cst.CSTNode, Scope | None]  # as ScopeProvider, less whitespace and punctuation (LAYOUT)
    qualified: dict[cst.CSTNode, Collection[QualifiedName]] = field(default_factory=dict)  # asked so far
    written: Written | None = None  # the codegen positions come from: the round-trip check's, or one on the first ask
    positions: Positions | None = None  # on the first ask
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
                self.positions = Positions(self.written or write(self.wrapper.module))
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


def walk(module: cst.Module, written: Written | None = None) -> Tree:
    """Walk a parsed module once; scopes come from libcst (qualified names need them). `written`: write(module),
    if it was written already (positions come from it)."""
    wrapper = _Wrapper(module, unsafe_skip_copy=True)
    nodes: list[cst.CSTNode] = []
    parents: dict[cst.CSTNode, cst.CSTNode] = {}
    spans: dict[cst.CSTNode, tuple[int, int]] = {}
    _record(module, nodes, parents, spans)
    return Tree(wrapper, nodes, parents, spans, wrapper.resolve(_ScopeProvider), written=written)


def _record(
    node: cst.CSTNode,
    nodes: list[cst.CSTNode],
    parents: dict[cst.CSTNode, cst.CSTNode],
    spans: dict[cst.CSTNode, tuple[int, int]],
) -> None:
    """Document order, subtree spans, and parents set on leaving a node, from its children, as
    ParentNodeProvider does (so a node object that appears twice ends with the same parent): what a visitor
    recording them finds, without a visitor's calls (the children are visit()'s)."""
    start = len(nodes)
    nodes.append(node)
    fields = _FIELDS.get(type(node))
    if fields is None:
        fields = _fields(type(node))
    if fields is _UNKNOWN:
        children = list(node.children)
    else:
        children = []
        for name in fields:
            value = getattr(node, name)
            kind = type(value)
            if kind is tuple or kind is list:
                children.extend(value)
            elif value is not None and kind is not cst.MaybeSentinel:
                children.append(value)
    for child in children:
        _record(child, nodes, parents, spans)
    spans[node] = (start, len(nodes))
    for child in children:
        parents[child] = node


class _ScopeProvider(ScopeProvider):
    """libcst's ScopeProvider, its visitor's walk of the module through visit() (the same calls, no rebuilt nodes)."""

    def visit_Module(self, node: cst.Module) -> bool | None:
        visitor = _ScopeVisitor(self)
        visit(node, visitor)
        visitor.infer_accesses()
        return None


class _ScopeVisitor(ScopeVisitor):
    """libcst's ScopeVisitor, whose hooks walk parts of a node themselves with node.visit(self) (an attribute's
    value, a call's arguments, a function's body: most of a module), which rebuilds every node below. Here
    on_visit walks a node's children as visit() does and answers False: node.visit then only calls on_visit and
    on_leave, and the visitor gets the same calls in the same order as from libcst's walk, less those for
    whitespace and punctuation (LAYOUT: two thirds of the nodes). ScopeVisitor has no hook for those, only
    records the scope they are in, and a scope answers no qualified name for them (they are no name): the Tree
    answers set() for a node without a scope, as a scope does for these.
    """

    def on_visit(self, node: cst.CSTNode) -> bool:
        if super().on_visit(node):
            _children_with_attributes(node, self, LAYOUT)
        return False


_LOAD, _STORE, _DEL = ExpressionContext.LOAD, ExpressionContext.STORE, ExpressionContext.DEL
_CONTEXT_TAKERS = frozenset({cst.Name, cst.Attribute, cst.Subscript, cst.Tuple, cst.List, cst.StarredElement})
# Node classes whose fields ExpressionContextProvider walks in contexts of their own: (field, its context; None
# for the context the node is in). Fields not listed are not walked (type parameters, an attribute's name).
_CONTEXT_FIELDS: dict[type[cst.CSTNode], tuple[tuple[str, ExpressionContext | None], ...]] = {
    cst.Name: (),
    cst.Attribute: (("value", _LOAD),),
    cst.Subscript: (("value", _LOAD), ("slice", _LOAD)),
    cst.Assign: (("targets", _STORE), ("value", None)),
    cst.AnnAssign: (("target", _STORE), ("annotation", None), ("value", None)),
    cst.AugAssign: (("target", _STORE), ("value", None)),
    cst.NamedExpr: (("target", _STORE), ("value", None)),
    cst.AsName: (("name", _STORE),),
    cst.CompFor: (("target", _STORE), ("iter", None), ("ifs", None), ("inner_for_in", None)),
    cst.For: (("target", _STORE), ("iter", None), ("body", None), ("orelse", None)),
    cst.Del: (("target", _DEL),),
    cst.ClassDef: (("name", _STORE), ("body", None), ("bases", None), ("keywords", None), ("decorators", None)),
    cst.FunctionDef: (("name", _STORE), ("params", None), ("body", None), ("decorators", None), ("returns", None)),
    cst.Param: (("name", _STORE), ("annotation", None), ("default", None)),
}


def expression_contexts(module: cst.Module) -> dict[cst.CSTNode, ExpressionContext]:
    """What libcst's ExpressionContextProvider finds, without its walk (which rebuilds every node): its visitor's
    rules, written as the table above over the fields of each node."""
    found: dict[cst.CSTNode, ExpressionContext] = {}
    _contexts(module, _LOAD, found)
    return found


def _contexts(node: cst.CSTNode, context: ExpressionContext, found: dict[cst.CSTNode, ExpressionContext]) -> None:
    kind = type(node)
    if kind in LAYOUT:
        return  # whitespace and punctuation hold no expression
    if kind in _CONTEXT_TAKERS:
        found[node] = context
    special = _CONTEXT_FIELDS.get(kind)
    if special is not None:
        for name, inner in special:
            _contexts_of(getattr(node, name), context if inner is None else inner, found)
        return
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _fields(kind)
    if fields is _UNKNOWN:
        for child in node.children:
            _contexts(child, context, found)
    else:
        for name in fields:
            _contexts_of(getattr(node, name), context, found)


def _contexts_of(value: Any, context: ExpressionContext, found: dict[cst.CSTNode, ExpressionContext]) -> None:
    """A field's value: a node, a sequence of nodes, None or MaybeSentinel."""
    kind = type(value)
    if kind is tuple or kind is list:
        for child in value:
            _contexts(child, context, found)
    elif value is not None and kind is not cst.MaybeSentinel:
        _contexts(value, context, found)


class _Wrapper(MetadataWrapper):
    """A MetadataWrapper without the batched walks that do nothing.

    libcst resolves providers in rounds, each a batched walk of the whole module. ScopeProvider and
    ExpressionContextProvider do all their work from visit_Module with a visitor of their own, and a round
    that only computes positions has no visitors at all: the batched walk then visits every node and calls
    nothing, three times a file. Those rounds call visit_Module and stop; any other visitor gets the walk.
    ExpressionContextProvider's visit_Module is replaced by expression_contexts (the same answers), since its
    visitor walks with libcst's node.visit, which rebuilds every node.

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
                if type(visitor) is ExpressionContextProvider:  # what its visit_Module finds, without libcst's walk
                    for node, context in expression_contexts(self.module).items():
                        visitor.set_metadata(node, context)
                else:
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


def code_for(module: cst.Module, node: cst.CSTNode) -> str:
    """module.code_for_node(node): the same text. libcst's codegen state records positions in a
    @contextmanager that does nothing, entered for every statement and expression; this one's does nothing
    without a generator."""
    state = _CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
    node._codegen(state)
    return "".join(state.tokens)


class _Nothing:
    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NOTHING = _Nothing()


class _CodegenState(CodegenState):
    def record_syntactic_position(  # type: ignore[override]  # a context manager, not a generator function
        self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None, end_node: cst.CSTNode | None = None
    ) -> _Nothing:
        return _NOTHING


@dataclass
class Written:
    """A module's code from one codegen, and where each node's text starts and ends in it.

    A node's (first token, token after its last) follow PositionProvider's rules: statements and expressions
    from their record_syntactic_position (start_node and end_node included), every other node all its tokens;
    line and column come from the tokens only when asked (Positions), so writing keeps its codegen's cost.
    """

    module: cst.Module
    tokens: list[str]  # every token, the module's trailing newline included when the module has none
    # by id(node): a node's __hash__ is a Python call, and `module` keeps every node (so every id) alive
    ranges: dict[int, tuple[int, int]]
    text: str  # what Module.code is


def write(module: cst.Module) -> Written:
    """module.code, with each node's token range recorded (the codegen the round-trip check does anyway)."""
    state = _RecordingState(default_indent=module.default_indent, default_newline=module.default_newline)
    module._codegen(state)
    tokens = state.tokens
    return Written(module, tokens, state.ranges, "".join(tokens[:-1] if state.popped else tokens))


class _RecordingState(CodegenState):
    """PositionProvidingCodegenState's bookkeeping with token indexes for line and column."""

    def __init__(self, default_indent: str, default_newline: str) -> None:
        super().__init__(default_indent=default_indent, default_newline=default_newline)
        self.ranges: dict[int, tuple[int, int]] = {}  # by id(node): see Written
        self.starts: list[int] = []
        self.popped = False

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts.append(len(self.tokens))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.starts.pop()
        key = id(node)
        if key not in self.ranges:  # a syntactic position, recorded inside, stays (as libcst keeps it)
            self.ranges[key] = (start, len(self.tokens))

    def record_syntactic_position(  # type: ignore[override]  # a context manager, not a generator function
        self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None, end_node: cst.CSTNode | None = None
    ) -> _Syntactic:
        return _Syntactic(self, node, start_node, end_node)

    def pop_trailing_newline(self) -> None:
        # The token stays, for `write` to leave out of the text: libcst's positions count it (the module ends
        # after it) though its code does not.
        self.popped = bool(self.tokens)


class _Syntactic:
    """record_syntactic_position's context manager, without a generator."""

    __slots__ = ("end_node", "node", "start", "start_node", "state")

    def __init__(
        self, state: _RecordingState, node: cst.CSTNode, start_node: cst.CSTNode | None, end_node: cst.CSTNode | None
    ) -> None:
        self.state = state
        self.node = node
        self.start_node = start_node
        self.end_node = end_node
        self.start = len(state.tokens)

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        ranges = self.state.ranges
        start = ranges[id(self.start_node)][0] if self.start_node is not None else self.start
        end = ranges[id(self.end_node)][1] if self.end_node is not None else len(self.state.tokens)
        ranges[id(self.node)] = (start, end)


class Positions:
    """PositionProvider's CodeRange of each node of a Written module, computed when asked.

    libcst counts line ends (CR LF, CR, LF) token by token; in a text without CR that is counting them in the
    whole text, so a position is a bisect into the offsets of its line starts. A text with a CR (where a token
    ending in CR before one starting with LF is two line ends to libcst) is counted token by token, as libcst
    does.
    """

    def __init__(self, written: Written) -> None:
        self.ranges = written.ranges
        self.found: dict[int, CodeRange] = {}  # by id(node), as ranges
        text = "".join(written.tokens)
        self.places: list[CodePosition] | None = _places_by_token(written.tokens) if "\r" in text else None
        self.offsets = list(accumulate(map(len, written.tokens), initial=0))  # each token's, in characters
        self.starts = [0]  # each line's, in characters
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def get(self, node: cst.CSTNode, default: Any = None) -> Any:
        key = id(node)
        found = self.found.get(key)
        if found is None:
            span = self.ranges.get(key)
            if span is None:
                return default
            found = self.found[key] = CodeRange(self._position(span[0]), self._position(span[1]))
        return found

    def _position(self, token: int) -> CodePosition:
        if self.places is not None:
            return self.places[token]
        offset = self.offsets[token]
        line = bisect_right(self.starts, offset)
        return CodePosition(line, offset - self.starts[line - 1])


_LINE_END = re.compile(r"\r\n?|\n")


def _places_by_token(tokens: list[str]) -> list[CodePosition]:
    """The position before each token and after the last, counted as libcst counts: token by token."""
    line, column = 1, 0
    places = [CodePosition(line, column)]
    for token in tokens:
        ends = list(_LINE_END.finditer(token))
        if ends:
            line += len(ends)
            column = len(token) - ends[-1].end()
        else:
            column += len(token)
        places.append(CodePosition(line, column))
    return places


class NodeVisitor(cst.CSTVisitor):
    """A CSTVisitor with visit_<Node> and leave_<Node> hooks only: CSTVisitor looks two more methods up by
    name for every field of every node, a third of the time of a walk."""

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None


def visit(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """`node.visit(visitor)` for a visitor that only reads: the same calls in the same order, without libcst's
    rebuilding of every node it passes (which a visitor throws away) and its checks of the nodes it rebuilt.

    A node's children are its fields in the order its _visit_and_replace_children visits them (_fields). Attribute
    hooks (visit_<Node>_<field>) run only for a visitor class that has any, as libcst runs them; a node type whose
    order is not known goes through libcst's own walk.
    """
    if _has_attribute_hooks(type(visitor)):
        _visit_with_attributes(node, visitor)
    else:
        _visit(node, visitor, LAYOUT if _blind_to_layout(type(visitor)) else frozenset())


def _visit(node: cst.CSTNode, visitor: cst.CSTVisitor, skip: frozenset[type[cst.CSTNode]]) -> None:
    """The walk, less the children of a type in `skip` (whose subtrees hold only types in `skip`)."""
    if visitor.on_visit(node):
        fields = _FIELDS.get(type(node))
        if fields is None:
            fields = _fields(type(node))
        if fields is _UNKNOWN:
            node._visit_and_replace_children(_Delegate(visitor, lambda child, visitor: _visit(child, visitor, skip)))
        else:
            for name in fields:
                value = getattr(node, name)
                kind = type(value)
                if kind is tuple or kind is list:
                    for child in value:
                        if type(child) not in skip:
                            _visit(child, visitor, skip)
                elif value is not None and kind is not cst.MaybeSentinel and kind not in skip:
                    _visit(value, visitor, skip)
    visitor.on_leave(node)


_BLIND: dict[type[cst.CSTVisitor], bool] = {}


def _blind_to_layout(kind: type[cst.CSTVisitor]) -> bool:
    """The visitor dispatches by name only (CSTVisitor's on_visit and on_leave) and has no hook for a LAYOUT type:
    its calls for whitespace and punctuation (two thirds of a module's nodes, which hold nothing else) do nothing,
    so its walk leaves them out."""
    found = _BLIND.get(kind)
    if found is None:
        found = _BLIND[kind] = (
            kind.on_visit is cst.CSTVisitor.on_visit
            and kind.on_leave is cst.CSTVisitor.on_leave
            and not any(
                getattr(kind, f"{how}_{layout.__name__}", None)
                is not getattr(cst.CSTVisitor, f"{how}_{layout.__name__}")
                for layout in LAYOUT
                for how in ("visit", "leave")
            )
        )
    return found


def _visit_with_attributes(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    if visitor.on_visit(node):
        _children_with_attributes(node, visitor)
    visitor.on_leave(node)


def _children_with_attributes(
    node: cst.CSTNode, visitor: cst.CSTVisitor, skip: frozenset[type[cst.CSTNode]] = frozenset()
) -> None:
    """What libcst's walk does between on_visit and on_leave of a node: its fields' attribute hooks and children
    (less the children of a type in `skip`)."""
    fields = _FIELDS.get(type(node))
    if fields is None:
        fields = _fields(type(node))
    if fields is _UNKNOWN:
        node._visit_and_replace_children(_Delegate(visitor, _visit_with_attributes))
        return
    for name in fields:
        value = getattr(node, name)
        if value is None and name in _CONDITIONAL:
            continue  # libcst visits it only when it is there, and runs its attribute hooks only then
        visitor.on_visit_attribute(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            for child in value:
                if type(child) not in skip:
                    _visit_with_attributes(child, visitor)
        elif value is not None and kind is not cst.MaybeSentinel and kind not in skip:
            _visit_with_attributes(value, visitor)
        visitor.on_leave_attribute(node, name)


_UNKNOWN: tuple[str, ...] = ("<visited otherwise>",)  # told apart by identity
_FIELDS: dict[type[cst.CSTNode], tuple[str, ...]] = {}
_CONDITIONAL = frozenset({"format_spec"})  # visited as `visit_sequence(...) if format_spec is not None else None`
_ATTRIBUTE_HOOKS: dict[type[cst.CSTVisitor] | type[cst.CSTTransformer], bool] = {}
_ATTRIBUTE_HOOK = re.compile(r"(visit|leave)_[A-Z][A-Za-z]*_[a-z_]+")


def _fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    """The fields _visit_and_replace_children visits, in order: every one is visited by a call
    `visit_<how>(self, "<field>", ...)`, so they are the string constants of its code, in the order they first
    appear (tests/convert/test_tree.py checks this against libcst's source and walks). _UNKNOWN when any is
    not a field of the node class (a libcst that visits otherwise): such nodes go through libcst's walk."""
    names = tuple(dict.fromkeys(c for c in kind._visit_and_replace_children.__code__.co_consts if type(c) is str))
    declared = getattr(kind, "__dataclass_fields__", {})
    found = names if all(name in declared for name in names) else _UNKNOWN
    _FIELDS[kind] = found
    return found


def _has_attribute_hooks(kind: type[cst.CSTVisitor] | type[cst.CSTTransformer]) -> bool:
    """Whether libcst's walk would run any visit_<Node>_<field> or leave_<Node>_<field> of this class."""
    found = _ATTRIBUTE_HOOKS.get(kind)
    if found is None:
        found = _ATTRIBUTE_HOOKS[kind] = _attribute_hooks(kind)
    return found


def _attribute_hooks(kind: type[cst.CSTVisitor] | type[cst.CSTTransformer]) -> bool:
    if kind.on_visit_attribute in _NO_OP_VISIT and kind.on_leave_attribute in _NO_OP_LEAVE:
        return False
    if kind.on_visit_attribute in _BY_NAME_VISIT and kind.on_leave_attribute in _BY_NAME_LEAVE:
        # libcst's base classes define every visit_<Node>_<field> as a no-op: only one of the class's own counts
        base = cst.CSTVisitor if issubclass(kind, cst.CSTVisitor) else cst.CSTTransformer
        return any(
            _ATTRIBUTE_HOOK.fullmatch(name) and getattr(kind, name) is not getattr(base, name, None)
            for name in dir(kind)
        )
    return True


@overload
def transform(node: cst.Module, transformer: cst.CSTTransformer, skip: frozenset[type] = ...) -> cst.Module: ...


@overload
def transform(node: cst.CSTNode, transformer: cst.CSTTransformer, skip: frozenset[type] = ...) -> Any: ...


def transform(node: cst.CSTNode, transformer: cst.CSTTransformer, skip: frozenset[type] = frozenset()) -> Any:
    """`node.visit(transformer)` for a transformer without attribute hooks, rebuilding only what changed.

    libcst rebuilds every node whose children it visits and checks each result against its abstract classes;
    here a node none of whose children changed is handed to on_leave as it is (`updated` is then `original`),
    and a changed one is rebuilt with with_changes, which checks it as libcst's constructor does. Removed and
    flattened children are handled as libcst's visit_required/_optional/_sentinel/_sequence/_body_sequence do,
    the same errors included.

    `skip`: node types the transformer leaves as they are, their subtrees included (its on_visit answers False
    for them and its on_leave gives them back, with no other effect): the walk does not call it for them.
    """
    if _has_attribute_hooks(type(transformer)):
        return node.visit(transformer)
    result = _transform(node, transformer, skip)
    if type(node) is cst.Module and isinstance(result, cst.RemovalSentinel):
        return node.with_changes(body=(), header=(), footer=())  # as Module.visit makes it
    return result


def _transform(node: cst.CSTNode, transformer: cst.CSTTransformer, skip: frozenset[type]) -> Any:
    updated = node
    if transformer.on_visit(node):
        kinds = _KINDS.get(type(node))
        if kinds is None:
            kinds = _kinds(type(node))
        if kinds is _UNKNOWN_KINDS:
            updated = node._visit_and_replace_children(_Delegating(transformer, skip))
        else:
            changes: dict[str, Any] | None = None
            for name, how in kinds:
                value = getattr(node, name)
                kind = type(value)
                if kind is tuple or kind is list:
                    children = _transform_sequence(value, transformer, how is _BODY, skip)
                    if children is not None:
                        if changes is None:
                            changes = {}
                        changes[name] = children
                elif value is not None and kind is not cst.MaybeSentinel and kind not in skip:
                    result = _transform(value, transformer, skip)
                    if result is not value:
                        if changes is None:
                            changes = {}
                        changes[name] = _single(value, result, how)
            if changes is not None:
                updated = node.with_changes(**changes)
    result = transformer.on_leave(node, updated)
    if type(result) not in _RESULT_TYPES:  # libcst checks every result against its abstract classes: once a type
        if not isinstance(result, (cst.CSTNode, cst.RemovalSentinel, cst.FlattenSentinel)):
            raise cst.CSTValidationError(
                "Expected a node of type CSTNode or a RemovalSentinel, "
                f"but got a return value of {type(result).__name__}"
            )
        _RESULT_TYPES.add(type(result))
    return result


def _transform_sequence(
    children: Sequence[cst.CSTNode], transformer: cst.CSTTransformer, body: bool, skip: frozenset[type]
) -> tuple[cst.CSTNode, ...] | None:
    """The children transformed, as libcst's visit_sequence or visit_body_sequence; None when none changed."""
    out: list[cst.CSTNode] | None = None
    for index, child in enumerate(children):
        result = child if type(child) in skip else _transform(child, transformer, skip)
        if result is child:
            if out is not None:
                out.append(child)
            continue
        if out is None:
            out = list(children[:index])
        if isinstance(result, cst.RemovalSentinel):
            continue
        if isinstance(result, cst.FlattenSentinel):
            for one in result:
                if body and not child._is_removable() and one._is_removable():
                    continue
                out.append(one)
        elif not (body and not child._is_removable() and result._is_removable()):
            out.append(result)
    return tuple(out) if out is not None else None


def _single(value: cst.CSTNode, result: Any, how: str) -> Any:
    """What a field that holds one node becomes, as libcst's visit_required/_optional/_sentinel make it."""
    if isinstance(result, cst.FlattenSentinel):
        raise TypeError(
            f"We got a FlattenSentinel while visiting a {type(value).__name__}. This node's parent does not allow "
            "for it to be it to be replaced with a sequence."
        )
    if isinstance(result, cst.RemovalSentinel):
        if how is _REQUIRED:
            raise TypeError(
                f"We got a RemovalSentinel while visiting a {type(value).__name__}. This node's parent does not "
                "allow it to be removed."
            )
        return None if how is _OPTIONAL else cst.MaybeSentinel.DEFAULT
    return result


_REQUIRED, _OPTIONAL, _SENTINEL, _SEQUENCE, _BODY = "required", "optional", "sentinel", "sequence", "body_sequence"
_UNKNOWN_KINDS: tuple[tuple[str, str], ...] = (("<visited otherwise>", ""),)  # told apart by identity
_KINDS: dict[type[cst.CSTNode], tuple[tuple[str, str], ...]] = {}
_RESULT_TYPES: set[type[Any]] = set()


def _kinds(kind: type[cst.CSTNode]) -> tuple[tuple[str, str], ...]:
    """_fields, each with how libcst visits it: the visit_<how> helper its code calls with the field's name (a
    field visited two ways, ImportFrom's names, is one node or a sequence, and its value says which)."""
    fields = _fields(kind)
    helpers: dict[str, list[str]] = {}
    last = ""
    for instruction in dis.get_instructions(kind._visit_and_replace_children):
        if instruction.opname == "LOAD_GLOBAL" and str(instruction.argval).startswith("visit_"):
            last = str(instruction.argval).removeprefix("visit_")
        elif instruction.opname == "LOAD_CONST" and type(instruction.argval) is str:
            helpers.setdefault(instruction.argval, []).append(last)
    kinds: list[tuple[str, str]] = []
    for name in fields if fields is not _UNKNOWN else ():
        ways = helpers.get(name, [])
        how = next((how for how in (_REQUIRED, _OPTIONAL, _SENTINEL, _BODY, _SEQUENCE) if how in ways), None)
        if how is None:
            break
        kinds.append((name, how))
    found = tuple(kinds) if fields is not _UNKNOWN and len(kinds) == len(fields) else _UNKNOWN_KINDS
    _KINDS[kind] = found
    return found


class _Delegating(cst.CSTTransformer):
    """The children of a node whose fields are not known, each transformed by _transform (libcst finds them)."""

    def __init__(self, transformer: cst.CSTTransformer, skip: frozenset[type]) -> None:
        super().__init__()
        self.transformer = transformer
        self.skip = skip

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        return (
            original_node
            if type(original_node) in self.skip
            else _transform(original_node, self.transformer, self.skip)
        )

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None


class _Delegate(cst.CSTVisitor):
    """The children of a node whose field order is not known, each walked by `walk` (libcst finds them)."""

    def __init__(self, visitor: cst.CSTVisitor, walk: Callable[[cst.CSTNode, cst.CSTVisitor], None]) -> None:
        super().__init__()
        self.visitor = visitor
        self.walk = walk

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.walk(node, self.visitor)
        return False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        return None

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.visitor.on_visit_attribute(node, attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.visitor.on_leave_attribute(original_node, attribute)


class NodeTransformer(cst.CSTTransformer):
    """A CSTTransformer without per-attribute hooks (see NodeVisitor); transform() walks it fastest."""

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None


_NO_OP_VISIT = (NodeVisitor.on_visit_attribute, NodeTransformer.on_visit_attribute)
_NO_OP_LEAVE = (NodeVisitor.on_leave_attribute, NodeTransformer.on_leave_attribute)
_BY_NAME_VISIT = (cst.CSTVisitor.on_visit_attribute, cst.CSTTransformer.on_visit_attribute)
_BY_NAME_LEAVE = (cst.CSTVisitor.on_leave_attribute, cst.CSTTransformer.on_leave_attribute)
