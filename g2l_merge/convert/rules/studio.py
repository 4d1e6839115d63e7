"""Glue Studio output: its inlined helpers, gs_* node transforms, glue types, Data Quality and ML nodes.

Glue Studio writes node-named variables (`AmazonS3_node1699999999999`) and a few helper functions into
every script it generates. The variables stay as they are (the team knows the job by them, and renaming
them would make every later diff noisy); the helpers are rewritten into DataFrame versions with the same
name and parameters, so their call sites keep working: the `glueContext` argument now receives the
SparkSession (the boilerplate rules rewrite it at each call site).

A helper is rewritten only when its body is one Glue Studio generated (compared as syntax trees, so
layout and comments do not matter); an edited helper stays as written with a review item.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar, NamedTuple

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.dqdl import parse_ruleset, ruleset_extras
from g2l_merge.convert.glue_exports import GLUE_TYPES
from g2l_merge.convert.names import COLLECTION_TYPES, FRAME_TYPES
from g2l_merge.convert.rules.base import Rule, SmallStatementResult, StatementResult, arg, code_of, expr, string_value
from g2l_merge.convert.rules.frame_calls import (
    arguments,
    bind_arguments,
    functions_alias,
    is_literal,
    line_indent,
    parent_of,
)
from g2l_merge.convert.tree import visit

SESSION_NOTE = "# g2l: note: glueContext receives the SparkSession: call sites stay as Glue Studio wrote them"


class Helper(NamedTuple):
    """A Glue Studio helper: its parameters, the bodies Studio generates, and its DataFrame version."""

    params: tuple[str, ...]
    glue_bodies: tuple[str, ...]  # function sources, as Glue Studio writes them
    dataframe: str  # the DataFrame version's source
    imports: tuple[tuple[str, str | None, str | None], ...] = ()


def _dump_body(source: str) -> tuple[str, ...] | None:
    """The body of the one function in `source`, as syntax trees (layout and comments ignored)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    function = tree.body[0] if tree.body else None
    if not isinstance(function, ast.FunctionDef):
        return None
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # a docstring
    return tuple(ast.dump(statement) for statement in body)


@lru_cache(maxsize=64)
def _parsed_function(source: str) -> cst.FunctionDef:
    """A helper's DataFrame version, parsed once (a frozen node, shared: base.expr says why)."""
    function = cst.parse_module(source).body[0]
    assert isinstance(function, cst.FunctionDef)
    return function


class StudioHelpers(Rule):
    """Shared machinery: match a Studio helper by name, parameters and body; swap in its DataFrame version."""

    helpers: ClassVar[dict[str, Helper]]

    def leave_FunctionDef(
        self, ctx: ConvertContext, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> StatementResult:
        helper = self.helpers.get(original.name.value)
        if helper is None:
            return updated
        params = tuple(p.name.value for p in original.params.params)
        body = _dump_body(code_of(original.with_changes(leading_lines=[], decorators=[])))
        if params == helper.params and body in {_dump_body(source) for source in helper.glue_bodies}:
            return self._rewrite(ctx, original, updated, helper)
        if body != _dump_body(helper.dataframe) and _still_glue(ctx, original):
            ctx.review(
                original,
                self.id,
                f"Glue Studio helper {original.name.value} is not the one Glue Studio "
                "generates: as written, a DynamicFrame call in it fails on Databricks and stops the job: check by "
                "hand that it takes and returns DataFrames",
            )
        return updated

    def _rewrite(
        self, ctx: ConvertContext, original: cst.FunctionDef, updated: cst.FunctionDef, helper: Helper
    ) -> cst.FunctionDef:
        _forget_findings_inside(ctx, original)
        for module, obj, asname in list(ctx.additions):
            ctx.remove_import(module, obj, asname)  # imports the replaced body needed go if unused
        for module, obj, asname in helper.imports:
            ctx.add_import(module, obj, asname)
        converted = _parsed_function(helper.dataframe)
        returns = updated.returns
        if returns is not None:
            ctx.add_import("pyspark.sql", "DataFrame")
            returns = returns.with_changes(annotation=cst.Name("DataFrame"))
        body = converted.body.with_changes(indent=getattr(updated.body, "indent", None))
        return updated.with_changes(body=body, returns=returns)


def _still_glue(ctx: ConvertContext, original: cst.FunctionDef) -> bool:
    """The function still speaks Glue: it returns a DynamicFrame or calls toDF/fromDF or a Glue transform."""
    if original.returns is not None and ctx.qualified(original.returns.annotation) & FRAME_TYPES:
        return True
    source = code_of(original)
    return any(word in source for word in (".toDF()", ".fromDF(", "glue_ctx", "DropFields"))


def _forget_findings_inside(ctx: ConvertContext, original: cst.CSTNode) -> None:
    """Rules that ran on the helper's body reported on code this rule replaces: drop those findings."""
    try:
        span = ctx.metadata.get_metadata(PositionProvider, original)
    except KeyError:
        return
    ctx.findings[:] = [f for f in ctx.findings if not span.start.line <= f.line <= span.end.line]


SQL_QUERY_GLUE = """
def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)
"""
SQL_QUERY_DATAFRAME = f"""
def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DataFrame:
    {SESSION_NOTE}
    for alias, frame in mapping.items():
        frame.createOrReplaceTempView(alias)
    result = glueContext.sql(query)
    return result
"""
UNION_GLUE = """
def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)
"""
UNION_DATAFRAME = f"""
def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DataFrame:
    {SESSION_NOTE}
    for alias, frame in mapping.items():
        frame.createOrReplaceTempView(alias)
    result = glueContext.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
    return result
"""


class StudioSqlHelpers(StudioHelpers):
    """Glue Studio's sparkSqlQuery and sparkUnion helpers become DataFrame versions with the same signature.

    Before::

        def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
            for alias, frame in mapping.items():
                frame.toDF().createOrReplaceTempView(alias)
            result = spark.sql(query)
            return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

        SQLQuery_node1700000000001 = sparkSqlQuery(glueContext, query=SqlQuery0,
            mapping={"exposures": AmazonS3_node1700000000000}, transformation_ctx="SQLQuery_node1700000000001")

    After::

        def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DataFrame:
            # g2l: note: glueContext receives the SparkSession: call sites stay as Glue Studio wrote them
            for alias, frame in mapping.items():
                frame.createOrReplaceTempView(alias)
            result = glueContext.sql(query)
            return result

        SQLQuery_node1700000000001 = sparkSqlQuery(spark, query=SqlQuery0,
            mapping={"exposures": AmazonS3_node1700000000000}, transformation_ctx="SQLQuery_node1700000000001")
    """

    id = "G2L401"
    name = "studio-sql-helpers"
    summary = "Glue Studio's sparkSqlQuery/sparkUnion helpers become DataFrame versions with the same signature."
    helpers: ClassVar[dict[str, Helper]] = {
        "sparkSqlQuery": Helper(
            ("glueContext", "query", "mapping", "transformation_ctx"), (SQL_QUERY_GLUE,), SQL_QUERY_DATAFRAME
        ),
        "sparkUnion": Helper(
            ("glueContext", "unionType", "mapping", "transformation_ctx"), (UNION_GLUE,), UNION_DATAFRAME
        ),
    }


AGGREGATE_GLUE = """
def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)
"""  # noqa: E501
AGGREGATE_DATAFRAME = """
def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DataFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.agg(*aggsFuncs)
    return result
"""


class StudioAggregate(StudioHelpers):
    """Glue Studio's sparkAggregate helper becomes a DataFrame groupBy/agg with the same signature.

    Before::

        def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
            aggsFuncs = []
            for column, func in aggs:
                aggsFuncs.append(getattr(SqlFuncs, func)(column))
            result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
            return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

    After::

        def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DataFrame:
            aggsFuncs = []
            for column, func in aggs:
                aggsFuncs.append(getattr(SqlFuncs, func)(column))
            result = parentFrame.groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.agg(*aggsFuncs)
            return result
    """  # noqa: E501

    id = "G2L402"
    name = "studio-aggregate"
    summary = "Glue Studio's sparkAggregate helper becomes a DataFrame groupBy/agg with the same signature."
    helpers: ClassVar[dict[str, Helper]] = {
        "sparkAggregate": Helper(
            ("glueContext", "parentFrame", "groups", "aggs", "transformation_ctx"),
            (AGGREGATE_GLUE,),
            AGGREGATE_DATAFRAME,
            (("pyspark.sql", "functions", "SqlFuncs"),),
        ),
    }


FIND_NULL_FIELDS_GLUE = """
def _find_null_fields(ctx, schema, path, output, nullStringSet, nullIntegerSet, frame):
    if isinstance(schema, StructType):
        for field in schema:
            new_path = path + "." if path != "" else path
            output = _find_null_fields(ctx, field.dataType, new_path + field.name, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, ArrayType):
        if isinstance(schema.elementType, StructType):
            output = _find_null_fields(ctx, schema.elementType, path, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, NullType):
        output.append(path)
    else:
        x, distinct_set = frame.toDF(), set()
        for i in x.select(path).distinct().collect():
            distinct_ = i[path.split('.')[-1]]
            if isinstance(distinct_, list):
                distinct_set |= set([item.strip() if isinstance(item, str) else item for item in distinct_])
            elif isinstance(distinct_, str) :
                distinct_set.add(distinct_.strip())
            else:
                distinct_set.add(distinct_)
        if isinstance(schema, StringType):
            if distinct_set.issubset(nullStringSet):
                output.append(path)
        elif isinstance(schema, IntegerType) or isinstance(schema, LongType) or isinstance(schema, DoubleType):
            if distinct_set.issubset(nullIntegerSet):
                output.append(path)
    return output
"""  # noqa: E501
FIND_NULL_FIELDS_DATAFRAME = """
def _find_null_fields(ctx, schema, path, output, nullStringSet, nullIntegerSet, frame):
    if isinstance(schema, StructType):
        for field in schema:
            new_path = path + "." if path != "" else path
            output = _find_null_fields(ctx, field.dataType, new_path + field.name, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, ArrayType):
        if isinstance(schema.elementType, StructType):
            output = _find_null_fields(ctx, schema.elementType, path, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, NullType):
        output.append(path)
    else:
        x, distinct_set = frame, set()
        for i in x.select(path).distinct().collect():
            distinct_ = i[path.split('.')[-1]]
            if isinstance(distinct_, list):
                distinct_set |= set([item.strip() if isinstance(item, str) else item for item in distinct_])
            elif isinstance(distinct_, str) :
                distinct_set.add(distinct_.strip())
            else:
                distinct_set.add(distinct_)
        if distinct_set == {None}:
            # null in every row: a DynamicFrame's schema typed it NullType, so Glue dropped it
            output.append(path)
        elif isinstance(schema, StringType):
            if distinct_set.issubset(nullStringSet):
                output.append(path)
        elif isinstance(schema, IntegerType) or isinstance(schema, LongType) or isinstance(schema, DoubleType):
            if distinct_set.issubset(nullIntegerSet):
                output.append(path)
    return output
"""  # noqa: E501
DROP_NULLS_GLUE = """
def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DynamicFrame:
    nullColumns = _find_null_fields(frame.glue_ctx, frame.schema(), "", [], nullStringSet, nullIntegerSet, frame)
    return DropFields.apply(frame=frame, paths=nullColumns, transformation_ctx=transformation_ctx)
"""
DROP_NULLS_DATAFRAME = """
def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DataFrame:
    nullColumns = _find_null_fields(glueContext, frame.schema, "", [], nullStringSet, nullIntegerSet, frame)
    return glue_compat.drop_fields(frame, nullColumns)
"""
SPARK_TYPES = tuple(
    ("pyspark.sql.types", name, None)
    for name in ("ArrayType", "DoubleType", "IntegerType", "LongType", "NullType", "StringType", "StructType")
)


class StudioDropNulls(StudioHelpers):
    """Glue Studio's drop_nulls helper (and its _find_null_fields) work on a DataFrame and its Spark schema.

    Before::

        def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DynamicFrame:
            nullColumns = _find_null_fields(frame.glue_ctx, frame.schema(), "", [], nullStringSet, nullIntegerSet, frame)
            return DropFields.apply(frame=frame, paths=nullColumns, transformation_ctx=transformation_ctx)

    After::

        def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DataFrame:
            nullColumns = _find_null_fields(glueContext, frame.schema, "", [], nullStringSet, nullIntegerSet, frame)
            return glue_compat.drop_fields(frame, nullColumns)

    _find_null_fields reads `frame` instead of `frame.toDF()`, and also reports a column that is null in
    every row: a DataFrame keeps its declared type where a DynamicFrame's schema said NullType. Nested
    paths are dropped in place, as DropFields did, by glue_compat.drop_fields.
    """  # noqa: E501

    id = "G2L403"
    name = "studio-drop-nulls"
    summary = "Glue Studio's drop_nulls/_find_null_fields helpers work on a DataFrame and its Spark schema."
    helpers: ClassVar[dict[str, Helper]] = {
        "drop_nulls": Helper(
            ("glueContext", "frame", "nullStringSet", "nullIntegerSet", "transformation_ctx"),
            (DROP_NULLS_GLUE,),
            DROP_NULLS_DATAFRAME,
            (("glue_compat", None, None),),
        ),
        "_find_null_fields": Helper(
            ("ctx", "schema", "path", "output", "nullStringSet", "nullIntegerSet", "frame"),
            (FIND_NULL_FIELDS_GLUE,),
            FIND_NULL_FIELDS_DATAFRAME,
            SPARK_TYPES,
        ),
    }


GLUE_TYPES_MODULE = "awsglue.gluetypes"
# gluetypes names with a pyspark.sql.types counterpart of another name: Field(name, dataType, properties={}) is
# StructField(name, dataType, nullable=True, metadata=None) (awsglue/gluetypes.py).
RENAMED_TYPES = {"Field": "StructField"}
GLUE_TYPE_EXPORTS = frozenset(GLUE_TYPES)
# Glue-only schema types no DataFrame column can have: glue_compat has stand-ins that no Spark type matches.
STAND_IN_TYPES = frozenset({"ChoiceType", "EnumType", "SetType", "UnknownType"})
# gluetypes classes whose isinstance checks mean the same on a Spark schema: every other name gluetypes defines
# (Glue's entity and record classes and its type-merging function have no Spark counterpart).
SAME_NAMED_TYPES = (
    GLUE_TYPE_EXPORTS - STAND_IN_TYPES - RENAMED_TYPES.keys() - {"EntityType", "DynamicRecord", "mergeDataTypes"}
)
# Constructors whose arguments differ (awsglue/gluetypes.py): every type takes `properties`, which Spark's do not;
# DecimalType defaults to (10, 2), Spark's to (10, 0); MapType(valueType) has string keys, Spark's takes a key type
# first; ArrayType() and MapType() default to UnknownType, Spark's require a type.
CONSTRUCTOR_PARAMS = {
    "DecimalType": ("precision", "scale"),
    "ArrayType": ("elementType",),
    "MapType": ("valueType",),
    "StructType": ("fields",),
    "Field": ("name", "dataType", "properties"),
}


class GlueTypes(Rule):
    """awsglue.gluetypes names become their pyspark.sql.types namesakes; the rest are review items.

    Before::

        from awsglue.gluetypes import *

        if isinstance(schema, StructType):
            ...

    After::

        from pyspark.sql.types import StructType

        if isinstance(schema, StructType):
            ...

    Field becomes StructField (its `properties` the field's metadata); DecimalType() gets Glue's default
    (10, 2) written out and MapType(value) Glue's string keys, `MapType(StringType(), value)`. ChoiceType,
    EnumType, SetType and UnknownType, which no DataFrame column can have, come from glue_compat's stand-ins (no
    Spark type matches them) with a review item. Other names without a Spark counterpart (EntityType,
    DynamicRecord, mergeDataTypes) and constructor calls Spark's cannot take (a type's `properties`,
    ArrayType() without an element type) stay as written with a review item.
    """

    id = "G2L404"
    name = "glue-types"
    summary = "awsglue.gluetypes names become pyspark.sql.types namesakes; the others are review items."

    def leave_ImportFrom(
        self, ctx: ConvertContext, original: cst.ImportFrom, updated: cst.ImportFrom
    ) -> SmallStatementResult:
        if (
            original.module is None
            or code_of(original.module) != GLUE_TYPES_MODULE
            or isinstance(updated.names, cst.ImportStar)
        ):
            return updated
        names = list(updated.names)
        same = [alias for alias in names if code_of(alias.name) in SAME_NAMED_TYPES]
        renamed = [alias for alias in names if code_of(alias.name) in RENAMED_TYPES]
        if len(same) == len(names):
            return updated.with_changes(module=expr("pyspark.sql.types"))
        for alias in same + renamed:
            asname = code_of(alias.asname.name) if alias.asname is not None else None
            written = code_of(alias.name)
            ctx.add_import("pyspark.sql.types", RENAMED_TYPES.get(written, written), asname)
        same += renamed
        stand_ins = [alias for alias in names if code_of(alias.name) in STAND_IN_TYPES and alias.asname is None]
        for alias in stand_ins:
            ctx.add_import("glue_compat", code_of(alias.name))
        rest = [alias for alias in names if alias not in same and alias not in stand_ins]  # reviewed where used
        if not rest:
            return cst.RemovalSentinel.REMOVE
        rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(names=rest)

    def leave_Name(self, ctx: ConvertContext, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if original.value not in GLUE_TYPE_EXPORTS or _is_import_alias_or_attribute(ctx, original):
            return updated
        star = ctx.tracked.star_qualified(original)
        if f"{GLUE_TYPES_MODULE}.{original.value}" not in (star or ctx.qualified(original)):
            return updated
        if original.value in STAND_IN_TYPES:
            if star:
                ctx.add_import("glue_compat", original.value)
            ctx.review(
                original,
                self.id,
                f"{original.value} exists only in DynamicFrame schemas: a DataFrame column "
                "never has it, so as converted, glue_compat's stand-in matches nothing: simplify this check",
            )
        elif original.value in RENAMED_TYPES:
            ctx.add_import("pyspark.sql.types", RENAMED_TYPES[original.value])
            return cst.Name(RENAMED_TYPES[original.value])
        elif original.value not in SAME_NAMED_TYPES:
            if star:
                ctx.add_import(GLUE_TYPES_MODULE, original.value)  # the star import goes: keep this name defined
            ctx.review(
                original,
                self.id,
                f"{original.value} is an AWS Glue type with no pyspark.sql.types "
                "namesake: as written, it needs awsglue, which Databricks does not have, so the job fails: rewrite "
                "this for the DataFrame's Spark schema",
            )
        elif star:
            ctx.add_import("pyspark.sql.types", original.value)
        return updated

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if not isinstance(func, cst.Name) or func.value not in GLUE_TYPE_EXPORTS:
            return updated
        if f"{GLUE_TYPES_MODULE}.{func.value}" not in (ctx.tracked.star_qualified(func) or ctx.qualified(func)):
            return updated
        params = CONSTRUCTOR_PARAMS.get(func.value, ())
        bound = _bound_arguments(original, params)
        if bound is None or ("properties" in bound and func.value != "Field"):
            ctx.review(
                original,
                self.id,
                f"{func.value}(...) from awsglue.gluetypes takes other arguments than pyspark.sql.types' "
                "(a type's properties, an unknown keyword, *args): as written, they go to pyspark.sql.types' "
                "constructor, which fails (and stops the job) unless they fit it: write the Spark type by hand",
            )
            return updated
        if func.value == "Field" and "properties" in bound:
            args = [a for a in updated.args if not _is_argument(a, "properties", 2, updated)]
            metadata = cst.Arg(bound["properties"], keyword=cst.Name("metadata"), equal=_EQUAL)
            return updated.with_changes(args=[*_without_last_comma(args), metadata])
        if func.value == "DecimalType" and len(bound) < 2:
            precision, scale = bound.get("precision", expr("10")), bound.get("scale", expr("2"))
            return updated.with_changes(args=[cst.Arg(precision, comma=_COMMA), cst.Arg(scale)])
        if func.value == "MapType" and "valueType" in bound:
            ctx.add_import("pyspark.sql.types", "StringType")
            return updated.with_changes(args=[cst.Arg(expr("StringType()"), comma=_COMMA), cst.Arg(bound["valueType"])])
        if func.value in ("ArrayType", "MapType") and not bound:
            ctx.review(
                original,
                self.id,
                f"{func.value}() from awsglue.gluetypes holds UnknownType values; pyspark.sql.types' "
                "needs the element type: as written, it fails without one and the job stops: write it",
            )
        return updated


_COMMA = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
_EQUAL = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def _bound_arguments(call: cst.Call, params: tuple[str, ...]) -> dict[str, cst.BaseExpression] | None:
    """A gluetypes constructor's arguments by parameter name; None for *args, **kwargs or an unknown one."""
    bound: dict[str, cst.BaseExpression] = {}
    positional = 0
    for item in call.args:
        if item.star:
            return None
        if item.keyword is None:
            if positional >= len(params):
                return None
            bound[params[positional]] = item.value
            positional += 1
        elif item.keyword.value in params or item.keyword.value == "properties":
            bound[item.keyword.value] = item.value
        else:
            return None
    return bound


def _is_argument(item: cst.Arg, keyword: str, position: int, call: cst.Call) -> bool:
    if item.keyword is not None:
        return item.keyword.value == keyword
    positional = [a for a in call.args if a.keyword is None]
    return len(positional) > position and positional[position].value is item.value


def _without_last_comma(args: list[cst.Arg]) -> list[cst.Arg]:
    return [*args[:-1], args[-1].with_changes(comma=_COMMA)] if args else args


def _is_import_alias_or_attribute(ctx: ConvertContext, name: cst.Name) -> bool:
    """`name` is what an import binds, or the attribute part of `x.name`: not a use of a bare name."""
    try:
        parent = ctx.metadata.get_metadata(ParentNodeProvider, name)
    except KeyError:
        return False
    return isinstance(parent, cst.ImportAlias) or (isinstance(parent, cst.Attribute) and parent.attr is name)


# Glue Studio's built-in visual transforms, added to DynamicFrame by `import gs_<name>` on Glue only.
GS_NOW_FORMAT = (
    "Glue Studio gs_now with a dateFormat exists only on Glue: as written, it fails on Databricks and the job "
    "stops: use withColumn(name, F.date_format("
    "F.current_timestamp(), PATTERN)) with dateFormat's strftime pattern in Spark's notation"
)


class StudioTransforms(Rule):
    """Glue Studio's gs_* node transforms become DataFrame calls where the meaning is plain; others are review items.

    Before::

        import gs_derived
        import gs_now

        DerivedColumn_node1700000000002 = Join_node1700000000001.gs_derived(colName="net_exposure", expr="ead - collateral")
        AddCurrentTimestamp_node1700000000003 = DerivedColumn_node1700000000002.gs_now(colName="loaded_at")

    After::

        from pyspark.sql import functions as F

        DerivedColumn_node1700000000002 = Join_node1700000000001.withColumn("net_exposure", F.expr("ead - collateral"))
        AddCurrentTimestamp_node1700000000003 = DerivedColumn_node1700000000002.withColumn("loaded_at", F.current_timestamp())

    gs_now with a dateFormat, and every other gs_* transform (gs_to_timestamp, gs_flatten, gs_regex_extract,
    ...), stays as written with a review item; its `import gs_*` stays while a call still needs it.
    """  # noqa: E501

    id = "G2L405"
    name = "studio-transforms"
    summary = "Glue Studio gs_derived/gs_now become withColumn; other gs_* transforms are review items."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if not isinstance(func, cst.Attribute) or not func.attr.value.startswith("gs_"):
            return updated
        transform = func.attr.value
        column = arg(updated, "colName", 0)
        template = _column_value(transform, updated)
        if column is None or template is None:
            ctx.review(
                original,
                self.id,
                GS_NOW_FORMAT
                if transform == "gs_now"
                else f"Glue Studio transform {transform} exists only on Glue: as written, it fails on Databricks and "
                "the job stops: rewrite it with DataFrame functions",
            )
            return updated
        value = expr(template.format(F=functions_alias(ctx, original)))
        return updated.with_changes(
            func=func.with_changes(attr=cst.Name("withColumn")), args=_positional(updated.args, [column.value, value])
        )

    def finish(self, ctx: ConvertContext, module: cst.Module) -> cst.Module:
        """Drop `import gs_<name>` once no `.gs_<name>(` call is left."""
        if not any(name.startswith("gs_") for name in ctx.tracked.uses):
            return module  # no gs_ name anywhere in the input: nothing to look for
        used = _gs_attributes(module)
        body = [statement for statement in module.body if not _unused_gs_import(statement, used)]
        return module if len(body) == len(module.body) else module.with_changes(body=body)


def _column_value(transform: str, call: cst.Call) -> str | None:
    """The column a gs_derived or plain gs_now call adds, as code with `{F}` for pyspark.sql.functions."""
    if any(a.star for a in call.args):
        return None
    if transform == "gs_derived" and len(call.args) == 2 and (formula := arg(call, "expr", 1)) is not None:
        return "{F}.expr(" + code_of(formula.value).replace("{", "{{").replace("}", "}}") + ")"
    if transform == "gs_now" and len(call.args) == 1:
        return "{F}.current_timestamp()"
    return None


def _positional(written: Sequence[cst.Arg], values: list[cst.BaseExpression]) -> list[cst.Arg]:
    """`values` as positional arguments, in the layout of the arguments as written (one more if needed)."""
    args = []
    for at, value in enumerate(values):
        if at < len(written):
            args.append(written[at].with_changes(value=value, keyword=None, equal=cst.MaybeSentinel.DEFAULT))
        else:
            args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            args.append(cst.Arg(value))
    return args


def _gs_attributes(module: cst.Module) -> set[str]:
    found: set[str] = set()

    class Collect(cst.CSTVisitor):
        def visit_Attribute(self, node: cst.Attribute) -> None:
            if node.attr.value.startswith("gs_"):
                found.add(node.attr.value)

    visit(module, Collect())
    return found


def _unused_gs_import(statement: cst.CSTNode, used: set[str]) -> bool:
    if not (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Import)
    ):
        return False
    names = statement.body[0].names
    return all(
        isinstance(a.name, cst.Name)
        and a.asname is None
        and a.name.value.startswith("gs_")
        and a.name.value not in used
        for a in names
    )


DATA_QUALITY = ("awsgluedq.transforms.EvaluateDataQuality", "awsglue.transforms.EvaluateDataQuality")
# EvaluateDataQuality's names for the keys of what process_rows returns.
DQ_KEYS = {"DATA_QUALITY_RULE_OUTCOMES_KEY": "ruleOutcomes"}
DQ_PARAMS = ("frame", "ruleset", "publishing_options", "additional_options", "transformation_ctx")
# additional_options that change which rows pass: glue_compat evaluates composite rules on the whole frame and
# labels the rows a where clause leaves out Passed, Glue's defaults.
DQ_ROW_OPTIONS = ("compositeRuleEvaluation.method", "rowLevelConfiguration.")
DQ_ALTERNATIVE = "express it as Lakeflow (DLT) expectations or DQX checks"
DQ_LEFT = "as written, it fails on Databricks (no Glue Data Quality library there) and the job stops"
DQ_NOT_PUBLISHED = (
    "Glue Data Quality results are no longer published (publishing_options and additional_options: the "
    "Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds "
    "them: write it to a table, or fail "
    "the job on a Failed Outcome, where the team relied on them"
)


class DataQuality(Rule):
    """Glue Data Quality (EvaluateDataQuality with a DQDL ruleset) runs on glue_compat.evaluate_data_quality.

    Before::

        from awsgluedq.transforms import EvaluateDataQuality

        LOAN_RULES = 'Rules = [ IsComplete "loan_id", ColumnValues "pd" between 0 and 1 ]'
        checked = EvaluateDataQuality().process_rows(frame=loans, ruleset=LOAN_RULES,
            publishing_options={"dataQualityEvaluationContext": "loans_dq"})
        outcomes = SelectFromCollection.apply(dfc=checked, key="ruleOutcomes")

    After::

        import glue_compat

        LOAN_RULES = 'Rules = [ IsComplete "loan_id", ColumnValues "pd" between 0 and 1 ]'
        # g2l: review G2L406: Glue Data Quality results are no longer published (...)
        checked = glue_compat.evaluate_data_quality(loans, LOAN_RULES)
        outcomes = checked["ruleOutcomes"]

    process_rows returns the dict {"ruleOutcomes": ..., "rowLevelOutcomes": ..., "originalData": ...} of
    DataFrames that SelectFromCollection indexes (and Glue Studio's fail-the-job assert, through
    `EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY`, which becomes "ruleOutcomes");
    `EvaluateDataQuality.apply(frame, ruleset)` is its ruleOutcomes DataFrame.

    The ruleset must be a string literal, or a name bound once to one (in the function that makes the call, or
    the module), whose rules glue_compat evaluates: RowCount, ColumnCount, Completeness, IsComplete,
    Uniqueness, IsUnique, IsPrimaryKey, ColumnExists, ColumnValues, ColumnLength, Mean, Sum, StandardDeviation,
    DistinctValuesCount, and `and`/`or` of them, with DQDL's comparisons (>, >=, <, <=, =, !=, between, in
    [...], matches, and their `not` forms; ColumnValues and ColumnLength also `with threshold`), and `where`
    clauses. publishing_options and additional_options are dropped: the review item says what is no longer
    published.

    Any other ruleset (another rule type such as CustomSql or DataFreshness, labels, a dynamic expression, a
    ruleset built at run time) stays as written, with a review item that names what glue_compat does not
    evaluate, and the awsgluedq import stays for it.
    """

    id = "G2L406"
    name = "data-quality"
    summary = "EvaluateDataQuality with a literal DQDL ruleset runs on glue_compat; other rulesets are review items."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in ("process_rows", "apply", "evaluate"):
            return updated
        receiver = func.value.func if isinstance(func.value, cst.Call) else func.value
        qualified = ctx.qualified(receiver)
        if not qualified & set(DATA_QUALITY):
            return updated
        converted, reason = self._converted(ctx, original, updated)
        if converted is not None:
            return converted
        if "awsglue.transforms.EvaluateDataQuality" in qualified and isinstance(receiver, cst.Name):
            ctx.add_import("awsgluedq.transforms", "EvaluateDataQuality")  # the awsglue star import goes
        ctx.review(original, self.id, f"Glue Data Quality (DQDL) {reason} {DQ_ALTERNATIVE}: {DQ_LEFT}")
        return updated

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        """EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY (Glue Studio's `assert dq[KEY].filter(...)`) is the
        key it names, which indexes Glue's collection and glue_compat's dict alike."""
        if original.attr.value in DQ_KEYS and {f"{t}.{original.attr.value}" for t in DATA_QUALITY} & ctx.qualified(
            original
        ):
            return cst.SimpleString(f'"{DQ_KEYS[original.attr.value]}"')
        return updated

    def _converted(
        self, ctx: ConvertContext, original: cst.Call, updated: cst.Call
    ) -> tuple[cst.BaseExpression | None, str]:
        """glue_compat's call in place of the Glue one, or None and why it stays."""
        method = original.func.attr.value if isinstance(original.func, cst.Attribute) else ""
        instance = isinstance(original.func, cst.Attribute) and isinstance(original.func.value, cst.Call)
        if method == "evaluate" or (method == "process_rows" and not instance):
            return None, f"{method} has no glue_compat counterpart:"
        bound = bind_arguments(DQ_PARAMS, {}, original, updated, False)
        if bound is None or "frame" not in bound.args or "ruleset" not in bound.args:
            other = [a.keyword.value for a in original.args if a.keyword and a.keyword.value not in DQ_PARAMS]
            written = f"with {', '.join(other)}" if other else "with arguments other than frame, ruleset and options"
            return None, f"called {written}, which glue_compat.evaluate_data_quality does not take:"
        ruleset = _literal_ruleset(ctx, original, bound.sources["ruleset"])
        if ruleset is None:
            return None, "with a ruleset that is not one string literal written in this file:"
        try:
            unsupported = _unsupported_dqdl(ruleset)
        except ValueError as error:
            return None, f"ruleset does not parse ({error}), so Glue fails this job too: fix it, or"
        options = bound.sources.get("additional_options")
        row_options = [o for o in DQ_ROW_OPTIONS if options is not None and o in code_of(options)]
        if unsupported is None and row_options:
            unsupported = f"the additional option {row_options[0].rstrip('.')}"
        if unsupported is not None:
            return None, f"ruleset uses {unsupported}, which glue_compat.evaluate_data_quality does not evaluate:"
        items = [code_of(bound.args["frame"]), code_of(bound.args["ruleset"])]
        ctx.add_import("glue_compat")
        layout = arguments(items, False, line_indent(ctx, original))
        call = expr(f"glue_compat.evaluate_data_quality{layout}")
        if method == "apply":
            call = cst.Subscript(call, [cst.SubscriptElement(cst.Index(cst.SimpleString('"ruleOutcomes"')))])
        published = [n for n in ("publishing_options", "additional_options") if not is_literal(bound.args.get(n), "{}")]
        if any(n in bound.args for n in published) or isinstance(parent_of(ctx, original), cst.Expr):
            ctx.review(original, self.id, DQ_NOT_PUBLISHED)
        return call, ""


def _literal_ruleset(ctx: ConvertContext, original: cst.Call, node: cst.BaseExpression) -> str | None:
    """The ruleset's text: a string literal, or a name bound once, to a string literal, in the innermost function
    (or module) that binds it; None when a parameter holds it or it is bound more than once."""
    if not isinstance(node, cst.Name):
        return _string_literal(node)
    scope = parent_of(ctx, original)
    while scope is not None:
        if isinstance(scope, (cst.FunctionDef, cst.Lambda)) and _parameter(scope.params, node.value):
            return None
        if isinstance(scope, (cst.FunctionDef, cst.Module)):
            walked = ctx.state(_RulesetNames).walked
            bindings = walked.get((id(scope), node.value))
            if bindings is None:  # a Studio script passes one ruleset name to every Data Quality node: walk once
                bindings = walked[(id(scope), node.value)] = _Bindings(node.value)
                visit(scope.body if isinstance(scope, cst.FunctionDef) else scope, bindings)
            if bindings.count:
                return _string_literal(bindings.values[0]) if bindings.count == len(bindings.values) == 1 else None
        scope = parent_of(ctx, scope)
    return None


@dataclass
class _RulesetNames:
    """G2L406's per file: the bindings of a ruleset name found in a scope, by (scope, name)."""

    walked: dict[tuple[int, str], _Bindings] = field(default_factory=dict)


class _Bindings(cst.CSTVisitor):
    """Every binding of one name below a node (one walk, no matchers: this runs on whole modules); `values` holds
    what plain `name = value` assignments bind it to."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.values: list[cst.BaseExpression] = []

    def _targets(self, target: cst.BaseExpression) -> int:
        if isinstance(target, cst.Name):
            return int(target.value == self.name)
        if isinstance(target, (cst.Tuple, cst.List)):
            return sum(self._targets(element.value) for element in target.elements)
        if isinstance(target, cst.StarredElement):
            return self._targets(target.value)
        return 0

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            found = self._targets(target.target)
            self.count += found
            if found and isinstance(target.target, cst.Name):
                self.values.append(node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.count += self._targets(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.count += self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self.count += self._targets(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.count += self._targets(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self.count += self._targets(node.name) if isinstance(node.name, cst.BaseExpression) else 0

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.count += self._targets(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self.count += sum(item.name.value == self.name for item in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.count += sum(item.name.value == self.name for item in node.names)


def _parameter(params: cst.Parameters, name: str) -> bool:
    every = (*params.posonly_params, *params.params, *params.kwonly_params, params.star_arg, params.star_kwarg)
    return any(isinstance(p, cst.Param) and p.name.value == name for p in every)


def _string_literal(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.ConcatenatedString):
        left, right = _string_literal(node.left), _string_literal(node.right)
        return left + right if left is not None and right is not None else None
    return string_value(node)


def _unsupported_dqdl(ruleset: str) -> str | None:
    """What in a DQDL ruleset glue_compat does not evaluate (None: it evaluates all of it); ValueError when it does
    not parse."""
    found = [f"a {extra} block" for extra in ruleset_extras(ruleset)]
    pending = parse_ruleset(ruleset)
    while pending:
        rule = pending.pop(0)
        if rule.unsupported and rule.unsupported not in found:
            found.append(rule.unsupported)
        pending.extend(rule.parts)
    return " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found) or None


class CustomTransform(Rule):
    """A Glue Studio custom transform (a function returning a DynamicFrameCollection) is a review item.

    Before::

        def MyTransform(glueContext, dfc) -> DynamicFrameCollection:
            df = dfc.select(list(dfc.keys())[0]).toDF()
            ...

    After: the same function, with
    `# g2l: review G2L407: Glue Studio custom transform ...` above it: its body is the team's own code
    written against DynamicFrameCollection, and only a person can say what its DataFrame version returns.
    """

    id = "G2L407"
    name = "custom-transform"
    summary = "Functions returning a DynamicFrameCollection (Studio custom transforms) are review items."

    def leave_FunctionDef(
        self, ctx: ConvertContext, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> StatementResult:
        if original.returns is not None and ctx.qualified(original.returns.annotation) & COLLECTION_TYPES:
            ctx.review(
                original,
                self.id,
                f"Glue Studio custom transform {original.name.value} took and returned "
                "a DynamicFrameCollection: as written, a DynamicFrame call in its body fails on the DataFrames its "
                "call site passes now, and stops the job: check its body",
            )
        return updated


class GlueMlTransforms(Rule):
    """AWS Glue ML transforms (FindMatches, FindIncrementalMatches, EntityDetector) are review items.

    Before::

        DetectSensitiveData_node1700000000005 = EntityDetector().detect(AmazonS3_node1700000000000, ["EMAIL"], "DetectedEntities")

    After: the same call, with `# g2l: review G2L408: ...` above it: the transform runs on AWS only;
    Databricks needs its own matching or PII-detection step.
    """  # noqa: E501

    id = "G2L408"
    name = "glue-ml-transforms"
    summary = "AWS Glue ML transforms (FindMatches, EntityDetector) stay as written with a review item."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        receiver = func.value if isinstance(func, cst.Attribute) else func
        if not isinstance(receiver, (cst.Name, cst.Attribute)):
            return updated  # EntityDetector().detect(...): the inner call is the one reported
        transform = next(
            (q.rsplit(".", 1)[1] for q in sorted(ctx.qualified(receiver)) if q.startswith("awsglueml.")), None
        )
        if transform is not None:
            ctx.review(
                original,
                self.id,
                f"AWS Glue ML transform {transform} runs on AWS only: replace it with a "
                "Databricks matching or PII-detection step: as written, it fails on Databricks (no awsglueml there) "
                "and the job stops",
            )
        return updated


class CustomVisualTransform(Rule):
    """A Glue Studio custom visual transform, a function registered as a DynamicFrame method, is registered on
    DataFrame instead, so the job's calls on its converted frames keep working.

    Before::

        from awsglue import DynamicFrame

        def mask_column(self, column):
            return DynamicFrame.fromDF(self.toDF().withColumn(column, F.lit("***")), self.glue_ctx, self.name)

        DynamicFrame.mask_column = mask_column

    After::

        from pyspark.sql import DataFrame

        def mask_column(self, column):
            return self.toDF().withColumn(column, F.lit("***"))

        # g2l: review G2L409: Glue Studio custom visual transform mask_column: ...
        DataFrame.mask_column = mask_column

    `self` is a DataFrame now: its DynamicFrame calls (toDF(), glue_ctx, name, schema()) need a look.
    """

    id = "G2L409"
    name = "custom-visual-transform"
    summary = "DynamicFrame.f = f (a Glue Studio custom visual transform) registers f on DataFrame, with a review item."

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        assign, changed = updated.body[0] if len(updated.body) == 1 else None, original.body[0]
        if len(original.body) != 1 or not isinstance(changed, cst.Assign) or not isinstance(assign, cst.Assign):
            return updated  # not an assignment, or no longer one (a writer made `x = write(...)` a bare write)
        targets = [t.target for t in changed.targets]
        if not all(isinstance(t, cst.Attribute) and ctx.qualified(t.value) & FRAME_TYPES for t in targets):
            return updated
        ctx.add_import("pyspark.sql", "DataFrame")
        methods = ", ".join(t.attr.value for t in targets if isinstance(t, cst.Attribute))
        ctx.review(
            original,
            self.id,
            f"Glue Studio custom visual transform {methods}: now a DataFrame method, so "
            "self is a DataFrame: check the function's DynamicFrame calls (self.toDF(), self.glue_ctx, "
            "self.name, self.schema()): as written, most of them fail on a DataFrame and stop the job",
        )
        new_targets = [
            t.with_changes(target=t.target.with_changes(value=cst.Name("DataFrame")))
            if isinstance(t.target, cst.Attribute)
            else t
            for t in assign.targets
        ]
        return updated.with_changes(body=[assign.with_changes(targets=new_targets)])


RULES_IN_ORDER: tuple[type[Rule], ...] = (
    StudioSqlHelpers,
    StudioAggregate,
    StudioDropNulls,
    GlueTypes,
    StudioTransforms,
    DataQuality,
    CustomTransform,
    GlueMlTransforms,
    CustomVisualTransform,
)
