"""What the DynamicFrame rules (frames.py) share: a method call read in whichever form it was written, whether
a value is a DynamicFrame, the code the conversions write, and FrameRule, the shape of a one-method rule.

Every transform class call (`ApplyMapping.apply(frame=f, mappings=m)`, `ApplyMapping.apply(f, m)`,
`T.ApplyMapping.apply(...)`, `ApplyMapping()(frame=f, ...)`, star imports included) is read as the method call
it stands for (`f.apply_mapping(m)`), with its arguments bound to the method's parameter names, whether they
were passed by keyword or by position (frame_call). A FrameRule that cannot convert a call leaves a method call
as written, and a transform class call as the method call it stands for (method_form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar, NamedTuple

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, QualifiedNameProvider, QualifiedNameSource

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.names import AMBIGUOUS_KIND, COLLECTION_TYPES, DATA_QUALITY_TYPES, FRAME_TYPES
from g2l_merge.convert.rules.base import Rule, code_of, expr

THRESHOLDS_RULE = "G2L323"  # ErrorChannel (frames.py): error thresholds are its review items
GLUE_TAIL = ("transformation_ctx", "info", "stageThreshold", "totalThreshold")
# DynamicFrame (and DynamicFrameCollection) methods: their parameters, in order.
METHODS: dict[str, tuple[str, ...]] = {
    "apply_mapping": ("mappings", "case_sensitive", *GLUE_TAIL),
    "applyMapping": ("mappings", "case_sensitive", *GLUE_TAIL),
    "resolveChoice": ("specs", "choice", "database", "table_name", *GLUE_TAIL, "catalog_id"),
    "drop_null_fields": GLUE_TAIL,  # DropNullFields has no method: this is its name here
    "select_fields": ("paths", *GLUE_TAIL),
    "drop_fields": ("paths", *GLUE_TAIL),
    "rename_field": ("oldName", "newName", *GLUE_TAIL),
    "split_fields": ("paths", "name1", "name2", *GLUE_TAIL),
    "split_rows": ("comparison_dict", "name1", "name2", *GLUE_TAIL),
    "join": ("paths1", "paths2", "frame2", *GLUE_TAIL),
    "union": ("other_frame", *GLUE_TAIL),
    "filter": ("f", *GLUE_TAIL),
    "map": ("f", "preservesPartitioning", *GLUE_TAIL),
    "unbox": ("path", "format", *GLUE_TAIL),
    "unnest": GLUE_TAIL,
    "relationalize": ("root_table_name", "staging_path", "options", *GLUE_TAIL),
    "spigot": ("path", "options", *GLUE_TAIL),
    "repartition": ("num_partitions", *GLUE_TAIL),
    "coalesce": ("num_partitions", "shuffle", *GLUE_TAIL),
    "mergeDynamicFrame": (
        "stage_dynamic_frame",
        "primary_keys",
        "transformation_ctx",
        "options",
        "info",
        "stageThreshold",
        "totalThreshold",
    ),
    "errorsAsDynamicFrame": (),
    "errorsCount": (),
    "stageErrorsCount": (),
    "assertErrorThreshold": (),
    "toDF": ("options",),
    "schema": (),
    "getNumPartitions": (),
    "show": ("num_rows",),
    "unnest_ddb_json": GLUE_TAIL,
    "simplify_ddb_json": (),
    # on a DynamicFrameCollection
    "select": ("key", "transformation_ctx"),
    "collection_map": ("callable", "transformation_ctx"),
    "collection_flatmap": ("f", "transformation_ctx"),
}
# Methods no DataFrame, RDD or dict has: the name alone says the receiver is a DynamicFrame.
GLUE_ONLY = frozenset(
    {
        "apply_mapping",
        "applyMapping",
        "resolveChoice",
        "select_fields",
        "drop_fields",
        "rename_field",
        "split_fields",
        "split_rows",
        "unbox",
        "unnest",
        "relationalize",
        "spigot",
        "mergeDynamicFrame",
        "errorsAsDynamicFrame",
        "errorsCount",
        "stageErrorsCount",
        "assertErrorThreshold",
        "unnest_ddb_json",
        "simplify_ddb_json",
    }
)
# Frame methods whose result is a DynamicFrame too.
FRAME_RESULTS = GLUE_ONLY - {
    "split_fields",
    "split_rows",
    "relationalize",
    "errorsCount",
    "stageErrorsCount",
    "assertErrorThreshold",
} | {"filter", "map", "join", "union", "repartition", "coalesce", "with_frame_schema"}
COLLECTION_RESULTS = frozenset({"split_fields", "split_rows", "relationalize"})
RDD_SOURCES = frozenset({"parallelize", "textFile", "wholeTextFiles", "emptyRDD", "binaryFiles"})
FROM_DF = frozenset(f"{t}.fromDF" for t in FRAME_TYPES)
# Calls that return a DynamicFrame: DynamicFrame.fromDF(...), EvaluateDataQuality.apply(...) (its rule outcomes).
FRAME_RETURNING = FROM_DF | frozenset(f"{t}.apply" for t in DATA_QUALITY_TYPES)
STUDIO_TRANSFORMS = frozenset({"EvaluateDataQuality"})  # Glue Studio's family (G2L4xx) handles these
FRAME, OTHER, UNKNOWN = "frame", "other", "unknown"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Transform(NamedTuple):
    method: str
    params: tuple[str, ...]  # the class's own parameters; the frame is renamed to "frame"
    renames: Mapping[str, str] = {}


TRANSFORMS: dict[str, Transform] = {
    "ApplyMapping": Transform("apply_mapping", ("frame", "mappings", "case_sensitive", *GLUE_TAIL)),
    "ResolveChoice": Transform(
        "resolveChoice", ("frame", "specs", "choice", "database", "table_name", *GLUE_TAIL, "catalog_id")
    ),
    "DropNullFields": Transform("drop_null_fields", ("frame", *GLUE_TAIL)),
    "SelectFields": Transform("select_fields", ("frame", "paths", *GLUE_TAIL)),
    "DropFields": Transform("drop_fields", ("frame", "paths", *GLUE_TAIL)),
    "RenameField": Transform(
        "rename_field", ("frame", "old_name", "new_name", *GLUE_TAIL), {"old_name": "oldName", "new_name": "newName"}
    ),
    "SplitFields": Transform("split_fields", ("frame", "paths", "name1", "name2", *GLUE_TAIL)),
    "SplitRows": Transform("split_rows", ("frame", "comparison_dict", "name1", "name2", *GLUE_TAIL)),
    "Join": Transform(
        "join",
        ("frame1", "frame2", "keys1", "keys2", "transformation_ctx"),
        {"frame1": "frame", "keys1": "paths1", "keys2": "paths2"},
    ),
    "Union": Transform("union", ("frame1", "frame2", *GLUE_TAIL), {"frame1": "frame", "frame2": "other_frame"}),
    "Filter": Transform("filter", ("frame", "f", *GLUE_TAIL)),
    "Map": Transform("map", ("frame", "f", "preservesPartitioning", *GLUE_TAIL)),
    "Unbox": Transform("unbox", ("frame", "path", "format", *GLUE_TAIL)),
    "UnnestFrame": Transform("unnest", ("frame", *GLUE_TAIL)),
    "Relationalize": Transform(
        "relationalize", ("frame", "staging_path", "name", "options", *GLUE_TAIL), {"name": "root_table_name"}
    ),
    "Spigot": Transform("spigot", ("frame", "path", "options", "transformation_ctx")),
    "Repartition": Transform("repartition", ("frame", "num_partitions", *GLUE_TAIL)),
    "Coalesce": Transform("coalesce", ("frame", "num_partitions", "shuffle", *GLUE_TAIL)),
    "ErrorsAsDynamicFrame": Transform("errorsAsDynamicFrame", ("frame",)),
    "SelectFromCollection": Transform("select", ("dfc", "key", "transformation_ctx"), {"dfc": "frame"}),
}
COLLECTION_TRANSFORMS = frozenset({"SplitFields", "SplitRows", "Relationalize"})


# ---- reading a call ---------------------------------------------------------------------------------------


class FrameCall(NamedTuple):
    """A DynamicFrame method call, whichever form it was written in."""

    method: str
    receiver: cst.BaseExpression  # converted
    source: cst.BaseExpression  # as written, for metadata
    args: dict[str, cst.BaseExpression]  # converted, by the method's parameter names
    sources: dict[str, cst.BaseExpression]  # as written
    options: dict[str, cst.BaseExpression]  # keywords beyond the parameters (unbox's **options)
    transform: bool  # written as an awsglue.transforms class call
    names: tuple[str, ...]  # the parameter each written argument went to


class _Bound(NamedTuple):
    args: dict[str, cst.BaseExpression]
    sources: dict[str, cst.BaseExpression]
    options: dict[str, cst.BaseExpression]
    names: list[str]


def frame_call(ctx: ConvertContext, original: cst.Call, updated: cst.BaseExpression) -> FrameCall | None:
    """The method call `original` stands for, with `updated`'s converted arguments; None for anything else."""
    if not isinstance(updated, cst.Call) or len(updated.args) != len(original.args):
        return None
    name = transform_name(ctx, original)
    if name is not None:
        return _transform_call(name, original, updated)
    func = original.func
    if not isinstance(func, cst.Attribute) or not isinstance(updated.func, cst.Attribute):
        return None
    method = _method(ctx, func)
    params = METHODS.get(method)
    bound = None if params is None else bind_arguments(params, {}, original, updated, method == "unbox")
    if bound is None:
        return None
    return FrameCall(
        method, updated.func.value, func.value, bound.args, bound.sources, bound.options, False, tuple(bound.names)
    )


def _method(ctx: ConvertContext, func: cst.Attribute) -> str:
    method = func.attr.value
    if method in ("select", "map", "flatmap") and is_collection(ctx, func.value):
        return "select" if method == "select" else f"collection_{method}"
    return "" if method in ("select", "flatmap") else method


def _transform_call(name: str, original: cst.Call, updated: cst.Call) -> FrameCall | None:
    spec = TRANSFORMS.get(name)
    bound = None if spec is None else bind_arguments(spec.params, spec.renames, original, updated, name == "Unbox")
    if spec is None or bound is None or "frame" not in bound.args:
        return None
    receiver, source = bound.args.pop("frame"), bound.sources.pop("frame")
    return FrameCall(spec.method, receiver, source, bound.args, bound.sources, bound.options, True, tuple(bound.names))


def bind_arguments(
    params: tuple[str, ...], renames: Mapping[str, str], original: cst.Call, updated: cst.Call, more_keywords: bool
) -> _Bound | None:
    """Arguments by parameter name; None for *args/**kwargs, too many arguments or an unknown keyword."""
    bound = _Bound({}, {}, {}, [])
    position = 0
    for written, converted in zip(original.args, updated.args, strict=True):
        if written.star:
            return None
        if written.keyword is None:
            if position >= len(params):
                return None
            name = params[position]
            position += 1
        else:
            name = written.keyword.value
            if name not in params:
                if not more_keywords:
                    return None
                bound.options[name] = converted.value
                bound.names.append(name)
                continue
        name = renames.get(name, name)
        if name in bound.args:
            return None
        bound.args[name], bound.sources[name] = converted.value, written.value
        bound.names.append(name)
    return bound


def transform_name(ctx: ConvertContext, call: cst.Call) -> str | None:
    """`ApplyMapping` for `ApplyMapping.apply(...)` or `ApplyMapping()(...)`, however it was imported."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "apply":
        target: cst.BaseExpression = func.value
    elif isinstance(func, cst.Call) and not func.args:
        target = func.func
    else:
        return None
    for qualified in sorted(ctx.qualified(target)):
        if qualified.startswith("awsglue.transforms."):
            return qualified.rsplit(".", 1)[1]
    return None


def frame_kind(ctx: ConvertContext, node: cst.BaseExpression) -> str:
    """FRAME for a DynamicFrame, OTHER for an RDD, a DataFrame or a collection, UNKNOWN when it cannot be told."""
    tracked = ctx.tracked
    if isinstance(node, cst.Name):
        if node in tracked.assumed:
            return FRAME
        flow = tracked.flow_kind(node, ctx.metadata.parents)
        if flow == FRAME or (flow is None and node.value in tracked.frames):
            return FRAME
        if flow == OTHER or node.value in tracked.collections or bound_by_import(ctx, node):
            return OTHER
        return UNKNOWN  # AMBIGUOUS too: a DynamicFrame on one path only (is_ambiguous)
    if isinstance(node, cst.Subscript):
        return FRAME if is_collection(ctx, node.value) else UNKNOWN
    if isinstance(node, cst.Attribute):
        return OTHER if node.attr.value == "rdd" else UNKNOWN
    if not isinstance(node, cst.Call):
        return UNKNOWN
    name = transform_name(ctx, node)
    if name is not None:
        return OTHER if name in COLLECTION_TRANSFORMS else FRAME
    if ctx.qualified(node.func) & FRAME_RETURNING:
        return FRAME
    return _call_kind(ctx, node)


def is_ambiguous(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """A name that holds a DynamicFrame on one path to this point and something else on another."""
    return isinstance(node, cst.Name) and ctx.tracked.flow_kind(node, ctx.metadata.parents) == AMBIGUOUS_KIND


def bound_by_import(ctx: ConvertContext, node: cst.Name) -> bool:
    """`glue_compat` in `glue_compat.unnest(df)`: a name an import binds is no frame."""
    try:
        names = ctx.metadata.get_metadata(QualifiedNameProvider, node, set())
    except KeyError:
        return False
    return any(name.source is QualifiedNameSource.IMPORT and name.name == node.value for name in names)


def _call_kind(ctx: ConvertContext, node: cst.Call) -> str:
    func = node.func
    if isinstance(func, cst.Name):
        return FRAME if func.value in ctx.tracked.frame_functions else UNKNOWN
    if not isinstance(func, cst.Attribute):
        return UNKNOWN
    method, receiver = func.attr.value, func.value
    if (
        method.startswith("create_dynamic_frame")
        or method == "getFrame"
        or (isinstance(receiver, cst.Attribute) and receiver.attr.value == "create_dynamic_frame")
    ):
        return FRAME
    if method == "select" and is_collection(ctx, receiver):
        return FRAME
    if method in RDD_SOURCES or method == "toDF":
        return OTHER
    kind = frame_kind(ctx, receiver)
    if kind == FRAME and method in COLLECTION_RESULTS:
        return OTHER
    if method in FRAME_RESULTS and (kind == FRAME or method in GLUE_ONLY):
        return FRAME
    return OTHER if kind == OTHER else UNKNOWN


def is_collection(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """A DynamicFrameCollection: a tracked name, a collection transform, split_*/relationalize on a frame."""
    if isinstance(node, cst.Name):
        return node.value in ctx.tracked.collections
    if not isinstance(node, cst.Call):
        return False
    if transform_name(ctx, node) in COLLECTION_TRANSFORMS or ctx.qualified(node.func) & COLLECTION_TYPES:
        return True
    func = node.func
    return isinstance(func, cst.Attribute) and func.attr.value in COLLECTION_RESULTS


# ---- writing code -----------------------------------------------------------------------------------------


def functions_alias(ctx: ConvertContext, node: cst.CSTNode) -> str:
    """The name pyspark.sql.functions has in this file; `F`, imported, when it has none."""
    module = module_of(ctx, node)
    alias = _imported_functions(module) if module is not None else None
    if alias is not None:
        return alias
    alias = "F" if "F" not in ctx.tracked.uses else "SqlFuncs"
    ctx.add_import("pyspark.sql", "functions", alias)
    return alias


def module_of(ctx: ConvertContext, node: cst.CSTNode) -> cst.Module | None:
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, cst.Module):
        current = parent_of(ctx, current)
    return current


def parent_of(ctx: ConvertContext, node: cst.CSTNode) -> cst.CSTNode | None:
    try:
        parent: cst.CSTNode = ctx.metadata.get_metadata(ParentNodeProvider, node)
    except KeyError:
        return None
    return parent


def _imported_functions(module: cst.Module) -> str | None:
    for statement in module.body:
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and code_of(small.module) == "pyspark.sql"
                and not isinstance(small.names, cst.ImportStar)
            ):
                for alias in small.names:
                    if code_of(alias.name) == "functions":
                        return code_of(alias.asname.name) if alias.asname else "functions"
            if isinstance(small, cst.Import):
                for alias in small.names:
                    if code_of(alias.name) == "pyspark.sql.functions":
                        return code_of(alias.asname.name) if alias.asname else "pyspark.sql.functions"
    return None


def compat(ctx: ConvertContext, function: str, *arguments: str) -> cst.BaseExpression:
    """A call of glue_compat.<function>, imported."""
    ctx.add_import("glue_compat")
    return expr(f"glue_compat.{function}({', '.join(arguments)})")


def receiver(node: cst.BaseExpression) -> str:
    """Code for `node` as the receiver of a method call (in parentheses when it needs them)."""
    return code_of(node) if _atomic(node) else f"({code_of(node)})"


def standalone(node: cst.BaseExpression) -> cst.BaseExpression:
    """`node` in place of a call: parenthesised when it would not bind as tightly as one."""
    if _atomic(node):
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _atomic(node: cst.BaseExpression) -> bool:
    return bool(node.lpar) or isinstance(
        node,
        (
            cst.Name,
            cst.Attribute,
            cst.Call,
            cst.Subscript,
            cst.SimpleString,
            cst.List,
            cst.Dict,
            cst.ConcatenatedString,
            cst.FormattedString,
        ),
    )


def line_indent(ctx: ConvertContext, node: cst.CSTNode) -> str:
    """The indentation of the line `node` starts on, beyond its block's (libcst adds the block's own)."""
    start = _position(ctx, node)
    if start is None:
        return ""
    column, current = start[1], node
    while (parent := parent_of(ctx, current)) is not None and not isinstance(parent, (cst.Module, cst.IndentedBlock)):
        position = _position(ctx, parent)
        if position is not None and position[0] == start[0]:
            column = position[1]
        current = parent
    block = _position(ctx, parent) if isinstance(parent, cst.IndentedBlock) else None
    return " " * (column - (block[1] if block else 0))


def _position(ctx: ConvertContext, node: cst.CSTNode) -> tuple[int, int] | None:
    try:
        start = ctx.metadata.get_metadata(PositionProvider, node).start
    except KeyError:
        return None
    return int(start.line), int(start.column)


ONE_LINE_ARGUMENTS = 120  # longer argument lists get a line each, as a person (or black) would write them


def arguments(items: list[str], multiline: bool, indent: str) -> str:
    """`(a, b)`, or one argument per line under `indent` when the code they came from spanned lines or one line
    would be too long to read (a line per column also keeps the mirror's diffs to the columns that changed)."""
    one_line = "(" + ", ".join(items) + ")"
    if not multiline and (len(items) < 2 or len(one_line) <= ONE_LINE_ARGUMENTS):
        return one_line
    return "(\n" + "".join(f"{indent}    {item},\n" for item in items) + f"{indent})"


def spans_lines(node: cst.CSTNode | None) -> bool:
    return node is not None and "\n" in code_of(node)


def is_literal(node: cst.BaseExpression | None, *values: str) -> bool:
    return node is not None and code_of(node).strip() in values


def catalog_table(config: ConvertConfig, database: str, table: str) -> str:
    """The Unity Catalog name of a Glue table: `catalog.database.table`, per-database overrides applied."""
    schema = config.databases.get(database) or f"{config.catalog}.{database}"
    return ".".join(part if IDENTIFIER.fullmatch(part) else f"`{part}`" for part in [*schema.split("."), table])


# ---- the family's shape -----------------------------------------------------------------------------------


class FrameRule(Rule):
    """One DynamicFrame method, in its method and its transform-class form."""

    methods: ClassVar[frozenset[str]] = frozenset()
    written_names: ClassVar[frozenset[str]] = frozenset()  # attribute names a call of these methods ends in

    def __init_subclass__(cls) -> None:
        cls.written_names = frozenset({"apply", *(method.removeprefix("collection_") for method in cls.methods)})
        # leave_Call's first test, told to the engine (base.Rule.call_names); not for a rule with a leave_Call of
        # its own
        cls.call_names = cls.written_names if cls.leave_Call is FrameRule.leave_Call else None

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if isinstance(func, cst.Attribute) and func.attr.value not in self.written_names:
            return updated  # the common case, decided without reading the call
        call = frame_call(ctx, original, updated)
        if call is None or call.method not in self.methods:
            return updated
        reviewed = len(ctx.findings)
        if not self.accepts(ctx, original, call):
            if len(ctx.findings) == reviewed and self._accepts_as_frame(ctx, original, call):
                ctx.review(
                    original,
                    self.id,
                    f"{code_of(call.source)} is a DynamicFrame on one path to here and not on another: "
                    f"{call.method} is left as written: where it was a DynamicFrame, this is the DataFrame's own "
                    f"{call.method} now{_own_method(call.method)}: convert it by hand there",
                )
            return updated
        reviewed = len(ctx.findings)
        converted = self.convert(ctx, original, call)
        if converted is None:
            if len(ctx.findings) == reviewed:
                ctx.review(
                    original,
                    self.id,
                    f"{call.method} without the arguments Glue requires: {LEFT_FAILS}: convert it by hand",
                )
            return method_form(updated, call) if call.transform else updated
        _review_thresholds(ctx, original, call)
        return converted

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        if call.transform:
            return True
        kind = frame_kind(ctx, call.source)
        return kind == FRAME or (kind == UNKNOWN and call.method in GLUE_ONLY)

    def _accepts_as_frame(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        """An ambiguous receiver (names.py) that this rule would convert were it known to be a DynamicFrame."""
        if call.transform or self.same_on_a_data_frame(original, call) or not is_ambiguous(ctx, call.source):
            return False
        ctx.tracked.assumed.add(call.source)
        findings, reviews = len(ctx.findings), {key: list(lines) for key, lines in ctx.reviews.items()}
        try:
            return self.accepts(ctx, original, call)
        finally:
            ctx.tracked.assumed.discard(call.source)
            del ctx.findings[findings:]
            ctx.reviews = reviews

    def same_on_a_data_frame(self, original: cst.Call, call: FrameCall) -> bool:
        """The call means the same on a DataFrame as on a DynamicFrame: an ambiguous receiver needs no review."""
        return False

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        raise NotImplementedError


# What a frame call left as written does on Databricks: its frame is a DataFrame there, which has no Glue method
# (and awsglue, which a Glue transform needs, is not installed).
LEFT_FAILS = "as written, it fails on Databricks and the job stops"


def _own_method(method: str) -> str:
    """What the DataFrame's method of a Glue frame method's name does differently, where that is known."""
    if method == "union":
        return ", which matches columns by position, not by name as Glue did"
    return " (or it fails, where a DataFrame has none)"


def method_form(updated: cst.Call, call: FrameCall) -> cst.Call:
    """A transform class call left for review, written as the method call it stands for (its arguments by
    keyword), so that the file keeps no awsglue name: `ResolveChoice.apply(frame=f, choice=c)` is
    `f.resolveChoice(choice=c)`.
    """
    args = [
        arg.with_changes(
            keyword=cst.Name(name),
            equal=arg.equal
            if arg.keyword
            else cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
        )
        for arg, name in zip(updated.args, call.names, strict=True)
        if name != "frame"
    ]
    if args and updated.args[-1].comma == cst.MaybeSentinel.DEFAULT:
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return updated.with_changes(func=cst.Attribute(standalone(call.receiver), cst.Name(call.method)), args=args)


def _review_thresholds(ctx: ConvertContext, original: cst.Call, call: FrameCall) -> None:
    for name in ("stageThreshold", "totalThreshold"):
        value = call.args.get(name)
        if value is not None and not is_literal(value, "0"):
            ctx.review(
                original,
                THRESHOLDS_RULE,
                f"{name}: Glue failed the job past that many error records; "
                "Spark keeps no error records (a bad value fails the job or becomes null): as converted, nothing "
                "counts them against that threshold: check the data checks this relied on",
            )
            return
