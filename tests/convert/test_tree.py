"""tree.visit and tree.transform walk a module as libcst's own node.visit does: the same calls in the same order,
the same tree."""

from __future__ import annotations

import contextlib
import inspect
import re
from pathlib import Path
from typing import Any

import libcst as cst
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from g2l_merge.convert import tree
from g2l_merge.convert.tree import NodeTransformer, NodeVisitor, transform, visit

HERE = Path(__file__).parent
# Every kind of syntax the parser knows, twice nested, with the fields libcst visits only when present.
EVERY_SYNTAX = '''\
#!/usr/bin/env python
"""doc"""
from __future__ import annotations
import a.b as c, d
from .e import (f as g, h,)
from i import *
@dec(1)
class K(Base, metaclass=M):
    x: int = 1
    async def m(self, /, p: int = 2, *args, q, r=3, **kw) -> None:
        global z
        async with open(p) as (u, v), w:
            async for t in u:
                await t
        def inner():
            nonlocal q
        y = [i async for i in t if i] + {k: v for k, v in w} | {*a, *b} ** -1
        del y[1:2:3], x.y
        assert x, "msg"
        raise ValueError() from None
        try:
            pass
        except* (E, F) as e:
            pass
        lambda a, *b, c=1, **d: (yield from x)
        print(f"{x!r:>{w}} {y=}", "a" "b", b'c', 1j, 1.5, ..., not x, x if y else z, (w := 3))
        match p:
            case [1, *rest] | {"k": v, **kw} | C(a, b=c) | None as q if q:
                pass
        x @= y; x <<= 1; x >>= 1; x //= 2; x %= 3; x **= 4; x ^= 5; x &= 6; x |= 7
        return x is not y and x not in y or x < y <= z != w
type Alias[T: int, *Ts, **P] = list[T]
def generic[T](x: T) -> T: ...
while True:
    break
else:
    continue
for x in y: pass
if a: pass
elif b: pass
else: pass
try:
    pass
except E:
    pass
else:
    pass
finally:
    pass
'''


class _Recorder(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, int, str]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.calls.append(("visit", id(node), type(node).__name__))
        return not isinstance(node, cst.Lambda)  # a subtree not walked, as a visitor may ask

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.calls.append(("leave", id(original_node), ""))

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.calls.append(("visit attribute", id(node), attribute))

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.calls.append(("leave attribute", id(original_node), attribute))


class _Plain(NodeVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, int]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.calls.append(("visit", id(node)))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.calls.append(("leave", id(original_node)))


def _sources() -> list[str]:
    files = sorted((HERE / "corpus").rglob("*.py")) + sorted((HERE / "cases").rglob("*.py"))
    return [EVERY_SYNTAX, *(path.read_text() for path in files)]


def _modules() -> list[cst.Module]:
    """Every source that parses (a golden case may be about a file that does not)."""
    modules = []
    for source in _sources():
        with contextlib.suppress(cst.ParserSyntaxError):
            modules.append(cst.parse_module(source))
    return modules


@pytest.mark.parametrize("visitor", [_Recorder, _Plain])
def test_visit_makes_the_calls_libcst_makes_in_its_order(visitor: type[_Recorder] | type[_Plain]) -> None:
    cst.parse_module(EVERY_SYNTAX)  # parses: it is not skipped below
    for module in _modules():
        theirs, ours = visitor(), visitor()
        module.visit(theirs)
        visit(module, ours)
        assert ours.calls == theirs.calls


def test_the_fields_of_every_node_class_are_those_its_children_are_visited_from_in_order() -> None:
    """What _fields reads from the code of _visit_and_replace_children is what its source visits."""
    visited = re.compile(r'visit_\w+\(\s*self,\s*"(\w+)"')
    classes = [
        kind
        for kind in vars(cst).values()
        if isinstance(kind, type) and issubclass(kind, cst.CSTNode) and not inspect.isabstract(kind)
    ]
    assert len(classes) > 100
    for kind in classes:
        source = inspect.getsource(kind._visit_and_replace_children)
        assert tree._fields(kind) == tuple(dict.fromkeys(visited.findall(source))), kind.__name__


def test_a_node_class_whose_order_is_not_known_is_walked_by_libcst(monkeypatch: pytest.MonkeyPatch) -> None:
    module = cst.parse_module(EVERY_SYNTAX)
    theirs, ours = _Recorder(), _Recorder()
    module.visit(theirs)
    monkeypatch.setattr(tree, "_FIELDS", dict.fromkeys([cst.Call, cst.Name, cst.ClassDef], tree._UNKNOWN))
    visit(module, ours)
    assert ours.calls == theirs.calls


class _Rewriter(NodeTransformer):
    """Changes of every kind a parent takes from a child: replaced, removed (from a sequence, a body, an optional
    field, a field with a default), flattened into a sequence and into a body."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, int]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.calls.append(("visit", id(node)))
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        self.calls.append(("leave", id(original_node)))
        return super().on_leave(original_node, updated_node)

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        return updated.with_changes(value="renamed") if updated.value in ("x", "glueContext") else updated

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg | cst.RemovalSentinel:
        return cst.RemovalSentinel.REMOVE if updated.keyword is not None else updated

    def leave_AsName(self, original: cst.AsName, updated: cst.AsName) -> cst.AsName | cst.RemovalSentinel:
        return cst.RemovalSentinel.REMOVE

    def leave_Comma(self, original: cst.Comma, updated: cst.Comma) -> cst.Comma | cst.RemovalSentinel:
        return cst.RemovalSentinel.REMOVE if updated.whitespace_after.empty else updated

    def leave_Pass(self, original: cst.Pass, updated: cst.Pass) -> cst.RemovalSentinel:
        return cst.RemovalSentinel.REMOVE  # the line goes, and a block of nothing else keeps an empty body

    def leave_Expr(self, original: cst.Expr, updated: cst.Expr) -> cst.FlattenSentinel[cst.BaseSmallStatement]:
        return cst.FlattenSentinel([updated, updated])

    def leave_Return(self, original: cst.Return, updated: cst.Return) -> cst.FlattenSentinel[cst.BaseSmallStatement]:
        return cst.FlattenSentinel([])

    def leave_If(self, original: cst.If, updated: cst.If) -> cst.If | cst.FlattenSentinel[cst.BaseStatement]:
        if isinstance(original.test, cst.Name) and original.test.value == "b":  # an elif in EVERY_SYNTAX
            return updated
        return cst.FlattenSentinel([updated, cst.SimpleStatementLine([]), cst.parse_statement("after = 1")])


def test_transform_makes_the_calls_and_the_tree_libcst_makes() -> None:
    for module in _modules():
        theirs, ours = _Rewriter(), _Rewriter()
        try:
            expected = module.visit(theirs)
        except TypeError as exc:  # an elif flattened: a sequence where the parent takes one node
            with pytest.raises(TypeError, match=re.escape(str(exc))):
                transform(module, ours)
            assert ours.calls == theirs.calls
            continue
        got = transform(module, ours)
        assert ours.calls == theirs.calls
        assert got.code == expected.code
        assert got.deep_equals(expected)


def test_transform_leaves_what_did_not_change_as_it_was() -> None:
    module = cst.parse_module("a = f(1)\nb = [2, 3]\n")
    got = transform(module, _Rewriter())
    assert got is module


class _Remover(NodeTransformer):
    def __init__(self, kind: type[cst.CSTNode]) -> None:
        super().__init__()
        self.kind = kind

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        return cst.RemovalSentinel.REMOVE if type(original_node) is self.kind else updated_node


@pytest.mark.parametrize("kind", [cst.Attribute, cst.Module])
def test_transform_refuses_or_empties_what_libcst_refuses_or_empties(kind: type[cst.CSTNode]) -> None:
    module = cst.parse_module("# head\nx = a.b\n")
    try:
        expected: object = module.visit(_Remover(kind)).code
    except TypeError as exc:
        expected = TypeError(str(exc))
    try:
        got: object = transform(module, _Remover(kind)).code
    except TypeError as exc:
        got = TypeError(str(exc))
    assert repr(got) == repr(expected)


def test_only_a_visitor_with_attribute_hooks_of_its_own_gets_attribute_calls() -> None:
    """libcst's base classes define every visit_<Node>_<field> as a no-op; those do not count."""

    class Plain(cst.CSTTransformer):
        def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
            return updated

    class Hooked(cst.CSTVisitor):
        def visit_ClassDef_bases(self, node: cst.ClassDef) -> None:
            return None

    assert not tree._has_attribute_hooks(Plain)
    assert not tree._has_attribute_hooks(cst.CSTVisitor)
    assert not tree._has_attribute_hooks(_Plain)
    assert not tree._has_attribute_hooks(_Rewriter)
    assert tree._has_attribute_hooks(Hooked)
    assert tree._has_attribute_hooks(_Recorder)  # on_visit_attribute of its own


# Texts whose line and column counting is easy to get wrong: CR LF and lone CR line ends (in code, in strings,
# in comments and continuations), tabs, multi-line strings, backslash continuations, non-ASCII text, no
# trailing newline, an empty module, blank lines only.
ODD_TEXTS = [
    "x = 1\r\ny = (\r\n  2)\r",
    "x = 1\r\ny = (\r\n  2)\r\n",
    "if a:\n\tb = '''\n\n'''\n",
    "x = 1\ry = 'a\\\rb'\rz = 2\r",
    "s = '''one\rtwo\r\nthree\nfour'''\r\nt = s\r\n",
    's = """a\r"""\nt = (1,\r\n 2)  # c\r\n',
    "x = 1 + \\\n    2\ny = [\n\t1,\n\t\t2]\n",
    "x = 1 + \\\r\n    2\r\n",
    "é = 'ü' + \"日本\"  # ß\nf(é,\n  'ö')\n",
    'def f(a,\n      b):\n    """doc\n    more"""\n    return (a\n            + b)',
    "",
    "\n\n",
    "# only a comment",
    "if x:\n\tpass\n\n# end\n",
]


def test_code_for_and_positions_are_libcsts() -> None:
    """code_for and write write what Module.code_for_node writes; the positions a Tree computes from write's
    record, or from a codegen of its own, are PositionProvider's for every node."""
    for source in [*_sources(), *ODD_TEXTS]:
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue
        assert tree.code_for(module, module) == module.code
        for node in module.body[:3]:
            assert tree.code_for(module, node) == module.code_for_node(node)
        written = tree.write(module)
        assert written.text == module.code
        expected = cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        for walked in (tree.walk(module), tree.walk(module, written)):
            assert len(walked.nodes) == len(expected)
            for node in walked.nodes:
                assert walked.get_metadata(PositionProvider, node) == expected[node]
            with pytest.raises(KeyError):  # a node of no parse (a rule's) has none, as with libcst
                walked.get_metadata(PositionProvider, cst.Name("made"))


def test_positions_count_a_cr_then_lf_in_two_tokens_as_two_line_ends() -> None:
    """libcst counts line ends token by token: a Newline token CR and a next line's LF are two (no parse gives
    this; a rule-built module can)."""
    module = cst.Module(
        body=[
            cst.SimpleStatementLine(
                [cst.Expr(cst.Name("a"))], trailing_whitespace=cst.TrailingWhitespace(newline=cst.Newline("\r"))
            )
        ],
        footer=[cst.EmptyLine(newline=cst.Newline("\n"))],
    )
    expected = cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    walked = tree.walk(module)
    assert walked.get_metadata(PositionProvider, module) == expected[module]
    assert expected[module].end.line == 3
    for node in walked.nodes:
        assert walked.get_metadata(PositionProvider, node) == expected[node]


@pytest.mark.parametrize("unknown", [False, True])
def test_walk_finds_the_nodes_parents_and_spans_a_visitor_finds(unknown: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if unknown:  # node classes whose fields are not known: libcst finds their children
        monkeypatch.setattr(
            tree, "_FIELDS", dict.fromkeys([cst.Call, cst.Name, cst.SimpleStatementLine], tree._UNKNOWN)
        )
    for source in _sources()[:40]:
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue
        walked = tree.walk(module)
        order = _Plain()
        module.visit(order)
        assert [id(node) for node in walked.nodes] == [at for what, at in order.calls if what == "visit"]
        assert walked.parents == dict(cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(ParentNodeProvider))
        for statement in module.body:  # a statement's span: itself and what is below it, nothing else
            start, end = walked.spans[statement]
            assert walked.nodes[start] is statement
            for node in walked.nodes[start + 1 : end]:
                while node is not statement:
                    node = walked.parents[node]


# Where a name is stored, deleted or loaded, in every form that stores or deletes one.
CONTEXT_SNIPPETS = """\
a, (b, [c, *d]) = e = f[g] = h.i = j
[k, *l.m], n[o:p, q] = r
del s, t.u, v[w], (x, [y])
for z, (aa, *bb) in cc: dd
else: ee
ff = [gg for hh, ii.jj in kk if (ll := mm) for nn in oo]
{pp: qq async for rr in ss}
with tt as (uu, vv), ww as xx.yy, zz as aaa[bbb]: pass
ccc += ddd
eee.fff -= ggg[hhh]
iii: jjj = kkk
lll.mmm: nnn
class Ooo(ppp, metaclass=qqq):
    rrr = sss
@ttt.uuu
def vvv(www: xxx = yyy, *zzz, aaaa=bbbb, **cccc) -> dddd:
    global eeee
    nonlocal ffff
    return lambda gggg, hhhh=iiii: jjjj
try: pass
except kkkk as llll: pass
import mmmm.nnnn as oooo, pppp.qqqq
from rrrr import ssss as tttt, uuuu
match vvvv:
    case [wwww, *xxxx] | {"k": yyyy, **zzzz} | Aaaaa(bbbbb, c=ccccc) | ddddd.eeeee as fffff if ggggg:
        pass
type Hhhhh[Iiiii: int, *Jjjjj, **Kkkkk] = list[Iiiii]
def lllll[Mmmmm](nnnnn: Mmmmm) -> Mmmmm: ...
class Ooooo[Ppppp]: pass
(qqqqq) = (rrrrr)
sssss[ttttt][uuuuu].vvvvv = wwwww
print(*xxxxx, **yyyyy)
"""


def test_expression_contexts_are_libcsts() -> None:
    """tree.expression_contexts, and the wrapper's ExpressionContextProvider that ScopeProvider reads, answer
    what libcst's ExpressionContextProvider answers, node for node."""
    for source in [*_sources(), CONTEXT_SNIPPETS, *ODD_TEXTS]:
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue
        expected = dict(cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(ExpressionContextProvider))
        assert tree.expression_contexts(module) == expected
        assert dict(tree._Wrapper(module, unsafe_skip_copy=True).resolve(ExpressionContextProvider)) == expected


def _scope_summary(scopes: Any, nodes: list[cst.CSTNode]) -> list[Any]:
    """Every non-layout node's scope, as what can be compared across two analyses of one module: the scope's kind,
    its parent's, its name, its assignments (with the nodes they are at and the accesses they got) and accesses
    (with the assignments they reach), nodes as their place in document order."""
    place = {id(node): at for at, node in enumerate(nodes)}
    keys: dict[int, int] = {}
    described: list[Any] = []

    def where(node: Any) -> Any:
        return place.get(id(node), type(node).__name__) if isinstance(node, cst.CSTNode) else node

    def key(scope: Any) -> Any:
        if scope is None:
            return None
        if id(scope) not in keys:
            keys[id(scope)] = len(keys)
            described.append(
                (
                    type(scope).__name__,
                    key(scope.parent) if scope.parent is not scope else "self",
                    getattr(scope, "name", None),
                    sorted(
                        (
                            a.name,
                            type(a).__name__,
                            where(getattr(a, "node", None)),
                            sorted(where(r.node) for r in a.references),
                        )
                        for a in scope.assignments
                    ),
                    sorted(
                        (
                            where(a.node),
                            a.is_annotation,
                            a.is_type_hint,
                            sorted((r.name, where(getattr(r, "node", None))) for r in a.referents),
                        )
                        for a in scope.accesses
                    ),
                )
            )
        return keys[id(scope)]

    return [(at, key(scopes.get(node))) for at, node in enumerate(nodes) if type(node) not in tree.LAYOUT] + described


def test_scopes_and_qualified_names_are_libcsts() -> None:
    """The scopes a Tree gets from its walk are those libcst's ScopeProvider finds (for every node but whitespace
    and punctuation, which hold no names), and its qualified names of every node are QualifiedNameProvider's."""
    for source in [*_sources(), CONTEXT_SNIPPETS]:
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue
        wrapper = cst.MetadataWrapper(module, unsafe_skip_copy=True)
        walked = tree.walk(module)
        assert _scope_summary(walked.scopes, walked.nodes) == _scope_summary(
            wrapper.resolve(ScopeProvider), walked.nodes
        )
        qualified = wrapper.resolve(QualifiedNameProvider)
        for node in walked.nodes:
            expected = qualified[node]
            expected = expected() if callable(expected) else expected  # libcst stores some as LazyValue
            assert walked.get_metadata(QualifiedNameProvider, node) == expected


class _ByName(NodeVisitor):
    """Hooks by name only, as most of the converter's visitors: visit() leaves whitespace and punctuation out."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, int]] = []

    def visit_Name(self, node: cst.Name) -> None:
        self.calls.append(("Name", id(node)))

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self.calls.append(("Attribute", id(node)))
        return not isinstance(node.value, cst.Call)  # a subtree left out, as a hook may ask

    def leave_Call(self, original_node: cst.Call) -> None:
        self.calls.append(("leave Call", id(original_node)))

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.calls.append(("statement", id(node)))


class _ByNameWithComments(_ByName):
    """A hook for a layout type: visit() walks everything."""

    def visit_Comment(self, node: cst.Comment) -> None:
        self.calls.append(("Comment", id(node)))


@pytest.mark.parametrize("visitor", [_ByName, _ByNameWithComments])
def test_visit_leaves_out_only_what_a_visitor_by_name_has_no_hook_for(visitor: type[_ByName]) -> None:
    assert tree._blind_to_layout(visitor) is (visitor is _ByName)
    for source in [*_sources(), CONTEXT_SNIPPETS]:
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue
        expected, walked = visitor(), visitor()
        module.visit(expected)
        visit(module, walked)
        assert walked.calls == expected.calls


class _LayoutBlind(_Rewriter):
    """_Rewriter, leaving whitespace and punctuation as they are (no leave_Comma)."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        return type(node) not in tree.LAYOUT and super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        if type(original_node) in tree.LAYOUT:
            return updated_node
        return super().on_leave(original_node, updated_node)

    def leave_Comma(self, original: cst.Comma, updated: cst.Comma) -> cst.Comma | cst.RemovalSentinel:
        return updated


def test_transform_skips_what_the_transformer_leaves_as_it_is() -> None:
    """With skip, the walk makes the transformer's calls for every other node, and the same tree, as libcst's."""
    for module in _modules():
        theirs, ours = _LayoutBlind(), _LayoutBlind()
        try:
            expected = module.visit(theirs)
        except TypeError as exc:
            with pytest.raises(TypeError, match=re.escape(str(exc))):
                transform(module, ours, tree.LAYOUT)
            continue
        got = transform(module, ours, tree.LAYOUT)
        assert ours.calls == theirs.calls
        assert got.code == expected.code
        assert got.deep_equals(expected)
