"""tree.visit walks a module as libcst's own node.visit does: the same calls, in the same order."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import libcst as cst
import pytest

from g2l_merge.convert import tree
from g2l_merge.convert.tree import NodeVisitor, visit

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


@pytest.mark.parametrize("visitor", [_Recorder, _Plain])
def test_visit_makes_the_calls_libcst_makes_in_its_order(visitor: type[_Recorder] | type[_Plain]) -> None:
    cst.parse_module(EVERY_SYNTAX)  # parses: it is not skipped below
    for source in _sources():
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError:
            continue  # a case about a file that does not parse
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
