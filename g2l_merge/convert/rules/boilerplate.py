"""Boilerplate: awsglue imports, SparkContext, GlueContext, its session and SQLContext uses, logger, Job."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import libcst as cst
from libcst.metadata import ParentNodeProvider, QualifiedNameProvider, QualifiedNameSource

from g2l_merge.convert.comments import keep_comments
from g2l_merge.convert.context import ConvertContext, Finding
from g2l_merge.convert.glue_exports import IMPORTABLE_ORIGINS, STAR_BINDS
from g2l_merge.convert.imports import ImportSpec, add_missing
from g2l_merge.convert.names import GLUE_CONTEXT, GLUE_CONTEXT_ATTRIBUTES, STAR_EXPORTS, dotted
from g2l_merge.convert.rules.base import Rule, SmallStatementResult, StatementResult, arg, code_of, expr, stmt
from g2l_merge.convert.rules.connect import RULE_ID as CONNECT_RULE
from g2l_merge.convert.rules.connect import reviewed
from g2l_merge.convert.rules.readers import keeps_bookmarks, unbookmarked_call
from g2l_merge.convert.rules.storage import py_string, session_of, unknown_receiver
from g2l_merge.convert.tree import LAYOUT, NodeVisitor, Tree, transform, visit

SESSION_BUILDER = "SparkSession.builder.getOrCreate()"
# The Glue-only Python packages: awsglue, and Data Quality, ML and data-integration transforms.
GLUE_PACKAGES = frozenset({"awsglue", "awsgluedq", "awsglueml", "awsgluedi"})
# GlueContext is a SQLContext: these are SparkSession members too.
SQL_CONTEXT_MEMBERS = frozenset(
    {
        "sql",
        "read",
        "readStream",
        "createDataFrame",
        "table",
        "range",
        "udf",
        "sparkContext",
        "catalog",
        "conf",
        "streams",
        "newSession",
    }
)
# SQLContext methods a SparkSession has under another name (pyspark's SQLContext delegates to these).
SQL_CONTEXT_CALLS = {
    "setConf": "conf.set",
    "getConf": "conf.get",
    "cacheTable": "catalog.cacheTable",
    "uncacheTable": "catalog.uncacheTable",
    "clearCache": "catalog.clearCache",
    "isCached": "catalog.isCached",
    "dropTempTable": "catalog.dropTempView",
    "registerFunction": "udf.register",
}
# GlueContext members the other rule families convert or review (readers, writers, frames, studio).
CONVERTED_ELSEWHERE = GLUE_CONTEXT_ATTRIBUTES | {
    "create_dynamic_frame_from_rdd",
    "create_data_frame_from_catalog",
    "create_data_frame_from_options",
    "write_data_frame_from_catalog",
    "write_from_options",
    "write_from_jdbc_conf",
    "getSource",
    "getSink",
    "extract_jdbc_conf",
    "purge_s3_path",
    "purge_table",
}


def _single(node: cst.SimpleStatementLine) -> cst.BaseSmallStatement | None:
    return node.body[0] if len(node.body) == 1 else None


def _assigned(node: cst.SimpleStatementLine) -> tuple[str, cst.BaseExpression] | None:
    small = _single(node)
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        return small.targets[0].target.value, small.value
    return None


@dataclass
class _ImportState:
    """G2L001's per file: the first statement importing each Glue-only module, for the line of its finding."""

    statements: dict[str, cst.SimpleStatementLine] = field(default_factory=dict)
    stars: dict[str, cst.SimpleStatementLine] = field(default_factory=dict)  # removed star imports, by module


class AwsglueImports(Rule):
    """Remove awsglue imports (and awsgluedq, awsglueml, awsgluedi) once nothing uses them; star imports from
    awsglue always go.

    Before::

        from awsglue.transforms import *
        from awsglue.context import GlueContext
        import awsglue.transforms as T

    After: the three lines are gone (the names they brought in were converted by the other rules).

    A name a removed star import bound that the converted code still uses is bound again (what each star
    import binds is read from the awsglue library, glue_exports.py): `os` or pyspark's `DataFrame` through
    their own import, ChoiceType-like names through glue_compat's stand-ins with a review item, and an
    unconverted Glue transform through its explicit awsglue import, reviewed where it is used.
    """

    id = "G2L001"
    name = "awsglue-imports"
    summary = "Remove awsglue imports, star imports included, once the converted code no longer needs them."

    def leave_ImportFrom(
        self, ctx: ConvertContext, original: cst.ImportFrom, updated: cst.ImportFrom
    ) -> SmallStatementResult:
        module = ".".join(dotted(original.module)) if original.module else ""
        if module.split(".")[0] in GLUE_PACKAGES and not isinstance(original.names, cst.ImportStar):
            for alias in original.names:
                ctx.remove_import(module, dotted(alias.name)[-1], _asname(alias))
        return updated

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """A Glue reader/writer call on something the converter does not see holding a GlueContext stays as
        written, with a review item: it would fail on Databricks, and nothing else would say so."""
        receiver = unknown_receiver(ctx, original)
        statement = ctx.statement_of(original) if receiver is not None else None
        if receiver is not None and not (statement is not None and _has_review(statement)):  # reviewed already
            ctx.review(
                original,
                self.id,
                f"a Glue-style read/write call on `{code_of(receiver)}`, which g2l-merge does not see holding a "
                "GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site "
                "fills), the call fails on Databricks: write it with spark.read / df.write by hand",
            )
        return updated

    def leave_Import(self, ctx: ConvertContext, original: cst.Import, updated: cst.Import) -> SmallStatementResult:
        for alias in original.names:
            module = ".".join(dotted(alias.name))
            if module.split(".")[0] in GLUE_PACKAGES:
                ctx.remove_import(module, None, _asname(alias))
        return updated

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        small = _single(original)
        if (
            isinstance(small, cst.ImportFrom)
            and isinstance(small.names, cst.ImportStar)
            and small.module is not None
            and ".".join(dotted(small.module)) in STAR_EXPORTS
        ):
            ctx.state(_ImportState).stars.setdefault(".".join(dotted(small.module)), original)
            return cst.RemovalSentinel.REMOVE
        statements = ctx.state(_ImportState).statements
        for module in _glue_modules(original):
            # the statement, not its line: positions are computed for the whole file on the first ask
            statements.setdefault(module, original)
        return updated

    def finish(self, ctx: ConvertContext, module: cst.Module) -> cst.Module:
        """A name a removed star import bound and the converted code still uses gets bound again. An awsglue
        import still there whose names are used outside the statements left for review (so no review item
        explains it): say so on the import itself."""
        module = _rebind_star_names(ctx, self.id, module)
        if not ctx.state(_ImportState).statements:
            return module  # the file imported nothing Glue-only (other than star imports, which went)
        imports = _GlueImports()
        visit(module, imports)
        if not imports.bound:
            return module
        uses = _UnreviewedUses(set(imports.bound))
        visit(module, uses)
        flagged = {module_name for name, module_name in imports.bound.items() if name in uses.found}
        unused = set(imports.bound) - uses.read
        if not flagged and not unused:
            return module
        return transform(module, _FlagGlueImports(ctx, self.id, flagged, unused))


def _rebind_star_names(ctx: ConvertContext, rule: str, module: cst.Module) -> cst.Module:
    """Bind each name a removed awsglue star import bound (glue_exports.STAR_BINDS) that the converted module
    still uses without binding it: its own import outside awsglue (json, pyspark's DataFrame), glue_compat's
    stand-in with a review item, or else an explicit awsglue import (the code using it has a review item, or
    the import gets one)."""
    stars = ctx.state(_ImportState).stars
    candidates = {
        name: (star, origin)
        for star in sorted(stars)
        for name, origin in STAR_BINDS[star].items()
        if name in ctx.tracked.uses and not origin.startswith("__future__.")  # a future import binds no usable name
    }
    if not candidates:
        return module
    names = _FreeNames(set(candidates))
    visit(module, names)
    needed: list[ImportSpec] = []
    notes: dict[ImportSpec, str] = {}
    for name in sorted(names.used - names.bound):
        star, origin = candidates[name]
        spec, note = _stand_in(name, star, origin)
        needed.append(spec)
        if spec[0].split(".")[0] in GLUE_PACKAGES:
            ctx.state(_ImportState).statements.setdefault(spec[0], stars[star])
        if note:
            notes[spec] = f"# g2l: review {rule}: {note}"
            ctx.findings.append(Finding(ctx.path, ctx.line(stars[star]), rule, note))
    return add_missing(module, needed, notes)


def _stand_in(name: str, star: str, origin: str) -> tuple[ImportSpec, str | None]:
    """What binds `name` once `from <star> import *` is gone, and the review item it needs (None: the same object)."""
    importable = IMPORTABLE_ORIGINS.get(origin)
    if importable is not None:
        module_name, obj = importable
        return (module_name, obj, None if obj is None or obj == name else name), None
    if name in GLUE_COMPAT_STAND_INS:
        note = (
            f"{name} came from `from {star} import *`: glue_compat's stand-in keeps it defined; "
            "as converted, the code runs: check what it does with it on a DataFrame"
        )
        return ("glue_compat", name, None), note
    origin_module, _, obj = origin.rpartition(".")
    if not origin_module:  # Python 2 aliases of builtins: `basestring` is str
        return ("builtins", obj, name if name != obj else None), None
    return (origin_module, obj, None), None  # reviewed where it is used, or on the import (AwsglueImports.finish)


# Names glue_compat defines for awsglue's of the same name (compat/glue_compat.py).
GLUE_COMPAT_STAND_INS = frozenset({"ChoiceType", "EnumType", "SetType", "UnknownType", "GlueArgumentError"})


class _FreeNames(NodeVisitor):
    """Which of `names` the module reads, and which it binds (imports, definitions, assignments, parameters)."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.used: set[str] = set()
        self.bound: set[str] = set()

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                self.visit_ImportAlias(alias)
        return False  # the module's dotted name reads no name

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        parts = dotted(node.name)
        bound = _asname(node) or (parts[0] if parts else None)
        if bound in self.names:
            self.bound.add(bound)
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        visit(node.value, self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        visit(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names:
            self.used.add(node.value)

    def _binds(self, target: cst.CSTNode) -> None:
        for name in _target_names(target):
            if name in self.names:
                self.bound.add(name)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._binds(node.name)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._binds(node.name)

    def visit_Param(self, node: cst.Param) -> None:
        self._binds(node.name)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._binds(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._binds(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._binds(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._binds(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._binds(node.name)


def _target_names(target: cst.CSTNode) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, cst.Tuple | cst.List):
        return [name for element in target.elements for name in _target_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []


def _glue_modules(statement: cst.SimpleStatementLine) -> list[str]:
    """The Glue-only modules a statement imports."""
    found = []
    for small in statement.body:
        if isinstance(small, cst.ImportFrom) and small.module is not None:
            found.append(".".join(dotted(small.module)))
        elif isinstance(small, cst.Import):
            found += [".".join(dotted(alias.name)) for alias in small.names]
    return [name for name in found if name.split(".")[0] in GLUE_PACKAGES]


class _GlueImports(NodeVisitor):
    """The names the remaining Glue-only imports bind, and their modules."""

    def __init__(self) -> None:
        self.bound: dict[str, str] = {}

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = ".".join(dotted(node.module)) if node.module else ""
        if module.split(".")[0] in GLUE_PACKAGES and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                self.bound[_asname(alias) or dotted(alias.name)[-1]] = module

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            parts = dotted(alias.name)
            if parts and parts[0] in GLUE_PACKAGES:
                self.bound[_asname(alias) or parts[0]] = ".".join(parts)


class _UnreviewedUses(NodeVisitor):
    """Which of `names` are read in statements that carry no review comment (nor sit inside one that does)."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.found: set[str] = set()  # read outside reviewed statements
        self.read: set[str] = set()  # read anywhere (a name only spelled as an attribute, `x.name`, is not)
        self.reviewed = 0  # enclosing statements with a review comment

    def on_visit(self, node: cst.CSTNode) -> bool:
        if type(node) in LAYOUT or isinstance(node, (cst.Import, cst.ImportFrom)):
            return False  # whitespace and punctuation hold no name
        if _has_review(node):
            self.reviewed += 1
        if isinstance(node, cst.Attribute):
            visit(node.value, self)
            self.on_leave(node)
            return False
        if isinstance(node, cst.Arg) and node.keyword is not None:
            visit(node.value, self)
            self.on_leave(node)
            return False
        if isinstance(node, cst.Name) and node.value in self.names:
            self.read.add(node.value)
            if not self.reviewed:
                self.found.add(node.value)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if _has_review(original_node):
            self.reviewed -= 1


def _has_review(node: cst.CSTNode) -> bool:
    """A review comment above the statement; G2L010's (SparkContext, RDD API) says nothing of an awsglue import."""
    return isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)) and any(
        line.comment is not None
        and line.comment.value.startswith("# g2l: review ")
        and not line.comment.value.startswith(_CONNECT_REVIEW)
        for line in node.leading_lines
    )


_CONNECT_REVIEW = f"# g2l: review {CONNECT_RULE}: "


class _FlagGlueImports(cst.CSTTransformer):
    """Drop the Glue-only imports nothing reads any more; flag those that code without a review item reads."""

    def __init__(self, ctx: ConvertContext, rule: str, modules: set[str], unused: set[str]) -> None:
        super().__init__()
        self.ctx = ctx
        self.rule = rule
        self.modules = modules
        self.unused = unused
        self.emptied: set[int] = set()  # ids of the placeholders of emptied import lines
        self.header: list[cst.EmptyLine] = []

    def leave_ImportFrom(
        self, original: cst.ImportFrom, updated: cst.ImportFrom
    ) -> cst.ImportFrom | cst.RemovalSentinel:
        module = ".".join(dotted(updated.module)) if updated.module else ""
        if module.split(".")[0] not in GLUE_PACKAGES or isinstance(updated.names, cst.ImportStar):
            return updated
        kept = [a for a in updated.names if (_asname(a) or dotted(a.name)[-1]) not in self.unused]
        return _rebuilt(updated, kept)

    def leave_Import(self, original: cst.Import, updated: cst.Import) -> cst.Import | cst.RemovalSentinel:
        kept = [
            a
            for a in updated.names
            if dotted(a.name)[0] not in GLUE_PACKAGES or (_asname(a) or dotted(a.name)[0]) not in self.unused
        ]
        return _rebuilt(updated, kept)

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        body, left = _without_emptied(updated.body, self.emptied)
        return updated.with_changes(body=body, footer=[*left, *updated.footer])

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        body, left = _without_emptied(updated.body, self.emptied)
        return updated.with_changes(body=body, footer=[*left, *updated.footer])

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine:
        if not updated.body:  # emptied: a placeholder the enclosing block drops, keeping its comments
            # its trailing comment and those among its names go above it, with its leading lines
            emptied = updated.with_changes(body=[cst.Pass()], trailing_whitespace=_NEWLINE)
            placeholder: cst.SimpleStatementLine = keep_comments(original, emptied)
            self.emptied.add(id(placeholder))
            return placeholder
        modules = [module for module in _glue_modules(updated) if module in self.modules]
        if not modules:
            return updated
        message = (
            f"{', '.join(modules)} is still imported: code the rules did not convert uses it (with no review "
            "item): as written, the import fails on Databricks (no awsglue there) and the job stops at it: convert "
            "that code by hand, and the import goes"
        )
        comment = f"# g2l: review {self.rule}: {message}"
        statement = self.ctx.state(_ImportState).statements.get(modules[0])
        line = self.ctx.line(statement) if statement is not None else 0
        self.ctx.findings.append(Finding(self.ctx.path, line, self.rule, message))
        present = [*self.header, *updated.leading_lines]  # above the first statement, libcst reads a module header
        if any(line.comment is not None and line.comment.value == comment for line in present):
            return updated
        return updated.with_changes(leading_lines=[*updated.leading_lines, cst.EmptyLine(comment=cst.Comment(comment))])

    def visit_Module(self, node: cst.Module) -> None:
        self.header = list(node.header)


_NEWLINE = cst.TrailingWhitespace()


def _without_emptied(body: Sequence[Any], emptied: set[int]) -> tuple[list[Any], list[cst.EmptyLine]]:
    """Statements emptied of their imports go; their leading comments and blank lines go to the next one (the
    comments of the last ones come back, for the block's footer)."""
    kept: list[Any] = []  # libcst types statements as BaseStatement, which declares no leading_lines
    carried: list[cst.EmptyLine] = []
    for statement in body:
        if id(statement) in emptied:
            carried += statement.leading_lines
            continue
        if carried:
            own = list(statement.leading_lines)
            lines = [*carried, *own]
            statement = statement.with_changes(
                leading_lines=[
                    line
                    for i, line in enumerate(lines)
                    if line.comment is not None or i == 0 or lines[i - 1].comment is not None
                ]
            )
            carried = []
        kept.append(statement)
    if not kept and body:  # a block that held only Glue imports keeps a `pass`
        kept.append(cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=carried))
        carried = []
    return kept, [line for line in carried if line.comment is not None]


_ImportT = TypeVar("_ImportT", cst.Import, cst.ImportFrom)


def _rebuilt(node: _ImportT, kept: list[cst.ImportAlias]) -> _ImportT | cst.RemovalSentinel:
    if not kept:
        return cst.RemovalSentinel.REMOVE
    if isinstance(node.names, cst.ImportStar) or len(kept) == len(node.names):
        return node  # nothing dropped (a star import is never rebuilt: leave_ImportFrom returns it first)
    kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return node.with_changes(names=kept)


def _asname(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


_Settings = tuple[str | None, list[str]]  # a SparkContext's SparkConf code and its other arguments


@dataclass
class _SessionState:
    """G2L002's per file: settings of SparkContexts removed for the GlueContext line, blocks that bound the session."""

    settings: dict[str, _Settings] = field(default_factory=dict)  # by the SparkContext's name
    bound_in: set[int] = field(default_factory=set)  # id() of the blocks (original nodes) already binding it
    unbound: frozenset[int] | None = None  # id() of the GlueContext(...) calls bound to no tracked name


class SparkSessionSetup(Rule):
    """GlueContext(SparkContext) becomes a SparkSession; its uses as a SQLContext follow.

    Before::

        sc = SparkContext()
        glueContext = GlueContext(sc)
        spark = glueContext.spark_session
        rows = glueContext.sql("select 1")

    After::

        spark = SparkSession.builder.getOrCreate()
        rows = spark.sql("select 1")

    SQLContext methods move to their SparkSession homes (`glueContext.setConf(k, v)` becomes
    `spark.conf.set(k, v)`); a SparkConf passed to SparkContext goes to `builder.config(conf=...)` with a review
    item; other GlueContext members a SparkSession lacks are review items.

    Library code that makes a GlueContext and hands it on converts the same way: a session factory's or a
    fixture's `return GlueContext(sc)` returns the session (its GlueContext arguments minPartitions and
    targetPartitions tuned DynamicFrame reads and go), a name bound to such a factory's call and an attribute
    assigned a GlueContext (`self._gc`) hold the session (`ctx.spark_session` becomes `ctx`), and GlueContext in
    an annotation or a type test (`isinstance(x, GlueContext)`) is SparkSession (and Job there glue_compat.Job,
    the stand-in G2L004 gives a Job handed on).
    """

    id = "G2L002"
    name = "spark-session"
    summary = "SparkContext/GlueContext setup becomes SparkSession.builder.getOrCreate(); SQLContext uses move to it."

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        binding = _assigned(original)
        if binding is None:
            return updated
        name, value = binding
        tracked = ctx.tracked
        if name in tracked.glue_contexts and isinstance(value, cst.Call):
            ctx.add_import("pyspark.sql", "SparkSession")
            ctx.remove_import("pyspark.context", "SparkContext")
            builder = self._builder(ctx, original, value.args[0].value if value.args else None)
            if not _bind_session_once(ctx, original) and builder == SESSION_BUILDER:
                return cst.RemovalSentinel.REMOVE  # a second GlueContext(...) in the same block
            return updated.with_changes(body=[cst.Assign([cst.AssignTarget(cst.Name(tracked.session))], expr(builder))])
        if name in tracked.spark_contexts:
            ctx.remove_import("pyspark.context", "SparkContext")
            settings = _context_settings(value)
            made = tracked.glue_contexts or _unbound_contexts(ctx)
            if made and tracked.uses.get(name, 0) <= 2:  # bound here, passed to GlueContext
                ctx.state(_SessionState).settings[name] = settings  # the GlueContext(sc) line builds the session
                return cst.RemovalSentinel.REMOVE
            ctx.add_import("pyspark.sql", "SparkSession")
            builder = self._builder(ctx, original, value)
            if tracked.glue_contexts and name != tracked.session and _bind_session_once(ctx, original):
                # the session the GlueContext below would bind, bound here once; sc stays its SparkContext
                session = updated.with_changes(body=[stmt(f"{tracked.session} = {builder}").body[0]])  # type: ignore[attr-defined]
                context = stmt(f"{name} = {tracked.session}.sparkContext")
                assert isinstance(context, cst.SimpleStatementLine)
                # G2L010's review (no SparkContext on Spark Connect): its hook never sees this added statement
                return cst.FlattenSentinel([session, reviewed(ctx, context, ctx.line(original))])
            return updated.with_changes(body=[stmt(f"{name} = {builder}.sparkContext").body[0]])  # type: ignore[attr-defined]
        if (
            name == tracked.session
            and isinstance(value, cst.Attribute)
            and value.attr.value == "spark_session"
            and tracked.glue_contexts
        ):
            return cst.RemovalSentinel.REMOVE
        return updated

    def _builder(self, ctx: ConvertContext, statement: cst.CSTNode, context: cst.BaseExpression | None) -> str:
        """The session builder for a SparkContext expression (a call, or the name of the `sc` removed above): its
        SparkConf goes to builder.config; its settings are a review item, since the cluster already runs."""
        if isinstance(context, cst.Name):
            settings = ctx.state(_SessionState).settings.get(context.value, _NO_SETTINGS)
        elif isinstance(context, cst.Call) and _is_context_call(context):
            settings = _context_settings(context)
        else:
            settings = _NO_SETTINGS
        conf, others = settings
        if conf is None and not others:
            return SESSION_BUILDER
        ctx.review(
            statement,
            self.id,
            "a Databricks job runs on a cluster that is already started: "
            + (
                "only the spark.sql.* settings of this SparkConf reach the session (builder.config); "
                if conf is not None
                else ""
            )
            + (f"SparkContext arguments {', '.join(others)} do not apply; " if others else "")
            + "as converted, the job runs with the cluster's settings for the rest: put cluster settings in the "
            "job's cluster configuration",
        )
        return f"SparkSession.builder.config(conf={conf}).getOrCreate()" if conf is not None else SESSION_BUILDER

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        if original.attr.value in ("spark_session", "sparkSession") and (
            id(original.value) in _unbound_contexts(ctx) or _held_context(ctx, original.value)
        ):
            return updated.value  # GlueContext(sc).spark_session, self._gc.spark_session: the session itself
        if not ctx.tracked.is_glue_context(original.value):
            return updated
        member = original.attr.value
        if member in ("spark_session", "sparkSession"):  # SQLContext.sparkSession: the session itself
            return _session(ctx, original.value, updated.value)
        if member in SQL_CONTEXT_MEMBERS:
            return updated.with_changes(value=_session(ctx, original.value, updated.value))
        if member == "_sc":  # the GlueContext's SparkContext
            session = _session(ctx, original.value, updated.value)
            return updated.with_changes(value=session, attr=cst.Name("sparkContext"))
        if (
            member not in CONVERTED_ELSEWHERE
            and not _called(ctx, original, SQL_CONTEXT_CALLS)
            and not _imported(ctx, original.value)
        ):
            ctx.review(
                original,
                self.id,
                f"{code_of(original)}: a GlueContext member a SparkSession does not have: as written, it fails "
                "there and the job stops here: convert it by hand",
            )
        return updated

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """SQLContext's conf and cache methods, which a SparkSession keeps under spark.conf and spark.catalog;
        a GlueContext(...) made and handed on (a session factory's `return GlueContext(sc)`, a fixture, an
        argument) is the session."""
        func = original.func
        name = func.attr if isinstance(func, cst.Attribute) else func
        if isinstance(name, cst.Name) and name.value == "GlueContext" and id(original) in _unbound_contexts(ctx):
            ctx.add_import("pyspark.sql", "SparkSession")
            ctx.remove_import("pyspark.context", "SparkContext")
            context = arg(original, "sparkContext", 0)
            return expr(self._builder(ctx, original, context.value if context is not None else None))
        if (
            not isinstance(func, cst.Attribute)
            or func.attr.value not in SQL_CONTEXT_CALLS
            or not ctx.tracked.is_glue_context(func.value)
        ):
            return updated
        session = code_of(_session(ctx, func.value, func.value))
        args = [a for a in updated.args if a.keyword is None and not a.star]
        if len(args) != len(updated.args) or not args:
            ctx.review(
                original,
                self.id,
                f"{code_of(func)}(...) with these arguments: as written, it fails on the SparkSession (no such method) "
                f"and the job stops here: convert it by hand ({session}.conf or {session}.catalog)",
            )
            return updated
        target = SQL_CONTEXT_CALLS[func.attr.value]
        return updated.with_changes(func=expr(f"{session}.{target}"))

    def leave_Arg(self, ctx: ConvertContext, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        value = original.value
        if isinstance(value, cst.Name) and value.value in ctx.tracked.glue_contexts:
            return updated.with_changes(value=_session(ctx, value, updated.value))
        return updated

    def leave_Param(self, ctx: ConvertContext, original: cst.Param, updated: cst.Param) -> cst.Param:
        annotation = original.annotation
        if annotation is not None and GLUE_CONTEXT in ctx.qualified(annotation.annotation):
            ctx.add_import("pyspark.sql", "SparkSession")
            return updated.with_changes(annotation=cst.Annotation(cst.Name("SparkSession")))
        return updated

    def leave_Name(self, ctx: ConvertContext, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        """GlueContext in any annotation (`glue_context: GlueContext`, `Optional[GlueContext]`) or type test
        (`isinstance(ctx, GlueContext)`, `type(ctx) == GlueContext`) is the session; Job there is the stand-in
        a Job handed on is now (G2L004), glue_compat.Job. One hook for both: it runs on every name."""
        value = original.value
        if value != "GlueContext" and value != "Job":
            return updated
        if not (_in_annotation(ctx, original) or _type_test(ctx, original)):
            return updated
        if value == "GlueContext" and GLUE_CONTEXT in ctx.qualified(original):
            ctx.add_import("pyspark.sql", "SparkSession")
            return cst.Name("SparkSession")
        if value == "Job" and GLUE_JOB in ctx.qualified(original):
            ctx.add_import("glue_compat")
            return expr("glue_compat.Job")
        return updated

    def leave_FunctionDef(
        self, ctx: ConvertContext, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> StatementResult:
        """`-> GlueContext` (a session factory, a property handing the context on) returns the session now."""
        returns = original.returns
        if returns is not None and updated.returns is not None and GLUE_CONTEXT in ctx.qualified(returns.annotation):
            ctx.add_import("pyspark.sql", "SparkSession")
            return updated.with_changes(returns=updated.returns.with_changes(annotation=cst.Name("SparkSession")))
        return updated

    def finish(self, ctx: ConvertContext, module: cst.Module) -> cst.Module:
        """Statements left for review may still call the glue context: keep its name bound to the session, right
        after the statement that binds the session (at module level, or in the function that made the context)."""
        remaining = sorted(name for name in ctx.tracked.glue_contexts if _loads(module, name))
        if not remaining:
            return module
        session = ctx.tracked.session
        body = list(module.body)
        if any(_binds(s, name) for s in body for name in remaining):
            return module
        at = next((i + 1 for i, s in enumerate(body) if _binds_session(s, session)), None)
        if at is None:
            aliased = _AliasInFunctions(remaining, session)
            converted = transform(module, aliased)
            if aliased.done:
                return converted
            at = _after_prelude(body)  # no session binding anywhere: at least after docstring and __future__
        return module.with_changes(body=[*body[:at], *_aliases(remaining, session), *body[at:]])


def _unbound_contexts(ctx: ConvertContext) -> frozenset[int]:
    """The GlueContext(...) calls no tracked name is bound to (`return GlueContext(sc)` in a session factory):
    ids of the original calls, listed once per file from the engine's walk."""
    state = ctx.state(_SessionState)
    if state.unbound is None:
        found = set()
        tree = ctx.metadata
        module = tree.wrapper.module
        if ctx.tracked.uses.get("GlueContext") and tree.names_within(module, "GlueContext") and tree.spellings:
            for at in tree.spellings.get("GlueContext", []):
                name = tree.nodes[at]
                call = tree.parents.get(name)
                if isinstance(call, cst.Attribute) and call.attr is name:
                    name, call = call, tree.parents.get(call)  # context.GlueContext(...)
                if not isinstance(call, cst.Call) or call.func is not name or GLUE_CONTEXT not in ctx.qualified(name):
                    continue
                parent = tree.parents.get(call)
                bound = (
                    isinstance(parent, cst.Assign)
                    and len(parent.targets) == 1
                    and isinstance(parent.targets[0].target, cst.Name)
                    and parent.targets[0].target.value in ctx.tracked.glue_contexts
                )
                if not bound:
                    found.add(id(call))
        state.unbound = frozenset(found)
    return state.unbound


def _in_annotation(ctx: ConvertContext, node: cst.CSTNode) -> bool:
    """An original node inside a type annotation (of a parameter, a return, an annotated assignment)."""
    current = ctx.metadata.parents.get(node)
    while current is not None and not isinstance(current, cst.BaseStatement | cst.BaseSmallStatement | cst.Param):
        if isinstance(current, cst.Annotation):
            return True
        current = ctx.metadata.parents.get(current)
    return False


def _type_test(ctx: ConvertContext, node: cst.CSTNode) -> bool:
    """A class compared with (`type(x) == C`, `type(x) is C`) or given to isinstance/issubclass (also in a tuple)."""
    parents = ctx.metadata.parents
    parent = parents.get(node)
    if isinstance(parent, cst.Element):
        parent = parents.get(parents.get(parent, parent))  # (A, C) -> the Arg holding the tuple
    if isinstance(parent, cst.ComparisonTarget):
        parent = parents.get(parent)
    if isinstance(parent, cst.Comparison) and len(parent.comparisons) == 1:
        other = parent.comparisons[0].comparator if parent.left is node else parent.left
        return isinstance(other, cst.Call) and dotted(other.func) == ["type"]  # type(x) == C, type(x) is C
    call = parents.get(parent) if isinstance(parent, cst.Arg) else None
    return isinstance(call, cst.Call) and dotted(call.func) in (["isinstance"], ["issubclass"])


def _held_context(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """`self._gc` where the file assigns `self._gc = GlueContext(...)` (names.py lists those attributes)."""
    return isinstance(node, cst.Attribute) and ctx.tracked.is_glue_context(node)


def _aliases(names: list[str], session: str) -> list[cst.BaseStatement]:
    return [stmt(f"{name} = {session}  # g2l: kept for the Glue calls left for review") for name in names]


class _AliasInFunctions(cst.CSTTransformer):
    """Bind the glue context names a function still reads right after that function binds the session."""

    def __init__(self, names: list[str], session: str) -> None:
        super().__init__()
        self.names = names
        self.session = session
        self.done = False

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        body = updated.body
        if not isinstance(body, cst.IndentedBlock):
            return updated
        statements = list(body.body)
        at = next((i + 1 for i, s in enumerate(statements) if _binds_session(s, self.session)), None)
        names = [name for name in self.names if _loads(updated, name) and not any(_binds(s, name) for s in statements)]
        if at is None or not names:
            return updated
        self.done = True
        statements[at:at] = _aliases(names, self.session)
        return updated.with_changes(body=body.with_changes(body=statements))


def _after_prelude(body: Sequence[cst.BaseStatement]) -> int:
    """Index after a module docstring and its `from __future__` imports."""
    at = 0
    for statement in body:
        small = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) and statement.body else None
        docstring = at == 0 and isinstance(small, cst.Expr) and isinstance(small.value, cst.SimpleString)
        future = (
            isinstance(small, cst.ImportFrom)
            and isinstance(small.module, cst.Name)
            and small.module.value == "__future__"
        )
        if not (docstring or future):
            break
        at += 1
    return at


def _session(ctx: ConvertContext, original: cst.BaseExpression, updated: cst.BaseExpression) -> cst.BaseExpression:
    """The SparkSession expression for a glue context: the module's session, or the parameter itself (also where
    a parameter of an enclosing function shadows a glue context of the same name bound elsewhere)."""
    if isinstance(original, cst.Name) and original.value in ctx.tracked.glue_contexts:
        return session_of(ctx, original)
    return updated


_NO_SETTINGS: _Settings = (None, [])


def _is_context_call(call: cst.Call) -> bool:
    """SparkContext(...) or SparkContext.getOrCreate(...) (as written: the binding was tracked already)."""
    func = call.func
    return (isinstance(func, cst.Name) and func.value == "SparkContext") or (
        isinstance(func, cst.Attribute)
        and func.attr.value == "getOrCreate"
        and isinstance(func.value, (cst.Name, cst.Attribute))
        and code_of(func.value).endswith("SparkContext")
    )


def _context_settings(value: cst.BaseExpression) -> _Settings:
    """What a SparkContext(...) call sets: its SparkConf (conf=, or getOrCreate's argument) and other arguments."""
    if not isinstance(value, cst.Call):
        return _NO_SETTINGS
    get_or_create = isinstance(value.func, cst.Attribute) and value.func.attr.value == "getOrCreate"
    conf, others = None, []
    for index, item in enumerate(value.args):
        keyword = item.keyword.value if item.keyword is not None else None
        if keyword == "conf" or (keyword is None and get_or_create and index == 0 and not item.star):
            conf = code_of(item.value)
        else:
            others.append(keyword or code_of(item.value))
    return conf, others


def _bind_session_once(ctx: ConvertContext, statement: cst.CSTNode) -> bool:
    """True the first time a statement of this block binds the session; a second binding there is redundant."""
    try:
        block = ctx.metadata.get_metadata(ParentNodeProvider, statement)
    except KeyError:
        return True
    bound_in = ctx.state(_SessionState).bound_in
    first = id(block) not in bound_in
    bound_in.add(id(block))
    return first


def _imported(ctx: ConvertContext, name: cst.BaseExpression) -> bool:
    """`name` is bound by an import (`import gc`), not a glue context that happens to share a usual name."""
    try:
        found = ctx.metadata.get_metadata(QualifiedNameProvider, name, set())
    except KeyError:
        return False
    return any(q.source == QualifiedNameSource.IMPORT for q in found)


def _called(ctx: ConvertContext, attribute: cst.Attribute, names: Mapping[str, str]) -> bool:
    """`attribute` is the function of a call to one of `names` (leave_Call converts those)."""
    try:
        parent = ctx.metadata.get_metadata(ParentNodeProvider, attribute)
    except KeyError:
        return False
    return isinstance(parent, cst.Call) and parent.func is attribute and attribute.attr.value in names


def _loads(module: cst.CSTNode, name: str) -> bool:
    """The module still reads `name` outside functions whose own parameter of that name shadows it."""
    finder = _FreeUse(name)
    visit(module, finder)
    return finder.found


class _FreeUse(NodeVisitor):
    def __init__(self, name: str) -> None:
        self.name = name
        self.found = False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        params = [*node.params.params, *node.params.kwonly_params, *node.params.posonly_params]
        return all(param.name.value != self.name for param in params)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.found = True


def _binds(statement: cst.CSTNode, name: str) -> bool:
    binding = _assigned(statement) if isinstance(statement, cst.SimpleStatementLine) else None
    return binding is not None and binding[0] == name


def _binds_session(statement: cst.CSTNode, session: str) -> bool:
    binding = _assigned(statement) if isinstance(statement, cst.SimpleStatementLine) else None
    return binding is not None and binding[0] == session


class GlueLogger(Rule):
    """glueContext.get_logger() becomes the standard logging module; warn() becomes warning().

    Before::

        logger = glueContext.get_logger()
        logger.warn("late data")

    After::

        logger = logging.getLogger(__name__)
        logger.warning("late data")
    """

    id = "G2L003"
    name = "glue-logger"
    summary = "glueContext.get_logger() becomes logging.getLogger(__name__); warn() becomes warning()."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "get_logger"
            and ctx.tracked.is_glue_context(func.value)
        ):
            ctx.add_import("logging")
            return expr("logging.getLogger(__name__)")
        if (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.attr.value == "warn"
            and func.value.value in ctx.tracked.loggers
            and isinstance(updated.func, cst.Attribute)
        ):
            return updated.with_changes(func=updated.func.with_changes(attr=cst.Name("warning")))
        return updated


class JobLifecycle(Rule):
    """Job(glueContext), job.init(...) and job.commit() go, unless the job reads with job bookmarks.

    Before::

        job = Job(glueContext)
        job.init(args["JOB_NAME"], args)
        ...
        job.commit()

    After: the three statements are gone (a Databricks job run needs no Job). A job whose reads pass
    `transformation_ctx` relied on job bookmarks: it keeps the three statements, with glue_compat.Job (bookmark
    store: [convert] bookmarks)::

        job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
        job.init(args["JOB_NAME"], args)
        trades = glue_compat.bookmarked(spark, "trades").table("main.risk.trades")
        ...
        job.commit()

    init() takes `--job-bookmark-option` from the run's arguments as Glue does (enable, pause, disable; disable
    when absent); the reads (G2L101-G2L103) return only what the last committed run did not read, and commit()
    advances the bookmarks. A call of the job's own function that passes transformation_ctx gets a review item:
    if it reads a Glue source, that read now reads everything.

    A Job the code hands on (a library helper returning `(context, job)`) becomes glue_compat.Job too: its
    callers keep running, and no awsglue import is left; without bookmarked reads in the file its init() and
    commit() do nothing, and a review item says so.
    """

    id = "G2L004"
    name = "job-lifecycle"
    summary = "Job init/commit go, or keep the job bookmarks of reads with transformation_ctx (glue_compat.Job)."

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        if keeps_bookmarks(ctx):
            return updated
        small = _single(original)
        jobs = _removable_jobs(ctx, original)
        binding = _assigned(original)
        if binding is not None and binding[0] in jobs:
            return cst.RemovalSentinel.REMOVE
        call = small.value if isinstance(small, cst.Expr) else None
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and isinstance(call.func.value, cst.Name)
            and call.func.attr.value in ("init", "commit")
            and call.func.value.value in jobs
        ):
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """A Job the script hands on (returns it, passes it to a function) stays, with a review item; a job
        with bookmarks keeps its Job."""
        if "awsglue.job.Job" not in ctx.qualified(original.func):
            return updated
        try:
            parent = ctx.metadata.get_metadata(ParentNodeProvider, original)
        except KeyError:
            parent = None
        target = parent.targets[0].target if isinstance(parent, cst.Assign) and len(parent.targets) == 1 else None
        handed_on = not isinstance(target, cst.Name) or target.value not in _removable_jobs(ctx, original)
        if not handed_on and not keeps_bookmarks(ctx):
            return updated
        if handed_on and not keeps_bookmarks(ctx):  # with bookmarks, glue_compat.Job is the Job the reads need
            ctx.review(
                original,
                self.id,
                "this Glue Job object is handed on (stored, returned or given to a function): it is glue_compat's "
                "stand-in now, whose init() and commit() do nothing (a Databricks run needs no Job): the data is the "
                "same: remove it, "
                "and its init()/commit() calls, by hand",
            )
        ctx.add_import("glue_compat")
        job = updated.with_changes(func=expr("glue_compat.Job"))
        if keeps_bookmarks(ctx):
            store = cst.Arg(
                expr(py_string(ctx.config.bookmark_store())),
                keyword=cst.Name("bookmarks"),
                equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
            )
            job = job.with_changes(args=[*[a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in job.args], store])
        return job

    def leave_Arg(self, ctx: ConvertContext, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        if (
            original.keyword is not None
            and original.keyword.value == "transformation_ctx"
            and keeps_bookmarks(ctx)
            and not any(f.rule == self.id and f.message.startswith("a job bookmark") for f in ctx.findings)
        ):
            try:
                call = ctx.metadata.get_metadata(ParentNodeProvider, original)
            except KeyError:
                call = None
            if isinstance(call, cst.Call) and unbookmarked_call(ctx, call):
                ctx.review(
                    original,
                    self.id,
                    "a job bookmark named by this transformation_ctx: if this function reads a Glue source, "
                    "that read now reads all its input on every run (an append target gets the earlier rows "
                    "again): read through glue_compat.bookmarked(spark, <transformation_ctx>) as the converted "
                    "reads do",
                )
        return updated


@dataclass
class _JobState:
    """G2L004's per file: the removable Job names, counted on the first statement asked about."""

    removable: frozenset[str] | None = None


def _removable_jobs(ctx: ConvertContext, node: cst.CSTNode) -> frozenset[str]:
    """The Job names used only to be bound, init()ed and commit()ted: those statements can go."""
    state = ctx.state(_JobState)
    if state.removable is None:
        jobs = ctx.tracked.jobs
        lifecycle, uses = _job_uses(ctx.metadata, jobs) if jobs else ({}, {})
        state.removable = frozenset(name for name in jobs if lifecycle.get(name, 0) >= uses.get(name, 0))
    return state.removable


def _job_uses(tree: Tree, jobs: set[str]) -> tuple[dict[str, int], dict[str, int]]:
    """How often each Job name is bound to Job(...) or receives init()/commit(), and how often it appears, read
    from the module's nodes as the engine's one walk listed them (no walk of its own)."""
    lifecycle: dict[str, int] = {}
    uses: dict[str, int] = {}
    end_of_import = 0
    for at, node in enumerate(tree.nodes):
        if at < end_of_import:
            continue
        kind = type(node)  # every node of the file: type tests cost less than isinstance on libcst's ABCs
        if kind is cst.Import or kind is cst.ImportFrom:  # `import awsglue.job` does not use a name `job`
            end_of_import = tree.spans[node][1]
        elif kind is cst.Name and isinstance(node, cst.Name):  # isinstance only to narrow the type
            if node.value in jobs and not _attribute_name(tree, node):
                uses[node.value] = uses.get(node.value, 0) + 1
        elif kind is cst.Assign and isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name) and target.target.value in jobs:
                    lifecycle[target.target.value] = lifecycle.get(target.target.value, 0) + 1
        elif (
            kind is cst.Call
            and isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value in jobs
            and node.func.attr.value in ("init", "commit")
        ):
            lifecycle[node.func.value.value] = lifecycle.get(node.func.value.value, 0) + 1
    return lifecycle, uses


def _attribute_name(tree: Tree, name: cst.Name) -> bool:
    """`x.job`: the name after the dot, which does not use a name `job`."""
    parent = tree.parents.get(name)
    return isinstance(parent, cst.Attribute) and parent.attr is name


BLUEPRINT_PACKAGE = "awsglue.blueprint"
BLUEPRINT_MESSAGE = (
    "a Glue workflow blueprint layout (awsglue.blueprint): it defines the jobs, crawlers and triggers of a "
    "Glue workflow, not a job; carried over unchanged until workflow definitions are converted (on Databricks "
    "a workflow is a Lakeflow Jobs definition): as written, nothing on Databricks runs it"
)


class BlueprintLayout(Rule):
    """A Glue workflow blueprint layout (a file importing awsglue.blueprint) is carried over unchanged.

    Before::

        from awsglue.blueprint.workflow import *
        from awsglue.blueprint.job import *

        def generate_layout(user_params, system_params):
            ...
            return Workflow(Name=user_params["WorkflowName"], Entities=Entities(Jobs=[...]))

    After: the same file, with one review item above its first awsglue.blueprint import saying it defines a
    Glue workflow, not a job. No other rule touches it: its `Job(...)` is a workflow entity, not awsglue.job.Job.
    """

    id = "G2L006"
    name = "blueprint-layout"
    summary = "A Glue workflow blueprint layout (awsglue.blueprint) is carried over unchanged with a review item."

    def carry(self, ctx: ConvertContext, module: cst.Module) -> cst.Module | None:
        at = next((i for i, statement in enumerate(module.body) if _imports_blueprint(statement)), None)
        if at is None:
            return None
        statement = module.body[at]
        ctx.findings.append(Finding(ctx.path, ctx.line(statement), self.id, BLUEPRINT_MESSAGE))
        comment = f"# g2l: review {self.id}: {BLUEPRINT_MESSAGE}"
        assert isinstance(statement, cst.SimpleStatementLine)  # _imports_blueprint: an import line
        present = [*statement.leading_lines, *(module.header if at == 0 else ())]
        if any(line.comment is not None and line.comment.value == comment for line in present):
            return module
        marked = statement.with_changes(
            leading_lines=[*statement.leading_lines, cst.EmptyLine(comment=cst.Comment(comment))]
        )
        return module.with_changes(body=[*module.body[:at], marked, *module.body[at + 1 :]])


def _imports_blueprint(statement: cst.BaseStatement) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        if isinstance(small, cst.ImportFrom) and small.module is not None:
            names = [".".join(dotted(small.module))]
        elif isinstance(small, cst.Import):
            names = [".".join(dotted(alias.name)) for alias in small.names]
        else:
            continue
        if any(name == BLUEPRINT_PACKAGE or name.startswith(BLUEPRINT_PACKAGE + ".") for name in names):
            return True
    return False


ON_DATABRICKS = '"DATABRICKS_RUNTIME_VERSION" in os.environ'
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
FALLBACK_NOTE = (
    "# g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks cluster now "
    "(DATABRICKS_RUNTIME_VERSION is set), the ImportError fallback elsewhere (a local run)"
)


class GlueImportFallback(Rule):
    """A `try:` that imports awsglue with an `except ImportError:` fallback becomes a test for Databricks.

    Before::

        try:
            from awsglue.context import GlueContext
            IS_GLUE = True
        except ImportError:
            IS_GLUE = False  # local run

    After::

        # g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks cluster now ...
        if "DATABRICKS_RUNTIME_VERSION" in os.environ:
            IS_GLUE = True
        else:
            IS_GLUE = False  # local run

    Once converted, nothing in the Glue branch fails to import, so the fallback would never run again: the
    branch now runs where Glue ran (a Databricks cluster, which sets DATABRICKS_RUNTIME_VERSION), and the
    fallback stays for local runs. A flag set in the branch (IS_GLUE) therefore means "on Databricks". The
    try's else clause joins the branch. A fallback that binds a name an awsglue import bound (`GlueContext =
    None`) while code elsewhere still tests it is bound to glue_compat's stand-in in the branch (SessionContext
    for GlueContext, resolved_options for getResolvedOptions, Job), with a review item; a name glue_compat has
    no stand-in for is a review item. A try with a `finally`, other handlers, or a handler reading its
    exception is left as written.

    An `if` whose branch imports awsglue (`if RUNTIME == "glue":`) is converted like any code, and gets a
    review item: the branch is the Databricks run's now, so its test must hold there.
    """

    id = "G2L007"
    name = "glue-import-fallback"
    summary = "try: <awsglue imports> except ImportError: becomes if DATABRICKS_RUNTIME_VERSION in os.environ/else."

    def leave_Try(self, ctx: ConvertContext, original: cst.Try, updated: cst.Try) -> StatementResult:
        if not _glue_fallback(ctx, original) or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        handler = updated.handlers[0]
        body = self._stand_ins(ctx, original, list(updated.body.body))
        if updated.orelse is not None and isinstance(updated.orelse.body, cst.IndentedBlock):
            tail = list(updated.orelse.body.body)
            if tail and updated.orelse.leading_lines:
                first: Any = tail[0]
                tail[0] = first.with_changes(leading_lines=[*updated.orelse.leading_lines, *first.leading_lines])
            body += tail
        fallback = handler.body
        only_pass = isinstance(fallback, cst.IndentedBlock) and all(
            isinstance(s, cst.SimpleStatementLine) and all(isinstance(small, cst.Pass) for small in s.body)
            for s in fallback.body
        )
        comments = any(line.comment is not None for line in handler.leading_lines) or bool(
            ctx.metadata.comments_of(original.handlers[0], nested=True)
        )
        orelse = None if only_pass and not comments else cst.Else(body=fallback, leading_lines=handler.leading_lines)
        ctx.add_import("os")
        return cst.If(
            test=expr(ON_DATABRICKS),
            body=updated.body.with_changes(body=body),
            orelse=orelse,
            leading_lines=[*updated.leading_lines, cst.EmptyLine(comment=cst.Comment(FALLBACK_NOTE))],
        )

    def leave_If(self, ctx: ConvertContext, original: cst.If, updated: cst.If) -> StatementResult:
        """`if RUNTIME == "glue":` around awsglue imports: the branch is the Databricks run's now, if its test
        holds there."""
        body = original.body
        if not isinstance(body, cst.IndentedBlock):
            return updated
        if not any(isinstance(s, cst.SimpleStatementLine) and _glue_modules(s) for s in body.body):
            return updated
        if code_of(original.test) == ON_DATABRICKS:
            return updated
        parent = ctx.metadata.parents.get(original)
        if isinstance(parent, cst.If) and parent.orelse is original:
            return updated  # an elif: its review item would have no line of its own
        ctx.review(
            original,
            self.id,
            f"this branch imported awsglue, so it ran on Glue only; as converted, a Databricks run takes it only "
            f"if `{code_of(original.test)}` holds there, and else skips it: set that in the job's environment or "
            f"parameters, or test {ON_DATABRICKS}",
        )
        return updated

    def _stand_ins(
        self, ctx: ConvertContext, original: cst.Try, body: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """Names both an awsglue import of the try and its fallback bind, that code outside the try still reads
        as values (`if GlueContext is None`): on Databricks the branch binds glue_compat's stand-in instead of
        the import (a review item), or, for a name glue_compat has none for, the review item says it is unbound."""
        glue: dict[str, str] = {}
        for statement in original.body.body:
            if isinstance(statement, cst.SimpleStatementLine) and _glue_modules(statement):
                glue.update(_import_origins(statement))
        rebound = sorted(set(glue) & _top_bindings(original.handlers[0].body))
        read = [name for name in rebound if _read_as_value(ctx, original, name)]
        bound = {name: GLUE_STAND_INS[glue[name]] for name in read if glue[name] in GLUE_STAND_INS}
        unbound = [name for name in read if name not in bound]
        if unbound:
            ctx.review(
                original,
                self.id,
                f"the ImportError fallback binds {', '.join(unbound)}, which the awsglue import bound on Glue; on "
                "Databricks the first branch runs and leaves it unbound: as converted, the code that still reads it "
                "fails there (NameError) and the job stops: convert it",
            )
        if not bound:
            return body
        listed = ", ".join(f"{name} is glue_compat.{stand_in}" for name, stand_in in bound.items())
        ctx.review(
            original,
            self.id,
            f"the ImportError fallback rebinds what an awsglue import bound, and code below still tests it: on "
            f"Databricks {listed} (a stand-in): as converted, code that tests it takes the path it took on Glue: "
            "check what that code does with it",
        )
        ctx.add_import("glue_compat")
        assignments = [stmt(f"{name} = glue_compat.{stand_in}") for name, stand_in in bound.items()]
        kept: list[cst.BaseStatement] = []
        for statement in body:
            if not (isinstance(statement, cst.SimpleStatementLine) and _glue_modules(statement)):
                kept.append(statement)
                continue
            line = _without_names(statement, set(bound))
            if assignments:  # the stand-ins go where the first awsglue import line was, with its comments
                first: Any = assignments[0]
                kept += [first.with_changes(leading_lines=statement.leading_lines), *assignments[1:]]
                assignments = []
                line = line.with_changes(leading_lines=[]) if line is not None else None
            if line is not None:
                kept.append(line)
        return kept


def _read_as_value(ctx: ConvertContext, statement: cst.Try, name: str) -> bool:
    """`name` is read outside the try other than called (`GlueContext(sc)`) or as `name.attribute`, which
    the other rules convert: `if GlueContext is None`, an argument, a return value."""
    tree = ctx.metadata
    if tree.names_within(tree.wrapper.module, name) == tree.names_within(statement, name):
        return False
    start, end = tree.spans[statement]
    assert tree.spellings is not None  # names_within lists them
    for at in tree.spellings.get(name, []):
        if start <= at < end:
            continue
        node = tree.nodes[at]
        parent = tree.parents.get(node)
        if isinstance(parent, cst.Call) and parent.func is node:
            continue
        if isinstance(parent, cst.Attribute) and (parent.value is node or parent.attr is node):
            continue
        if isinstance(parent, cst.ImportAlias | cst.AsName | cst.ImportFrom) or _in_import(tree, node):
            continue
        return True
    return False


def _in_import(tree: Tree, node: cst.CSTNode) -> bool:
    current = tree.parents.get(node)
    while current is not None and not isinstance(current, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        if isinstance(current, cst.Import | cst.ImportFrom):
            return True
        current = tree.parents.get(current)
    return False


def _glue_fallback(ctx: ConvertContext, node: cst.Try) -> bool:
    """A try whose body imports awsglue directly, with one `except ImportError` handler (or ModuleNotFoundError)
    that does not read its exception, and no finally."""
    if node.finalbody is not None or len(node.handlers) != 1 or not isinstance(node.body, cst.IndentedBlock):
        return False
    if not any(isinstance(s, cst.SimpleStatementLine) and _glue_modules(s) for s in node.body.body):
        return False
    handler = node.handlers[0]
    caught = handler.type
    names = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    if not names or not all(isinstance(name, cst.Name) and name.value in IMPORT_ERRORS for name in names):
        return False
    bound = handler.name.name if handler.name is not None else None
    return not isinstance(bound, cst.Name) or ctx.metadata.names_within(handler.body, bound.value) == 0


# What glue_compat has for a name an awsglue import binds (compat/glue_compat.py).
GLUE_STAND_INS = {
    "awsglue.context.GlueContext": "SessionContext",
    "awsglue.utils.getResolvedOptions": "resolved_options",
    "awsglue.job.Job": "Job",
}


def _import_origins(statement: cst.SimpleStatementLine) -> dict[str, str]:
    """Name bound -> `module.name` it comes from, for the `from x import y` imports of a line."""
    found = {}
    for small in statement.body:
        if (
            isinstance(small, cst.ImportFrom)
            and small.module is not None
            and not isinstance(small.names, cst.ImportStar)
        ):
            module = ".".join(dotted(small.module))
            for alias in small.names:
                found[_asname(alias) or dotted(alias.name)[-1]] = f"{module}.{'.'.join(dotted(alias.name))}"
    return found


def _without_names(statement: cst.SimpleStatementLine, names: set[str]) -> cst.SimpleStatementLine | None:
    """An import line without the `from x import` names in `names`; None when nothing is left."""
    smalls: list[cst.BaseSmallStatement] = []
    for small in statement.body:
        if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
            kept = [alias for alias in small.names if (_asname(alias) or dotted(alias.name)[-1]) not in names]
            rebuilt = _rebuilt(small, kept)
            if isinstance(rebuilt, cst.RemovalSentinel):
                continue
            small = rebuilt
        smalls.append(small)
    if not smalls:
        return None
    smalls[-1] = smalls[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return statement.with_changes(body=smalls)


def _import_names(statement: cst.SimpleStatementLine) -> list[str]:
    names = []
    for small in statement.body:
        if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
            names += [_asname(alias) or dotted(alias.name)[-1] for alias in small.names]
        elif isinstance(small, cst.Import):
            names += [_asname(alias) or dotted(alias.name)[0] for alias in small.names]
    return names


def _top_bindings(suite: cst.BaseSuite) -> set[str]:
    """Names the statements of a block bind at its own level: assignments, imports, classes, functions."""
    found: set[str] = set()
    if isinstance(suite, cst.IndentedBlock):
        statements: list[cst.BaseStatement] = list(suite.body)
    elif isinstance(suite, cst.SimpleStatementSuite):
        statements = [cst.SimpleStatementLine(body=list(suite.body))]
    else:
        statements = []
    for statement in statements:
        if isinstance(statement, cst.ClassDef | cst.FunctionDef):
            found.add(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            found |= set(_import_names(statement))
            for small in statement.body:
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        found |= set(_target_names(target.target))
                elif isinstance(small, cst.AnnAssign):
                    found |= set(_target_names(small.target))
    return found


SESSION_CONTEXT = "glue_compat.SessionContext"
GLUE_ONLY_MEMBERS = CONVERTED_ELSEWHERE - SQL_CONTEXT_MEMBERS - {"spark_session"}


class GlueContextSubclass(Rule):
    """A class that subclasses GlueContext wraps the SparkSession instead: its base is glue_compat's.

    Before::

        class RiskContext(GlueContext):
            def limits(self):
                return self.spark_session.table("risk.limits")

    After::

        # g2l: review G2L008: RiskContext subclassed GlueContext: ...
        class RiskContext(glue_compat.SessionContext):
            def limits(self):
                return self.spark_session.table("risk.limits")

    glue_compat.SessionContext takes GlueContext's arguments and wraps the session: spark_session is the
    session, and what a GlueContext is as a SQLContext (sql, read, table, ...) reaches it, so helper methods
    built on those keep working. The review item names the Glue-only members the class calls on self
    (create_dynamic_frame, purge_s3_path, ...), which it does not have: those methods are converted by hand,
    as are callers that use such members on its instances.

    A class that subclasses Glue's Job (`class ReportJob(Job)`) gets glue_compat.Job as its base, whose
    init() and commit() do nothing, with a review item.
    """

    id = "G2L008"
    name = "glue-context-subclass"
    summary = "Subclasses of GlueContext and Job get glue_compat.SessionContext (wraps the session), glue_compat.Job."

    def leave_ClassDef(self, ctx: ConvertContext, original: cst.ClassDef, updated: cst.ClassDef) -> StatementResult:
        if len(updated.bases) != len(original.bases):
            return updated
        job = next((i for i, base in enumerate(original.bases) if GLUE_JOB in ctx.qualified(base.value)), None)
        if job is not None:
            updated = self._job_base(ctx, original, updated, job)
        at = next((i for i, base in enumerate(original.bases) if GLUE_CONTEXT in ctx.qualified(base.value)), None)
        if at is None:
            return updated
        used = sorted(_self_members(ctx, original) & GLUE_ONLY_MEMBERS)
        uses = (
            f"it calls Glue-only members on self ({', '.join(used)}), which the base does not have: convert "
            "those methods by hand: as written, those calls fail and the job stops there"
            if used
            else "code that uses Glue-only members on it (its other bases, its callers: create_dynamic_frame, "
            "write_dynamic_frame, ...) fails as written and needs converting by hand"
        )
        ctx.review(
            original,
            self.id,
            f"{original.name.value} subclassed GlueContext: its base is glue_compat.SessionContext now, which "
            f"wraps the SparkSession (spark_session, and sql, read, table... reach it); {uses}",
        )
        ctx.add_import("glue_compat")
        bases = list(updated.bases)
        bases[at] = bases[at].with_changes(value=expr(SESSION_CONTEXT))
        return updated.with_changes(bases=bases)

    def _job_base(self, ctx: ConvertContext, original: cst.ClassDef, updated: cst.ClassDef, at: int) -> cst.ClassDef:
        """`class ReportJob(Job)`: glue_compat.Job is its base, whose init() and commit() do nothing."""
        ctx.review(
            original,
            self.id,
            f"{original.name.value} subclassed Glue's Job: its base is glue_compat.Job now, whose init() and commit() "
            "do nothing (a Databricks run needs no Job, and has no job bookmarks to commit): as converted, the data is "
            "the same",
        )
        ctx.add_import("glue_compat")
        bases = list(updated.bases)
        bases[at] = bases[at].with_changes(value=expr("glue_compat.Job"))
        return updated.with_changes(bases=bases)


GLUE_JOB = "awsglue.job.Job"


def _self_members(ctx: ConvertContext, node: cst.ClassDef) -> set[str]:
    """The attributes a class's body reads from `self`, from the engine's walk."""
    tree = ctx.metadata
    start, end = tree.spans[node]
    found = set()
    for inner in tree.nodes[start:end]:
        if isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name) and inner.value.value == "self":
            found.add(inner.attr.value)
    return found


# Glue's reader and writer methods -> the DataFrameReader/DataFrameWriter method a converted job calls instead.
TEST_DOUBLE_TARGETS = {
    "awsglue.dynamicframe.DynamicFrameReader": (
        "DataFrameReader",
        {"from_catalog": "table", "from_options": "load"},
    ),
    "awsglue.dynamicframe.DynamicFrameWriter": (
        "DataFrameWriter",
        {"from_catalog": "saveAsTable", "from_options": "save", "from_jdbc_conf": "save"},
    ),
}


TEST_DOUBLE_CLASSES = frozenset({"DynamicFrameReader", "DynamicFrameWriter", "GlueContext"})
# A glue context's reader and writer methods -> what converted jobs call instead.
CONTEXT_DOUBLES = {
    "create_dynamic_frame_from_catalog": "DataFrameReader.table",
    "create_data_frame_from_catalog": "DataFrameReader.table",
    "create_dynamic_frame_from_options": "DataFrameReader.load",
    "create_data_frame_from_options": "DataFrameReader.load",
    "write_dynamic_frame_from_catalog": "DataFrameWriter.saveAsTable",
    "write_data_frame_from_catalog": "DataFrameWriter.saveAsTable",
    "write_dynamic_frame_from_options": "DataFrameWriter.save",
    "write_from_options": "DataFrameWriter.save",
}


class GlueTestDoubles(Rule):
    """Tests that patch Glue's reader and writer classes patch Spark's: what converted jobs call.

    Before::

        DynamicFrameReader.from_catalog = fake_catalog_read
        DynamicFrameWriter.from_options = MagicMock()

    After::

        # g2l: review G2L009: this test double patched DynamicFrameReader.from_catalog; ...
        DataFrameReader.table = fake_catalog_read
        # g2l: review G2L009: ...
        DataFrameWriter.save = MagicMock()

    A converted job reads a catalog table with spark.read.table(name) and a path with
    spark.read.format(...).load(path), and writes with saveAsTable/save; a fixture that replaced Glue's
    methods replaces those, so it still intercepts the job's reads and writes. Their parameters differ
    (table takes one "catalog.schema.table" name where from_catalog took database and table_name): the
    review item says which method the double stands for now, to adapt its parameters. A test patching a
    GlueContext member (purge_s3_path) is a review item: converted jobs do not call it on a GlueContext; so is
    one replacing a reader or writer method on a glue context instance (`gc.create_dynamic_frame_from_catalog =
    Mock()`), which is the SparkSession now: the item names the Spark method to patch.
    """

    id = "G2L009"
    name = "glue-test-doubles"
    summary = "Tests patching DynamicFrameReader/Writer methods patch DataFrameReader/Writer's; GlueContext's: review."

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        receiver = original.value
        glue_class = (
            receiver.value
            if isinstance(receiver, cst.Name)
            else receiver.attr.value
            if isinstance(receiver, cst.Attribute)
            else ""
        )
        if glue_class not in TEST_DOUBLE_CLASSES:  # cheap: this runs on every attribute
            if ctx.tracked.is_glue_context(receiver) and original.attr.value in CONTEXT_DOUBLES:
                self._context_double(ctx, original)
            return updated
        qualified = ctx.qualified(receiver)
        member = original.attr.value
        if GLUE_CONTEXT in qualified and isinstance(ctx.metadata.parents.get(original), cst.AssignTarget):
            ctx.review(
                original,
                self.id,
                f"this test double patches GlueContext.{member}; converted jobs do not call it on a GlueContext "
                "(they use a SparkSession): as written, the double is never called: patch what the converted job calls "
                "instead",
            )
            return updated
        target = next((TEST_DOUBLE_TARGETS[q] for q in sorted(qualified) if q in TEST_DOUBLE_TARGETS), None)
        if target is None:
            return updated
        spark_class, methods = target
        ctx.add_import("pyspark.sql", spark_class)
        glue_class = code_of(receiver)
        if member in methods and isinstance(ctx.metadata.parents.get(original), cst.AssignTarget):
            ctx.review(
                original,
                self.id,
                f"this test double patched {glue_class}.{member}; converted jobs call {spark_class}.{methods[member]} "
                "instead, so it patches that now: as converted, a double whose parameters differ fails when the job "
                "calls it: check its parameters",
            )
        return updated.with_changes(value=cst.Name(spark_class), attr=cst.Name(methods.get(member, member)))

    def _context_double(self, ctx: ConvertContext, original: cst.Attribute) -> None:
        """`glue_context.create_dynamic_frame_from_catalog = Mock()`: the context is the session now, and converted
        jobs call Spark's reader or writer."""
        if not isinstance(ctx.metadata.parents.get(original), cst.AssignTarget):
            return
        member = original.attr.value
        ctx.review(
            original,
            self.id,
            f"this test double replaces {code_of(original)}, but the glue context is the SparkSession now and "
            f"converted jobs call {CONTEXT_DOUBLES[member]} instead: as written, the double is never called: patch "
            "that (pytest's monkeypatch.setattr)",
        )


RULES_IN_ORDER: tuple[type[Rule], ...] = (
    AwsglueImports,
    SparkSessionSetup,
    GlueLogger,
    JobLifecycle,
    BlueprintLayout,
    GlueImportFallback,
    GlueContextSubclass,
    GlueTestDoubles,
)
