"""Spark Connect: a statement that needs the SparkContext or the RDD API gets a review item, since Databricks
serverless compute and standard access mode clusters run Spark Connect clients, which have neither."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from g2l_merge.convert.context import ConvertContext, Finding
from g2l_merge.convert.names import dotted
from g2l_merge.convert.rules.base import Rule, StatementResult, code_of
from g2l_merge.convert.tree import LAYOUT, NodeVisitor, visit

RULE_ID = "G2L010"
# https://docs.databricks.com/aws/en/compute/serverless/limitations: "Only Spark Connect APIs are supported.
# Spark RDD APIs are not supported."; standard access mode clusters have the same limit, dedicated ones do not.
_WHERE = "which Databricks serverless and standard access mode compute (Spark Connect) do not have"
SPARK_CONTEXT = (
    f"this line uses the SparkContext, {_WHERE}: as written, there it fails and the job stops here: use the "
    "SparkSession (spark.conf, spark.createDataFrame(rows), "
    "spark.read), or run the job on dedicated (classic) compute"
)
RDD = (
    f"this line uses the RDD API, {_WHERE}: as written, there it fails and the job stops here: use DataFrames "
    "(spark.createDataFrame(rows), spark.read; a Python "
    "UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute"
)
NUM_PARTITIONS = (
    f"df.rdd.getNumPartitions() uses the RDD API, {_WHERE}, and a DataFrame has no partition count of its own: "
    "as written, there it fails and the job stops here: "
    "drop it, count distinct F.spark_partition_id() values, or run the job on dedicated (classic) compute"
)
# SparkContext methods that make an RDD (a name bound to their result holds one)
_RDD_MAKERS = frozenset(
    {
        "parallelize",
        "textFile",
        "wholeTextFiles",
        "binaryFiles",
        "binaryRecords",
        "emptyRDD",
        "union",
        "range",
        "pickleFile",
        "sequenceFile",
        "hadoopFile",
        "hadoopRDD",
        "newAPIHadoopFile",
        "newAPIHadoopRDD",
    }
)
# RDD methods that return an RDD
_RDD_TRANSFORMS = frozenset(
    {
        "map",
        "flatMap",
        "filter",
        "mapPartitions",
        "mapPartitionsWithIndex",
        "mapValues",
        "flatMapValues",
        "keyBy",
        "keys",
        "values",
        "distinct",
        "union",
        "intersection",
        "subtract",
        "join",
        "leftOuterJoin",
        "cogroup",
        "groupBy",
        "groupByKey",
        "reduceByKey",
        "aggregateByKey",
        "combineByKey",
        "sortBy",
        "sortByKey",
        "sample",
        "repartition",
        "coalesce",
        "zip",
        "zipWithIndex",
        "zipWithUniqueId",
        "cache",
        "persist",
        "glom",
    }
)
# the RDD methods that act (return a value, write, or set the RDD up): with the transforms, what df.rdd.<x> calls
_RDD_METHODS = _RDD_TRANSFORMS | frozenset(
    {
        "collect",
        "collectAsMap",
        "count",
        "countByKey",
        "countByValue",
        "first",
        "take",
        "takeOrdered",
        "top",
        "isEmpty",
        "reduce",
        "fold",
        "aggregate",
        "foreach",
        "foreachPartition",
        "getNumPartitions",
        "toDF",
        "toLocalIterator",
        "saveAsTextFile",
        "saveAsPickleFile",
        "max",
        "min",
        "sum",
        "mean",
        "stats",
        "lookup",
        "checkpoint",
        "unpersist",
    }
)
_CONTEXT_ATTRIBUTES = frozenset({"sparkContext", "_sc", "_jsc"})
# Names one of which an original statement holds when its converted code can use the SparkContext or an RDD
# (G2L325 writes .rdd for getNumPartitions, G2L002 .sparkContext for _sc and SparkContext(...)); names bound to
# either are added per file. A statement with none of them is not walked again.
_TRIGGERS = frozenset({"sparkContext", "_sc", "_jsc", "rdd", "SparkContext", "getNumPartitions"})


@dataclass
class _ConnectState:
    """G2L010's per file: names bound to a SparkContext or an RDD (in document order), statements reviewed."""

    contexts: set[str] = field(default_factory=set)
    rdds: set[str] = field(default_factory=set)
    reviewed: set[int] = field(default_factory=set)  # id(original statement)
    expected: set[int] = field(default_factory=set)  # id(original statement) another rule made take an RDD
    imports_spark_context: bool | None = None
    triggers: frozenset[str] | None = None  # the _TRIGGERS this file holds, and its SparkContext names


class SparkConnect(Rule):
    """A statement that needs the SparkContext or the RDD API gets a review item: Databricks serverless compute and
    standard access mode clusters run Spark Connect, which has neither (dedicated access mode compute has both).

    Before::

        sc = spark.sparkContext
        desks = sc.parallelize([("FX", 1), ("RATES", 2)]).toDF(["desk", "rank"])
        big = trades.toDF().rdd.map(lambda r: (r["desk"], r["notional"]))
        if trades.toDF().rdd.isEmpty():

    After::

        # g2l: review G2L010: this line uses the SparkContext, which Databricks serverless compute and ...
        sc = spark.sparkContext
        # g2l: review G2L010: this line uses the SparkContext, ...
        desks = sc.parallelize([("FX", 1), ("RATES", 2)]).toDF(["desk", "rank"])
        # g2l: review G2L010: this line uses the RDD API, ...
        big = trades.rdd.map(lambda r: (r["desk"], r["notional"]))
        if trades.isEmpty():

    What counts is read from the converted statement: `.sparkContext` (or `_sc`) of the session or of a glue
    context, `SparkContext(...)` imported from pyspark, a name bound to either, `x.rdd` of a frame the converter
    knows, of a session's DataFrame (spark.table(...).rdd) or followed by an RDD method (`df.rdd.map`), and a name
    bound to an RDD (`sc.parallelize(...)`, `df.rdd.map(...)`), used anywhere later. Code other rules write counts
    too: getNumPartitions() (G2L325) becomes df.rdd.getNumPartitions(), which has no DataFrame equivalent, and
    from_rdd (G2L105) becomes spark.createDataFrame(rdd), which needs the RDD. One item per statement; an `if`
    is judged by its test. `df.rdd.isEmpty()` on a frame the converter knows becomes `df.isEmpty()`, which
    answers the same without the RDD API (DataFrame.isEmpty, PySpark 3.3+), so it needs no item.
    """

    id = RULE_ID
    name = "spark-connect"
    summary = "A statement using the SparkContext or the RDD API (not on serverless: Spark Connect) gets a review item."

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        state = ctx.state(_ConnectState)
        if not _may_use(ctx, original) and id(original) not in state.expected:
            return updated
        message = usage(ctx, updated) or (RDD if id(original) in state.expected else None)
        if message is not None and id(original) not in state.reviewed:
            state.reviewed.add(id(original))
            ctx.review(original, self.id, message)
        _bind(ctx, updated)
        return updated

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """df.rdd.isEmpty() on a DataFrame the converter knows is df.isEmpty(): the same answer, no RDD."""
        func = updated.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "isEmpty"
            and not updated.args
            and isinstance(func.value, cst.Attribute)
            and func.value.attr.value == "rdd"
            and _is_data_frame(ctx, func.value.value)
        ):
            return updated.with_changes(func=func.with_changes(value=func.value.value))
        return updated

    def leave_If(self, ctx: ConvertContext, original: cst.If, updated: cst.If) -> StatementResult:
        state = ctx.state(_ConnectState)
        if not _may_use(ctx, original.test):
            return updated
        message = usage(ctx, updated.test)
        if message is not None and id(original) not in state.reviewed:
            state.reviewed.add(id(original))
            ctx.review(original, self.id, message)
        return updated


def _may_use(ctx: ConvertContext, original: cst.CSTNode) -> bool:
    """Whether an original statement (or expression) holds a name its converted code needs to use the
    SparkContext or an RDD: most statements hold none and are not walked again."""
    state = ctx.state(_ConnectState)
    if state.triggers is None:
        state.triggers = frozenset(name for name in _TRIGGERS if name in ctx.tracked.uses) | frozenset(
            ctx.tracked.spark_contexts
        )
    names = state.triggers | state.contexts | state.rdds
    return bool(names) and any(ctx.metadata.names_within(original, name) for name in names)


def expect_rdd(ctx: ConvertContext, original: cst.CSTNode) -> None:
    """A rule wrote code that takes an RDD into `original`'s statement (from_rdd's spark.createDataFrame(rdd)):
    G2L010 reviews that statement even where it cannot see that the value is an RDD."""
    statement = ctx.statement_of(original)
    if statement is not None:
        ctx.state(_ConnectState).expected.add(id(statement))


def reviewed(ctx: ConvertContext, statement: cst.SimpleStatementLine, line: int) -> cst.SimpleStatementLine:
    """A SparkContext binding a rule adds next to another statement (G2L002's `sc = spark.sparkContext` under the
    session it binds), with G2L010's review comment above it: G2L010's hook never sees such a statement."""
    _bind(ctx, statement)
    ctx.findings.append(Finding(ctx.path, line, RULE_ID, SPARK_CONTEXT))
    comment = cst.EmptyLine(comment=cst.Comment(f"# g2l: review {RULE_ID}: {SPARK_CONTEXT}"))
    return statement.with_changes(leading_lines=[*statement.leading_lines, comment])


def usage(ctx: ConvertContext, node: cst.CSTNode) -> str | None:
    """The review message for converted code that uses the SparkContext or the RDD API, None if it uses neither."""
    finder = _Finder(ctx)
    visit(node, finder)
    if finder.partitions:
        return NUM_PARTITIONS
    if finder.context:
        return SPARK_CONTEXT
    return RDD if finder.rdd else None


class _Finder(NodeVisitor):
    def __init__(self, ctx: ConvertContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = ctx.state(_ConnectState)
        self.context = self.rdd = self.partitions = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if type(node) in LAYOUT:
            return False  # whitespace and punctuation
        return super().on_visit(node)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        attr = node.attr.value
        if attr in _CONTEXT_ATTRIBUTES and _is_session(self.ctx, node.value):
            self.context = True
        elif attr == "rdd" and _is_data_frame(self.ctx, node.value):
            self.rdd = True
        elif isinstance(node.value, cst.Attribute) and node.value.attr.value == "rdd" and attr in _RDD_METHODS:
            self.rdd = True  # df.rdd.<an RDD method>: whatever df is, this is the RDD API
            self.partitions = self.partitions or attr == "getNumPartitions"
        visit(node.value, self)
        return False  # the attribute's own name is no use of a variable

    def visit_Call(self, node: cst.Call) -> bool:
        func = node.func
        target = func.value if isinstance(func, cst.Attribute) else func
        if isinstance(target, cst.Name) and target.value == "SparkContext" and _imports_spark_context(self.ctx):
            self.context = True  # SparkContext(...), SparkContext.getOrCreate()
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        visit(node.value, self)
        return False  # a keyword's name is no use of a variable

    def visit_Name(self, node: cst.Name) -> bool:
        if node.value in self.state.contexts or node.value in self.ctx.tracked.spark_contexts:
            self.context = True
        elif node.value in self.state.rdds:
            self.rdd = True
        return True

    def visit_AssignTarget(self, node: cst.AssignTarget) -> bool:
        return False  # a name being bound is not a use of what it held

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False


def _is_session(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """The SparkSession (or a glue context, which is one once converted), as converted code names it."""
    tracked = ctx.tracked
    if isinstance(node, cst.Name):
        return node.value in (tracked.session, *tracked.glue_contexts, *tracked.glue_context_params)
    if isinstance(node, cst.Attribute) and ".".join(dotted(node)) in tracked.held_contexts:
        return True
    return code_of(node).startswith("SparkSession.")  # SparkSession.builder.getOrCreate(), getActiveSession()


def _is_data_frame(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """A DataFrame the converter knows: a DynamicFrame's name, a session's read (spark.table(...)), x.toDF()."""
    if isinstance(node, cst.Name):
        return node.value in ctx.tracked.frames
    if not isinstance(node, cst.Call):
        return False
    root: cst.BaseExpression = node
    while isinstance(root, (cst.Call, cst.Attribute)):
        if isinstance(root, cst.Call) and isinstance(root.func, cst.Attribute) and root.func.attr.value == "toDF":
            return True
        root = root.func if isinstance(root, cst.Call) else root.value
    return isinstance(root, cst.Name) and _is_session(ctx, root)


def _bind(ctx: ConvertContext, statement: cst.SimpleStatementLine) -> None:
    """Names this statement binds to a SparkContext or an RDD: their later uses count."""
    state = ctx.state(_ConnectState)
    for small in statement.body:
        if not isinstance(small, cst.Assign):
            continue
        kind = _holds(ctx, small.value)
        for target in small.targets:
            if not isinstance(target.target, cst.Name):
                continue
            name = target.target.value
            state.contexts.discard(name)
            state.rdds.discard(name)
            if kind == "context":
                state.contexts.add(name)
            elif kind == "rdd":
                state.rdds.add(name)


def _holds(ctx: ConvertContext, value: cst.BaseExpression) -> str | None:
    """ "context" for a SparkContext, "rdd" for an RDD, None for anything else (or not known)."""
    state = ctx.state(_ConnectState)
    if isinstance(value, cst.Attribute) and value.attr.value in _CONTEXT_ATTRIBUTES and _is_session(ctx, value.value):
        return "context"
    if isinstance(value, cst.Name):
        return "context" if value.value in state.contexts else "rdd" if value.value in state.rdds else None
    if isinstance(value, cst.Attribute) and value.attr.value == "rdd":
        return "rdd" if _is_data_frame(ctx, value.value) else None
    if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Attribute):
        return None
    method, receiver = value.func.attr.value, value.func.value
    kind = _holds(ctx, receiver)
    if kind == "context" and method in _RDD_MAKERS:
        return "rdd"
    rdd_of = isinstance(receiver, cst.Attribute) and receiver.attr.value == "rdd"  # df.rdd.map(...)
    if (kind == "rdd" or rdd_of) and method in _RDD_TRANSFORMS:
        return "rdd"
    return None


def _imports_spark_context(ctx: ConvertContext) -> bool:
    """The file imports SparkContext from pyspark (read once from the parse)."""
    state = ctx.state(_ConnectState)
    if state.imports_spark_context is None:
        state.imports_spark_context = any(
            isinstance(node, cst.ImportFrom)
            and node.module is not None
            and ".".join(dotted(node.module)) in ("pyspark", "pyspark.context")
            and not isinstance(node.names, cst.ImportStar)
            and any(isinstance(alias.name, cst.Name) and alias.name.value == "SparkContext" for alias in node.names)
            for node in ctx.metadata.nodes
        )
    return state.imports_spark_context


RULES_IN_ORDER: tuple[type[Rule], ...] = (SparkConnect,)
