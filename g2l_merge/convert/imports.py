"""Dropping the imports conversion made unused, without a second scope analysis; adding the ones it needs.

libcst's RemoveImportsVisitor recomputes scope metadata on the converted module, which cost 70-110 ms
even for a ten-line file (most of a file's conversion time). The rules only ever ask to drop imports
they made unused (awsglue, SparkContext), so a name count over the converted module is enough: an
import whose bound name no longer appears anywhere goes; a name still used anywhere keeps it (safe).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import libcst as cst

from g2l_merge.convert.comments import STATEMENTS, comment_lines, keep_comments
from g2l_merge.convert.tree import LAYOUT, NodeVisitor, transform, visit

ImportSpec = tuple[str, str | None, str | None]  # (module, object or None for `import module`, alias)


def drop_unused(module: cst.Module, removals: set[ImportSpec]) -> cst.Module:
    """Remove the scheduled imports whose names the converted module no longer uses."""
    if not removals:
        return module
    uses = _NameUses()
    visit(module, uses)
    if all(uses.counts[_bound(removal)] for removal in removals):
        return module  # every one is still used: no need to rebuild the module
    return transform(module, _Drop(removals, uses.counts))


def _bound(removal: ImportSpec) -> str:
    """The name an import binds: `import a.b` binds a."""
    module, obj, asname = removal
    return asname or (obj if obj is not None else module.split(".")[0])


def _dotted(node: cst.BaseExpression | None) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _alias_name(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


class _NameUses(NodeVisitor):
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def on_visit(self, node: cst.CSTNode) -> bool:
        return type(node) not in LAYOUT and super().on_visit(node)

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.counts[node.value] += 1


class _Drop(cst.CSTTransformer):
    def __init__(self, removals: set[ImportSpec], counts: Counter[str]) -> None:
        super().__init__()
        self.removals = removals
        self.counts = counts

        self.rebuilt = False  # an import of the line being left lost some of its names
        self.carried: list[cst.EmptyLine] = []  # the comments of import lines just dropped
        self.attach: dict[int, list[cst.EmptyLine]] = {}  # id(statement) -> carried lines it takes

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.carried and isinstance(node, STATEMENTS):
            self.attach[id(node)], self.carried = self.carried, []
        # a transformer rebuilds every node it visits: skip those no import can be in
        return _may_hold_imports(node) and super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        """A dropped import line's comments go to the next statement (the end of its block when none follows)."""
        result = super().on_leave(original_node, updated_node)
        if isinstance(original_node, cst.SimpleStatementLine) and isinstance(result, cst.SimpleStatementLine):
            rebuilt, self.rebuilt = self.rebuilt, False
            if not result.body:
                own = [line for line in comment_lines(original_node) if line.comment is not None]  # not its blanks
                self.carried = [*self.attach.pop(id(original_node), []), *own]
                return cst.RemovalSentinel.REMOVE
            if rebuilt:
                result = keep_comments(original_node, result)
        if isinstance(original_node, STATEMENTS) and isinstance(result, STATEMENTS):
            lines = self.attach.pop(id(original_node), [])
            if lines:
                result = result.with_changes(leading_lines=[*lines, *result.leading_lines])  # comment lines only
        if self.carried and isinstance(result, (cst.Module, cst.IndentedBlock)):
            lines, self.carried = [line for line in self.carried if line.comment is not None], []
            result = result.with_changes(footer=[*lines, *result.footer])
        return result

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> Any:
        if isinstance(updated.names, cst.ImportStar):
            return updated
        module = _dotted(updated.module)
        kept = [alias for alias in updated.names if not self._drop(module, _dotted(alias.name), alias)]
        return self._rebuild(updated, kept)

    def leave_Import(self, original: cst.Import, updated: cst.Import) -> Any:
        kept = [alias for alias in updated.names if not self._drop(_dotted(alias.name), None, alias)]
        return self._rebuild(updated, kept)

    def _drop(self, module: str, obj: str | None, alias: cst.ImportAlias) -> bool:
        removal = (module, obj, _alias_name(alias))
        return removal in self.removals and self.counts[_bound(removal)] == 0

    def _rebuild(self, updated: Any, kept: list[cst.ImportAlias]) -> Any:
        if not kept:
            return cst.RemovalSentinel.REMOVE
        if len(kept) == len(updated.names):
            return updated
        self.rebuilt = True
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(names=kept)


def _may_hold_imports(node: cst.CSTNode) -> bool:
    """Imports are statements: never inside an expression, nor on a line of other statements."""
    if isinstance(node, cst.SimpleStatementLine | cst.SimpleStatementSuite):
        return any(isinstance(small, cst.Import | cst.ImportFrom) for small in node.body)
    return not isinstance(node, cst.BaseExpression)


def add_missing(
    module: cst.Module, needed: list[ImportSpec], notes: Mapping[ImportSpec, str] | None = None
) -> cst.Module:
    """Add each needed import as its own line in the leading import block, unless it is already there.

    libcst's AddImportsVisitor costs 40-90 ms a file (another metadata pass) and merges new names into
    the Glue team's existing `from x import ...` lines; a separate line is cheaper and keeps their lines
    untouched, so a later Glue change to those lines merges cleanly. Each line goes where isort would put it
    (section_of), without moving a Glue line: after the block's last import of its kind, else after the last
    one of an earlier kind, else before its first import. `notes` puts a comment above an added line.
    """
    body = list(module.body)
    start, end = _import_block(body)
    present = _present(body[start:end])  # an import further down would come after the code that now needs it
    missing = sorted({item for item in needed if item not in present}, key=lambda i: (_kind(i), i))
    if not missing:
        return module
    notes = notes or {}
    kinds = [_line_kind(statement) for statement in body[start:end]]
    added: dict[int, list[cst.BaseStatement]] = {}
    for item in missing:
        line = _import_line(item)
        if item in notes:
            line = line.with_changes(leading_lines=[cst.EmptyLine(comment=cst.Comment(notes[item]))])
        added.setdefault(start + _place(_kind(item), kinds), []).append(line)
    statements: list[cst.BaseStatement] = []
    for index, statement in enumerate(body):
        statements += [*added.pop(index, []), statement]
    return module.with_changes(body=[*statements, *added.pop(len(body), [])])


# Sections in isort's order. glue_compat is first party: the mirror puts glue_compat.py in the Databricks
# repository itself ([target] root), so isort run there finds it as a module of the repository.
FUTURE, STANDARD_LIBRARY, THIRD_PARTY, FIRST_PARTY = range(4)
COMPAT_MODULE = "glue_compat"
# What a Glue job imports that is installed, not in its repository: the Glue and Databricks runtimes' packages.
# The converter sees one file, not the repository, so it cannot look a name up among the repository's modules as
# isort does: any other name (what Glue's --extra-py-files provides, a relative import) is the repository's own.
INSTALLED = frozenset(
    {
        "awsglue",
        "awsgluedi",
        "awsgluedq",
        "awsglueml",
        "boto3",
        "botocore",
        "databricks",
        "dateutil",
        "delta",
        "fsspec",
        "numpy",
        "pandas",
        "py4j",
        "pyarrow",
        "pyspark",
        "pytest",
        "pytz",
        "requests",
        "s3fs",
        "s3transfer",
        "scipy",
        "sklearn",
        "urllib3",
        "yaml",
    }
)

Kind = tuple[int, bool]  # (section, a `from` import): isort puts `import x` lines before `from x import` lines


def section_of(module: str) -> int:
    """The isort section of an absolute import's module (a relative import is first party)."""
    top = module.split(".")[0]
    if top == "__future__":
        return FUTURE
    if top in sys.stdlib_module_names:
        return STANDARD_LIBRARY
    if top == COMPAT_MODULE:
        return FIRST_PARTY
    return THIRD_PARTY if top in INSTALLED else FIRST_PARTY


def _kind(item: ImportSpec) -> Kind:
    return section_of(item[0]), item[1] is not None


def _line_kind(statement: cst.BaseStatement) -> Kind:
    """The kind of an import line's first import."""
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    if isinstance(small, cst.Import):
        return section_of(_dotted(small.names[0].name)), False
    assert isinstance(small, cst.ImportFrom)
    return (FIRST_PARTY if small.relative else section_of(_dotted(small.module))), True


def _place(kind: Kind, lines: Sequence[Kind]) -> int:
    """Where a new import of `kind` goes among the kinds of the block's import lines: after the last of its
    kind, else after the last of an earlier kind, else before the first: a Glue import added to another
    section, or above it in its own, leaves it under the same Glue line (a stable place for merges)."""
    same = [index for index, other in enumerate(lines) if other == kind]
    earlier = [index for index, other in enumerate(lines) if other < kind]
    return (same or earlier or [-1])[-1] + 1


@lru_cache(maxsize=256)
def _import_line(item: ImportSpec) -> cst.BaseStatement:
    """The import as a line, parsed once per process (a frozen node, shared: rules/base.py expr says why)."""
    return cst.parse_statement(_import_code(item))


def _import_code(item: ImportSpec) -> str:
    module, obj, asname = item
    alias = f" as {asname}" if asname else ""
    return f"import {module}{alias}" if obj is None else f"from {module} import {obj}{alias}"


def _present(statements: Sequence[cst.BaseStatement]) -> set[ImportSpec]:
    found: set[ImportSpec] = set()
    for statement in statements:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                found.update((_dotted(a.name), None, _alias_name(a)) for a in small.names)
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                found.update((_dotted(small.module), _dotted(a.name), _alias_name(a)) for a in small.names)
    return found


def _is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _import_block(body: Sequence[cst.BaseStatement]) -> tuple[int, int]:
    """(first, end) indexes of the leading run of import lines, after a docstring. It ends at any other
    statement: a top-level `try:` or `if` around imports included, as the code in it may use what is added
    (G2L007 makes an awsglue fallback `if "DATABRICKS_RUNTIME_VERSION" in os.environ:`)."""
    start = 0
    while start < len(body) and _is_docstring(body[start]):
        start += 1
    end = start
    while end < len(body) and _is_import_line(body[end]):
        end += 1
    return start, end
