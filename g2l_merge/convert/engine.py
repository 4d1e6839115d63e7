"""convert_source(): the one entry point the mirror and the `convert` command use.

Each file is parsed once; its metadata is one walk plus libcst's scope analysis (tree.py); every rule runs in
one pass over that tree (rules hook `leave_<NodeType>` and are chained in registry order on each node). Imports
the rules made unused are then dropped and the ones they need added (imports.py), and the converted-from header
goes on top.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

import libcst as cst

from g2l_merge import __version__
from g2l_merge.config import ConvertConfig
from g2l_merge.convert.comments import as_lines, missing, own_comments, result_nodes, with_leading
from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.findings import (
    HEADER_PREFIX,
    PARSE_RULE,
    Finding,
    SourceText,
    SyntaxProblem,
    decode_source,
    encode_source,
    quote_path,
    syntax_problem,
)
from g2l_merge.convert.imports import add_missing, drop_unused
from g2l_merge.convert.locate import Placement, relocate
from g2l_merge.convert.names import Tracked, track
from g2l_merge.convert.tree import LAYOUT, NodeTransformer, Tree, Written, code_for, transform, walk, write

if TYPE_CHECKING:  # the rules load on the first conversion: an up-to-date sync needs none
    from g2l_merge.convert.rules.base import Hook, Registry

CONVERTER_VERSION = __version__
_PRELUDE = re.compile(r"#!|#.*coding[:=]")
INTERNAL_RULE = "G2L099"  # g2l-merge itself failed on the file (a bug, not the file's fault): carried over unchanged
_PARSER_ONLY = "Python reads it, the converter's parser (libcst) does not"
MAX_SOURCE_CHARS = 1_000_000  # bigger files are generated code, not jobs: converting 5 MB takes over a minute

__all__ = [
    "CONVERTER_VERSION",
    "HEADER_PREFIX",
    "PARSE_RULE",
    "Conversion",
    "Finding",
    "SourceText",
    "convert_source",
    "decode_source",
    "encode_source",
    "quote_path",
    "with_header",
]


class Conversion(NamedTuple):
    text: str
    findings: tuple[Finding, ...]
    syntax: SyntaxProblem | None = None  # why a file that is not valid Python was carried over (`convert` says so)


def convert_source(text: str, path: str, config: ConvertConfig, rules: Registry | None = None) -> Conversion:
    """Convert one Glue Python file; a file that does not parse comes back unchanged with a finding.

    So does a file over MAX_SOURCE_CHARS, and one that libcst would not write back byte for byte (a second
    byte-order mark, a lone carriage return at the very end): conversion changes code, never bytes it did not mean to.
    `rules` replaces the registry (the tests convert with a rule left out).
    """
    parsed = _parse(text, path)
    if isinstance(parsed, SyntaxProblem):
        reason = f"not valid Python at column {parsed.column} ({parsed.reason}), carried over unchanged"
        return Conversion(text, (Finding(path, parsed.line, PARSE_RULE, reason),), parsed)
    if isinstance(parsed, Finding):
        return Conversion(text, (parsed,))
    try:
        converted, findings, anchors = convert_module(parsed.module, path, config, rules, parsed)
    except Exception as exc:  # a bug past the rules' own guard (tracking names, imports) must not stop the sync
        message = (
            f"g2l-merge could not convert this file ({type(exc).__name__}): carried over unchanged; please report it"
        )
        return Conversion(text, (Finding(path, 1, INTERNAL_RULE, message),))
    code = code_for(converted, converted)
    result = with_header(code, path)
    return Conversion(result, relocate(findings, text, result, anchors.statements, anchors.placed, _header_shift(code)))


class Anchors(NamedTuple):
    """Where the review comments of a conversion went (locate.py)."""

    statements: dict[int, int]  # id(finding) -> id(original statement its comment is above)
    placed: dict[int, Placement]  # id(original statement) -> where it was, for those whose comments are out


NO_ANCHORS = Anchors({}, {})


def _parse(text: str, path: str) -> Written | SyntaxProblem | Finding:
    """The module written back, or why the file is carried over unchanged (too big, not Python, bytes libcst
    would not keep). The check's codegen records where each node's text is: positions come from it. Where the file
    is not Python is where Python itself says (an editor shows that line), not libcst's next token."""
    if len(text) > MAX_SOURCE_CHARS:
        size = f"{len(text):,} characters, over the converter's {MAX_SOURCE_CHARS:,} (generated code?)"
        return Finding(path, 1, PARSE_RULE, f"{size}, carried over unchanged")
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return syntax_problem(text) or SyntaxProblem(exc.editor_line, exc.editor_column, _PARSER_ONLY)
    written = write(module)
    if written.text == text:
        return written
    code = written.text
    at = next((i for i, (a, b) in enumerate(zip(code, text, strict=False)) if a != b), min(len(code), len(text)))
    line = len(re.findall(r"\r\n|\r|\n", text[:at])) + 1
    reason = "a byte-order mark inside the file, or a lone carriage return at its end"
    return Finding(
        path, line, PARSE_RULE, f"the parser would not keep this line's bytes ({reason}), carried over unchanged"
    )


def convert_module(
    module: cst.Module, path: str, config: ConvertConfig, rules: Registry | None = None, written: Written | None = None
) -> tuple[cst.Module, tuple[Finding, ...], Anchors]:
    """All rules over one parsed module: the converted module, its findings (at Glue lines), and where their
    review comments went. `written`: tree.write(module), when the caller has it."""
    if rules is None:
        from g2l_merge.convert.rules import REGISTRY  # loaded on the first conversion: an up-to-date sync needs none

        rules = REGISTRY
    registry = rules
    tree = walk(module, written)
    tracked = track(tree)
    for rule in registry.carrying:  # a file that is no job (a workflow blueprint layout) goes over as it is
        ctx = ConvertContext(path, config, tracked, tree)
        carried = rule.carry(ctx, module)
        if carried is not None:
            return carried, tuple(sorted(ctx.findings, key=lambda f: (f.line, f.rule, f.message))), NO_ANCHORS
    runner = _Runner(registry, path, config, tracked, tree)
    converted = transform(module, runner, runner.skip)
    ctx = runner.ctx
    converted = drop_unused(add_missing(converted, ctx.additions), ctx.removals)
    for rule in registry.finishing:
        converted = rule.finish(ctx, converted)
    findings = tuple(sorted(ctx.findings, key=lambda f: (f.line, f.rule, f.message)))
    statements = {id(f): s for f in findings if (s := ctx.statement_of_finding(f)) is not None}
    return converted, findings, Anchors(statements, runner.placed)


class _Runner(NodeTransformer):
    def __init__(self, rules: Registry, path: str, config: ConvertConfig, tracked: Tracked, tree: Tree) -> None:
        super().__init__()
        self.ctx = ConvertContext(path, config, tracked, tree)
        self.hooks = rules.hooks
        self.call_hooks: dict[str, tuple[Hook, ...]] = {}  # attribute name -> the Call hooks a call of it runs
        self.carried: list[cst.EmptyLine] = []  # leading lines of statements just removed
        self.attach: dict[int, list[cst.EmptyLine]] = {}  # id(original statement) -> lines to prepend
        self.layout = LAYOUT if not any(kind in self.hooks for kind in LAYOUT) else frozenset()
        self.rewrites = 0  # hooks that returned another node than they were given, so far
        self.marks: dict[int, int] = {}  # id(original statement) -> self.rewrites when it was visited
        self.placed: dict[int, Placement] = {}  # id(original statement) -> where it was: it got review comments
        # CSTTransformer looks visit_<Node> and leave_<Node> up by name on every node: none here, unless a
        # subclass adds one
        self.dispatch = _dispatches(type(self))
        # what on_visit and on_leave give back as it is, and nothing else: transform() need not call them for it
        # (_leave finds no hook, statement or review comment for whitespace and punctuation)
        self.skip = self.layout if not self.dispatch else frozenset()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if type(node) in self.layout:
            return False  # a transformer rebuilds every node it visits, and no rule hooks whitespace or punctuation
        if type(node) in _STATEMENT_TYPES:
            self.marks[id(node)] = self.rewrites
            if self.carried:
                self.attach[id(node)], self.carried = self.carried, []
        return super().on_visit(node) if self.dispatch else True

    def _leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        # type tests, not isinstance, on every node: libcst's classes are abstract-base classes (each isinstance
        # goes through ABCMeta) and its node classes have no subclasses
        result: Any = super().on_leave(original_node, updated_node) if self.dispatch else updated_node
        if type(result) is cst.SimpleStatementLine and not result.body:  # its last small statement went
            result = cst.RemovalSentinel.REMOVE
        kind = type(original_node)
        hooks = self.hooks.get(kind, ())
        if kind is cst.Call and type(original_node.func) is cst.Attribute:  # type: ignore[attr-defined]
            hooks = self._call_hooks(original_node.func.attr.value, hooks)  # type: ignore[attr-defined]
        for hook in hooks:
            if type(result) is not kind and not isinstance(result, kind):
                break  # hooks are typed for their node (base.Rule): a Call turned into a Name is no Call's to convert
            result = self._run_hook(hook, original_node, result)
        if kind in _STATEMENT_TYPES:
            result = self._keep_leading_lines(original_node, result)
        comments = self.ctx.reviews.get(id(original_node))
        if comments and isinstance(result, cst.FlattenSentinel) and result.nodes:
            self._place(original_node, result.nodes[0], comments)
            result = cst.FlattenSentinel([_with_comments(result.nodes[0], comments), *result.nodes[1:]])
        elif comments and isinstance(result, cst.CSTNode) and hasattr(result, "leading_lines"):
            self._place(original_node, result, comments)
            result = _with_comments(result, comments)
        return result

    def _call_hooks(self, name: str, hooks: tuple[Hook, ...]) -> tuple[Hook, ...]:
        """The Call hooks of a call `x.<name>(...)`, less those of rules whose call_names leave it alone
        (base.Rule.call_names): a family of 21 DynamicFrame-method rules, each asked about every call otherwise."""
        found = self.call_hooks.get(name)
        if found is None:
            found = self.call_hooks[name] = tuple(
                hook for hook in hooks if hook.rule.call_names is None or name in hook.rule.call_names
            )
        return found

    def _place(self, original: cst.CSTNode, node: Any, comments: list[str]) -> None:
        present = _present(node)
        self.placed[id(original)] = Placement(self.ctx.line(original), frozenset(c for c in comments if c in present))

    def _run_hook(self, hook: Hook, original: cst.CSTNode, updated: cst.CSTNode) -> Any:
        """One rule on one node; a rule that fails leaves the node as it was, with a finding, never a crash."""
        try:
            result = hook.run(self.ctx, original, updated)
        except Exception as exc:  # a bug in one rule must not stop the file, the sync or the other rules
            self.ctx.findings.append(
                Finding(
                    self.ctx.path,
                    self.ctx.line(original),
                    hook.rule.id,
                    f"g2l-merge could not apply this rule here ({type(exc).__name__}): "
                    "left as written; please report it",
                )
            )
            return updated
        if result is updated:
            return result  # most hooks: nothing to count or keep
        self.rewrites += 1
        return _keep_parentheses(updated, result)

    def _keep_leading_lines(self, original: Any, result: Any) -> Any:
        """A removed statement's comments and blank lines move to the next statement, in document order (or to
        the end of the module when no statement follows)."""
        if result is cst.RemovalSentinel.REMOVE:
            above = {id(line.comment) for line in original.leading_lines if line.comment is not None}
            comments = self.ctx.metadata.comments_of(original, nested=not isinstance(original, cst.SimpleStatementLine))
            lost = [c for c in comments if id(c) not in above and id(c) not in self.ctx.moved]
            self.carried = [
                *self.attach.pop(id(original), []),
                *self.carried,
                *original.leading_lines,
                *as_lines(lost),
            ]
            return result
        result = self._keep_comments(original, result)
        carried = self.attach.pop(id(original), [])
        if isinstance(result, cst.FlattenSentinel) and result.nodes:
            first = self._keep_leading_lines_on(carried, result.nodes[0])
            return cst.FlattenSentinel([first, *result.nodes[1:]])
        return self._keep_leading_lines_on(carried, result)

    def _keep_comments(self, original: Any, result: Any) -> Any:
        """The comments a statement's rules dropped (inside an expression they rewrote, its trailing comment)
        go above what they made of it, texts unchanged."""
        if self.marks.pop(id(original), None) == self.rewrites:
            return result  # no rule changed anything in it: its comments are where they were
        comments = [c for c in self.ctx.metadata.comments_of(original) if id(c) not in self.ctx.moved]
        if not comments:
            return result
        return with_leading(result, as_lines(missing(comments, own_comments(result_nodes(result)))))

    @staticmethod
    def _keep_leading_lines_on(carried: list[cst.EmptyLine], result: Any) -> Any:
        if not carried or not isinstance(result, cst.CSTNode) or not hasattr(result, "leading_lines"):
            return result
        return result.with_changes(leading_lines=_one_blank_at_most([*carried, *result.leading_lines]))

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        result = self._leave(original_node, updated_node)
        if (
            self.carried
            and isinstance(original_node, (cst.Module, cst.IndentedBlock))
            and isinstance(result, (cst.Module, cst.IndentedBlock))
        ):
            carried, self.carried = self.carried, []  # the block's last statements were removed: keep their comments
            while carried and carried[-1].comment is None:
                carried.pop()
            if carried:
                result = result.with_changes(footer=_one_blank_at_most([*carried, *result.footer]))
        return result


_DISPATCHES: dict[type[cst.CSTTransformer], bool] = {}


def _dispatches(kind: type[cst.CSTTransformer]) -> bool:
    """The class has a visit_ or leave_ method of its own: CSTTransformer defines every one as a no-op (visit
    answers None, leave gives back the updated node), so without one its by-name lookups change nothing.
    Asked once per class: dir() of a transformer class lists a thousand names."""
    found = _DISPATCHES.get(kind)
    if found is None:
        found = _DISPATCHES[kind] = any(
            name.startswith(("visit_", "leave_")) and getattr(kind, name) is not getattr(cst.CSTTransformer, name, None)
            for name in dir(kind)
        )
    return found


# on_visit and on_leave see every node: a set lookup of its type costs less than isinstance against libcst's
# abstract bases
# (tests/convert/test_engine.py checks that this names every statement class libcst exports)
_STATEMENT_TYPES: frozenset[type] = frozenset(
    (cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.TryStar, cst.FunctionDef)
).union((cst.ClassDef, cst.Match))


def _keep_parentheses(updated: cst.CSTNode, result: Any) -> Any:
    """An expression a rule rebuilt keeps the parentheses written around it: `return(Filter.apply(...))` has
    no space after `return`, so the code would not parse without them."""
    if (
        result is not updated  # first: most hooks give back the node they were given
        and isinstance(updated, cst.BaseExpression)
        and isinstance(result, cst.BaseExpression)
        and updated.lpar
        and not result.lpar
    ):
        return result.with_changes(lpar=updated.lpar, rpar=updated.rpar)
    return result


def _one_blank_at_most(lines: list[cst.EmptyLine]) -> list[cst.EmptyLine]:
    """Comment lines kept in order; a run of blank lines becomes one."""
    kept: list[cst.EmptyLine] = []
    for line in lines:
        if line.comment is None and kept and kept[-1].comment is None:
            continue
        kept.append(line)
    return kept


def _present(node: Any) -> set[str]:
    return {line.comment.value for line in node.leading_lines if line.comment is not None}


def _with_comments(node: Any, comments: list[str]) -> Any:
    present = _present(node)
    added = [cst.EmptyLine(comment=cst.Comment(text)) for text in comments if text not in present]
    return node.with_changes(leading_lines=[*node.leading_lines, *added]) if added else node


def with_header(text: str, path: str) -> str:
    """Put `# g2l: converted from <path>` after any shebang or coding line, exactly once."""
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    lines = _lines(text)
    at = 0
    while at < len(lines) and at < 2 and _PRELUDE.match(lines[at]):
        at += 1
    header = f"{HEADER_PREFIX}{quote_path(path)}{newline}"
    if at and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    if at < len(lines) and lines[at].startswith(HEADER_PREFIX):
        lines[at] = header
    else:
        lines.insert(at, header)
    return "".join(lines)


def has_header(text: str) -> bool:
    """Whether `text` carries with_header's `# g2l: converted from` line (after any shebang or coding line)."""
    lines = _lines(text)
    at = 0
    while at < len(lines) and at < 2 and _PRELUDE.match(lines[at]):
        at += 1
    return at < len(lines) and lines[at].startswith(HEADER_PREFIX)


def _header_shift(text: str) -> tuple[int, int]:
    """(first line of `text` that with_header moves, by how many lines): 1 when it inserts the header."""
    lines = _lines(text)
    at = 0
    while at < len(lines) and at < 2 and _PRELUDE.match(lines[at]):
        at += 1
    if at < len(lines) and lines[at].startswith(HEADER_PREFIX):
        return (0, 0)
    return (at + 1, 1)


def _lines(text: str) -> list[str]:
    """Lines as Python's tokenizer ends them (LF, CRLF, CR), ends kept: str.splitlines also splits on form feeds."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    lines = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
    return [*lines, parts[-1]] if parts[-1] else lines
