"""Boilerplate: awsglue imports, SparkContext, GlueContext, its session and SQLContext uses, logger, Job."""

from __future__ import annotations

from typing import Any

import libcst as cst
import libcst.matchers as m

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.names import GLUE_CONTEXT, STAR_EXPORTS
from g2l_merge.convert.rules.base import Rule, expr, stmt

SESSION_BUILDER = "SparkSession.builder.getOrCreate()"
# GlueContext is a SQLContext: these are SparkSession members too.
SQL_CONTEXT_MEMBERS = frozenset({"sql", "read", "readStream", "createDataFrame", "table", "range", "udf",
                                 "sparkContext", "catalog", "conf", "streams", "newSession", "sparkSession"})


def _single(node: cst.SimpleStatementLine) -> cst.BaseSmallStatement | None:
    return node.body[0] if len(node.body) == 1 else None


def _assigned(node: cst.SimpleStatementLine) -> tuple[str, cst.BaseExpression] | None:
    small = _single(node)
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        return small.targets[0].target.value, small.value
    return None


class AwsglueImports(Rule):
    """Remove awsglue imports once nothing uses them; star imports from awsglue always go.

    Before::

        from awsglue.transforms import *
        from awsglue.context import GlueContext
        import awsglue.transforms as T

    After: the three lines are gone (the names they brought in were converted by the other rules).
    """

    id = "G2L001"
    name = "awsglue-imports"
    summary = "Remove awsglue imports, star imports included, once the converted code no longer needs them."

    def leave_ImportFrom(self, ctx: ConvertContext, original: cst.ImportFrom, updated: cst.ImportFrom) -> Any:
        module = ".".join(_dotted_name(original.module)) if original.module else ""
        if module.split(".")[0] == "awsglue" and not isinstance(original.names, cst.ImportStar):
            for alias in original.names:
                ctx.remove_import(module, _dotted_name(alias.name)[-1], _asname(alias))
        return updated

    def leave_Import(self, ctx: ConvertContext, original: cst.Import, updated: cst.Import) -> Any:
        for alias in original.names:
            dotted = ".".join(_dotted_name(alias.name))
            if dotted.split(".")[0] == "awsglue":
                ctx.remove_import(dotted, None, _asname(alias))
        return updated

    def leave_SimpleStatementLine(self, ctx: ConvertContext, original: cst.SimpleStatementLine,
                                  updated: cst.SimpleStatementLine) -> Any:
        small = _single(original)
        if (isinstance(small, cst.ImportFrom) and isinstance(small.names, cst.ImportStar)
                and small.module is not None and ".".join(_dotted_name(small.module)) in STAR_EXPORTS):
            return cst.RemovalSentinel.REMOVE
        return updated


def _dotted_name(node: cst.BaseExpression) -> list[str]:
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, cst.Attribute):
        return [*_dotted_name(node.value), node.attr.value]
    return []


def _asname(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return None


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
    """

    id = "G2L002"
    name = "spark-session"
    summary = "SparkContext/GlueContext setup becomes SparkSession.builder.getOrCreate(); SQLContext uses move to it."

    def leave_SimpleStatementLine(self, ctx: ConvertContext, original: cst.SimpleStatementLine,
                                  updated: cst.SimpleStatementLine) -> Any:
        binding = _assigned(original)
        if binding is None:
            return updated
        name, value = binding
        tracked = ctx.tracked
        if name in tracked.glue_contexts and m.matches(value, m.Call()):
            ctx.add_import("pyspark.sql", "SparkSession")
            ctx.remove_import("pyspark.context", "SparkContext")
            return updated.with_changes(body=[cst.Assign([cst.AssignTarget(cst.Name(tracked.session))],
                                                         expr(SESSION_BUILDER))])
        if name in tracked.spark_contexts:
            ctx.remove_import("pyspark.context", "SparkContext")
            if tracked.glue_contexts and tracked.uses.get(name, 0) <= 2:  # bound here, passed to GlueContext
                return cst.RemovalSentinel.REMOVE
            ctx.add_import("pyspark.sql", "SparkSession")
            return updated.with_changes(body=[stmt(f"{name} = {SESSION_BUILDER}.sparkContext").body[0]])  # type: ignore[attr-defined]
        if name == tracked.session and m.matches(value, m.Attribute(attr=m.Name("spark_session"))) \
                and tracked.glue_contexts:
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_Attribute(self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute) -> Any:
        if not ctx.tracked.is_glue_context(original.value):
            return updated
        member = original.attr.value
        if member == "spark_session":
            return _session(ctx, original.value, updated.value)
        if member in SQL_CONTEXT_MEMBERS:
            return updated.with_changes(value=_session(ctx, original.value, updated.value))
        return updated

    def leave_Arg(self, ctx: ConvertContext, original: cst.Arg, updated: cst.Arg) -> Any:
        value = original.value
        if isinstance(value, cst.Name) and value.value in ctx.tracked.glue_contexts:
            return updated.with_changes(value=cst.Name(ctx.tracked.session))
        return updated

    def leave_Param(self, ctx: ConvertContext, original: cst.Param, updated: cst.Param) -> Any:
        annotation = original.annotation
        if annotation is not None and GLUE_CONTEXT in ctx.qualified(annotation.annotation):
            ctx.add_import("pyspark.sql", "SparkSession")
            return updated.with_changes(annotation=cst.Annotation(cst.Name("SparkSession")))
        return updated

    def finish(self, ctx: ConvertContext, module: cst.Module) -> cst.Module:
        """Statements left for review may still call the glue context: keep its name bound to the session."""
        remaining = sorted(name for name in ctx.tracked.glue_contexts if _loads(module, name))
        if not remaining:
            return module
        body = list(module.body)
        at = next((i + 1 for i, s in enumerate(body) if _binds_session(s, ctx.tracked.session)), 0)
        aliases = [stmt(f"{name} = {ctx.tracked.session}  # g2l: kept for the Glue calls left for review")
                   for name in remaining]
        if any(_binds(s, name) for s in body for name in remaining):
            return module
        return module.with_changes(body=[*body[:at], *aliases, *body[at:]])


def _session(ctx: ConvertContext, original: cst.BaseExpression, updated: cst.BaseExpression) -> cst.BaseExpression:
    """The SparkSession expression for a glue context: the module's session, or the parameter itself."""
    if isinstance(original, cst.Name) and original.value in ctx.tracked.glue_contexts:
        return cst.Name(ctx.tracked.session)
    return updated


def _loads(module: cst.Module, name: str) -> bool:
    """The module still reads `name` outside functions whose own parameter of that name shadows it."""
    finder = _FreeUse(name)
    module.visit(finder)
    return finder.found


class _FreeUse(cst.CSTVisitor):
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
    return isinstance(statement, cst.SimpleStatementLine) and _assigned(statement) is not None \
        and _assigned(statement)[0] == name  # type: ignore[index]


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

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> Any:
        func = original.func
        if m.matches(func, m.Attribute(attr=m.Name("get_logger"))) and ctx.tracked.is_glue_context(
                func.value):  # type: ignore[attr-defined]
            ctx.add_import("logging")
            return expr("logging.getLogger(__name__)")
        if (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.attr.value == "warn"
                and func.value.value in ctx.tracked.loggers and isinstance(updated.func, cst.Attribute)):
            return updated.with_changes(func=updated.func.with_changes(attr=cst.Name("warning")))
        return updated


class JobLifecycle(Rule):
    """Job(glueContext), job.init(...) and job.commit() go: a Databricks job run needs neither.

    Before::

        job = Job(glueContext)
        job.init(args["JOB_NAME"], args)
        ...
        job.commit()

    After: the three statements are gone. When the script passed `transformation_ctx` (it relied on job
    bookmarks), the first such call gets a review item: incremental reads need Auto Loader or a watermark.
    """

    id = "G2L004"
    name = "job-lifecycle"
    summary = "Remove Job init/commit; flag scripts that relied on job bookmarks (transformation_ctx)."

    def leave_SimpleStatementLine(self, ctx: ConvertContext, original: cst.SimpleStatementLine,
                                  updated: cst.SimpleStatementLine) -> Any:
        small = _single(original)
        jobs = ctx.tracked.jobs
        binding = _assigned(original)
        if binding is not None and binding[0] in jobs:
            return cst.RemovalSentinel.REMOVE
        if isinstance(small, cst.Expr) and m.matches(small.value, m.Call(func=m.Attribute(
                value=m.Name(), attr=m.Name("init") | m.Name("commit")))) \
                and small.value.func.value.value in jobs:  # type: ignore[attr-defined]
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_Arg(self, ctx: ConvertContext, original: cst.Arg, updated: cst.Arg) -> Any:
        if original.keyword is not None and original.keyword.value == "transformation_ctx" and ctx.tracked.jobs \
                and not any(f.rule == self.id for f in ctx.findings):
            ctx.review(original, self.id, "this job used Glue job bookmarks (transformation_ctx): read "
                       "incrementally with Auto Loader (cloudFiles) or a watermark table")
        return updated

RULES_IN_ORDER: tuple[type[Rule], ...] = (AwsglueImports, SparkSessionSetup, GlueLogger, JobLifecycle)
