"""Writers: glue context sinks become DataFrameWriter calls that state their mode (Glue always appends)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import libcst as cst
from libcst.metadata import ParentNodeProvider

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.rules.base import Rule, StatementResult, code_of, expr, string_value
from g2l_merge.convert.rules.readers import CREDENTIALS, JdbcAccess, catalog_id_note, database_note, jdbc_access
from g2l_merge.convert.rules.storage import (
    JDBC_TYPES,
    LEFT_AS_WRITTEN,
    PARAMETERS,
    CallRule,
    GlueCall,
    Outcome,
    Step,
    TableName,
    apply,
    bind,
    boolean,
    chain,
    column_of,
    connection_type,
    converted,
    flag,
    glue_call,
    glue_method,
    is_blank,
    option,
    options_in,
    options_of,
    paths_note,
    receiver,
    storage_path,
    string,
    table_name,
    trailing_comment,
    unconverted,
)

_COMPRESSION = {"compression": "compression"}
WRITE_FORMATS: dict[str, dict[str, str]] = {  # Glue format -> its format_options (lower-cased) -> Spark option
    "parquet": {**_COMPRESSION, "blocksize": "parquet.block.size", "pagesize": "parquet.page.size"},
    "csv": {**_COMPRESSION, "separator": "sep", "quotechar": "quote", "escaper": "escape", "writeheader": "header"},
    "json": _COMPRESSION,
    "orc": _COMPRESSION,
    "avro": _COMPRESSION,
    "xml": {**_COMPRESSION, "rowtag": "rowTag", "roottag": "rootTag"},
}
FORMAT_ALIASES = {"glueparquet": "parquet"}
WRITE_TUNING = frozenset({"useGlueParquetWriter".lower(), "optimizeperformance"})
SCHEMA_UPDATE = (
    "Glue also updated the table's schema on write (enableUpdateCatalog, UPDATE_IN_DATABASE): "
    'as converted, an append with a new column fails: add .option("mergeSchema", True) if new columns must '
    "still be added"
)


def _writer(ctx: ConvertContext, original: cst.Call, method: str) -> GlueCall | None:
    glue = glue_call(ctx, original)
    return glue if glue is not None and glue.direction == "write" and glue.method == method else None


def _write_root(frame: cst.BaseExpression) -> cst.BaseExpression:
    return cst.Attribute(value=receiver(frame), attr=cst.Name("write"))


def _append() -> Step:
    return Step("mode", (string("append"),))


def _partition_by(keys: cst.BaseExpression | None) -> list[Step]:
    """partitionBy(...) for Glue's partitionKeys: a literal list spread out, anything else starred."""
    if is_blank(keys) or (isinstance(keys, cst.List) and not keys.elements):
        return []
    assert keys is not None
    if isinstance(keys, cst.List | cst.Tuple) and all(isinstance(e, cst.Element) for e in keys.elements):
        return [Step("partitionBy", tuple(element.value for element in keys.elements))]
    return [Step("partitionBy", (cst.Arg(keys, star="*"),))]


def _unknown(keys: list[str], what: str) -> Outcome:
    return unconverted(f"{what} {', '.join(keys)} not understood: convert this write by hand")


def _format_steps(file_format: str, options: Mapping[str, cst.BaseExpression]) -> list[Step] | Outcome:
    """Spark options for a Glue file format and its format_options; Glue writes CSV headers by default."""
    names = WRITE_FORMATS[file_format]
    steps, unknown = [], []
    if file_format == "csv" and not any(key.lower() == "writeheader" for key in options):
        steps.append(option("header", boolean(True)))
    for key, value in options.items():
        spark_name = names.get(key.lower())
        if spark_name == "quote" and code_of(value) == "-1":
            steps.append(option("quote", string("")))
        elif spark_name is not None:
            steps.append(option(spark_name, value))
        elif key.lower() not in WRITE_TUNING:
            unknown.append(key)
    return _unknown(unknown, "format_options") if unknown else steps


def _file_format(node: cst.BaseExpression | None) -> str | None:
    text = string_value(node)
    if text is None:
        return None
    lower = FORMAT_ALIASES.get(text.lower(), text.lower())
    return lower if lower in WRITE_FORMATS else None


def _schema_note(options: Mapping[str, cst.BaseExpression]) -> str:
    update = flag(options.get("enableUpdateCatalog"))
    behavior = string_value(options.get("updateBehavior"))
    return SCHEMA_UPDATE if update and behavior != "LOG" else ""


class _WriteResult(CallRule):
    """Glue writers return the frame they wrote, which scripts bind (datasink4 = ...) and seldom read; a Spark
    write returns None. An unread binding goes with the conversion; a read one gets a review item."""

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        result = super().leave_SimpleStatementLine(ctx, original, updated)
        if not isinstance(result, cst.SimpleStatementLine):
            return result
        small, new = original.body[0], result.body[0]
        target = _lone_target(small)
        is_write = (
            target is not None
            and isinstance(new, cst.Assign)
            and isinstance(new.value, cst.Call)
            and isinstance(new.value.func, cst.Attribute)
            and new.value.func.attr.value in ("save", "saveAsTable")
        )
        if target is None or not is_write or self.owns(ctx, small.value) is None:  # type: ignore[attr-defined]
            return result
        if ctx.tracked.uses.get(target, 0) != 1:
            ctx.review(
                original,
                self.id,
                f"Glue's write returned the frame it wrote; a Spark write returns None: "
                f"as converted, {target} is None, so code that uses it as a frame fails: read that frame where "
                f"{target} is read",
            )
            return result
        return result.with_changes(body=[cst.Expr(new.value)])  # type: ignore[attr-defined]


def _lone_target(small: cst.BaseSmallStatement) -> str | None:
    """The name in `name = <call>`, else None."""
    if (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
        and isinstance(small.value, cst.Call)
    ):  # not a matcher: this runs for every statement
        return small.targets[0].target.value
    return None


def _write_chain(
    ctx: ConvertContext, original: cst.Call, frame: cst.BaseExpression, steps: Sequence[Step]
) -> cst.BaseExpression:
    """frame.write.<steps>, laid out for where it will start (an unread `name = ` in front of it goes)."""
    try:
        parent = ctx.metadata.get_metadata(ParentNodeProvider, original)
    except KeyError:
        parent = None
    target = _lone_target(parent) if isinstance(parent, cst.Assign) else None
    column = column_of(ctx, parent) if target is not None and ctx.tracked.uses.get(target, 0) == 1 else None
    return chain(ctx, original, _write_root(frame), steps, column=column)


class S3Writer(_WriteResult):
    """An S3 write becomes df.write with an explicit append, the format's options, partitionBy and save.

    Before::

        glueContext.write_dynamic_frame.from_options(
            frame=risk,
            connection_type="s3",
            connection_options={"path": "s3://risk-curated/risk/", "partitionKeys": ["day"]},
            format="glueparquet",
            format_options={"compression": "snappy"},
        )

    After (paths = {"s3://risk-curated/" = "/Volumes/prod/risk/curated/"})::

        (
            risk.write.mode("append")
            .format("parquet")
            .option("compression", "snappy")
            .partitionBy("day")
            .save("/Volumes/prod/risk/curated/risk/")
        )

    Glue appends, so the write says mode("append"); glueparquet is parquet; CSV writes keep Glue's header
    (writeHeader defaults to true); separator, quoteChar, escaper, compression, blockSize and pageSize map to
    their Spark names. A name bound to the write's result and never read goes with it.
    """

    id = "G2L201"
    name = "s3-writer"
    summary = 'write_dynamic_frame.from_options to S3 becomes df.write.mode("append").format(...).save(path).'

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = _writer(ctx, original, "from_options")
        return glue if glue is not None and connection_type(original, glue) == "s3" else None

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        bound = bind(updated, PARAMETERS["write", "from_options"])
        if isinstance(bound, str) or "frame" not in bound:
            reason = bound if isinstance(bound, str) else "has no frame"
            return unconverted(f"this S3 write {reason}: convert it by hand")
        file_format = _file_format(bound.get("format"))
        connection = options_in(ctx, original, updated, bound, "connection_options")
        formatting = options_in(ctx, original, updated, bound, "format_options")
        if file_format is None:
            shown = code_of(bound["format"]) if "format" in bound else "no format"
            return unconverted(f"format {shown} has no Spark writer here: convert this write by hand")
        if connection is None or formatting is None:
            return unconverted(
                "connection_options and format_options must be literal dicts (or a name bound "
                "once to one and read only here): convert this write by hand"
            )
        if "path" not in connection:
            return unconverted('connection_options has no "path" (Glue writes to one path): convert this write by hand')
        unknown = [key for key in connection if key not in ("path", "partitionKeys", "compression")]
        if unknown:
            return _unknown(unknown, "connection_options")
        format_steps = _format_steps(file_format, formatting)
        if isinstance(format_steps, Outcome):
            return format_steps
        path, mapped = storage_path(ctx.config, connection["path"])
        compression = [option("compression", connection["compression"])] if "compression" in connection else []
        steps = [
            _append(),
            Step("format", (string(file_format),)),
            *format_steps,
            *compression,
            *_partition_by(connection.get("partitionKeys")),
            Step("save", (path,)),
        ]
        return converted(_write_chain(ctx, original, bound["frame"], steps), paths_note(not mapped))


class CatalogWriter(_WriteResult):
    """A Data Catalog write becomes saveAsTable on the Unity Catalog name, appending as Glue does.

    Before::

        glueContext.write_dynamic_frame.from_catalog(
            frame=risk, database="risk", table_name="exposures",
            additional_options={"partitionKeys": ["day"]}, transformation_ctx="sink",
        )

    After (catalog = "main")::

        risk.write.mode("append").partitionBy("day").saveAsTable("main.risk.exposures")

    Never insertInto (it matches columns by position; Glue matches them by name). enableUpdateCatalog with
    UPDATE_IN_DATABASE also changed the table's schema: a review item says how to keep doing that.
    """

    id = "G2L202"
    name = "catalog-writer"
    summary = 'write_dynamic_frame.from_catalog becomes df.write.mode("append").saveAsTable on the UC name.'

    KNOWN = frozenset({"partitionKeys", "enableUpdateCatalog", "updateBehavior", "useGlueParquetWriter"})

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        return _writer(ctx, original, "from_catalog")

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        bound = bind(updated, PARAMETERS["write", "from_catalog"])
        if isinstance(bound, str) or "frame" not in bound:
            reason = bound if isinstance(bound, str) else "has no frame"
            return unconverted(f"this catalog write {reason}: convert it by hand")
        name = table_name(ctx.config, bound.get("database"), bound.get("table_name"))
        options = options_in(ctx, original, updated, bound, "additional_options")
        if name is None:
            return unconverted("database and table_name not understood: write with saveAsTable by hand")
        if options is None:
            return unconverted("additional_options is not a literal dict: write with saveAsTable by hand")
        unknown = [key for key in options if key not in self.KNOWN]
        if unknown:
            return _unknown(unknown, "additional_options")
        steps = [_append(), *_partition_by(options.get("partitionKeys")), Step("saveAsTable", (name.node,))]
        return converted(
            _write_chain(ctx, original, bound["frame"], steps),
            database_note(name),
            catalog_id_note(bound.get("catalog_id")),
            _schema_note(options),
        )


class JdbcWriter(_WriteResult):
    """A JDBC write becomes df.write.mode("append").format("jdbc") with a review item for the credentials.

    Before::

        glueContext.write_dynamic_frame.from_jdbc_conf(
            frame=risk, catalog_connection="risk-pg",
            connection_options={"dbtable": "public.risk", "database": "risk"},
        )

    After::

        # g2l: review G2L203: the URL and credentials were in Glue connection "risk-pg": keep them in secret ...
        (
            risk.write.mode("append")
            .format("jdbc")
            .option("url", dbutils.secrets.get("risk-pg", "url"))
            .option("dbtable", "public.risk")
            .option("user", dbutils.secrets.get("risk-pg", "user"))
            .option("password", dbutils.secrets.get("risk-pg", "password"))
            .save()
        )

    A Glue connection (catalog_connection) becomes a secret scope of the same name holding url, user and
    password. from_options writes to mysql, postgresql, sqlserver, oracle, redshift or custom JDBC carry their
    url, dbtable and credentials over as written. preactions, postactions and unknown options stay as written.
    A Redshift write Glue staged in an S3 folder (redshift_tmp_dir, redshiftTmpDir) uses the Databricks Redshift
    connector instead: format("redshift") with tempdir (and aws_iam_role when given), COPY as in Glue.
    """

    id = "G2L203"
    name = "jdbc-writer"
    summary = 'from_jdbc_conf and JDBC from_options writes become df.write.mode("append").format("jdbc").'

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = glue_call(ctx, original)
        if glue is None or glue.direction != "write":
            return None
        jdbc_options = glue.method == "from_options" and connection_type(original, glue) in JDBC_TYPES
        return glue if glue.method == "from_jdbc_conf" or jdbc_options else None

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        convert = self.from_connection if glue.method == "from_jdbc_conf" else self.from_options
        return convert(ctx, original, updated)

    def from_options(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> Outcome:
        bound = bind(updated, PARAMETERS["write", "from_options"])
        if isinstance(bound, str) or "frame" not in bound:
            reason = bound if isinstance(bound, str) else "has no frame"
            return unconverted(f"this JDBC write {reason}: convert it by hand")
        options = options_in(ctx, original, updated, bound, "connection_options")
        if options is None:
            return unconverted(
                'connection_options is not a literal dict: write with format("jdbc") by hand; ' + CREDENTIALS
            )
        tmp_dir = _option(options, "redshiftTmpDir")  # only Redshift writes stage in a folder
        return self.write(
            ctx, original, bound["frame"], jdbc_access(ctx, options), redshift=_redshift(options, tmp_dir)
        )

    def write(
        self,
        ctx: ConvertContext,
        original: cst.Call,
        frame: cst.BaseExpression,
        access: JdbcAccess | Outcome,
        *notes: str,
        redshift: tuple[list[Step], str] | None = None,
    ) -> Outcome:
        if isinstance(access, Outcome):
            return access
        if redshift is not None:  # the Databricks Redshift connector: COPY through an S3 folder, as Glue did
            steps = [_append(), Step("format", (string("redshift"),)), *access.steps, *redshift[0], Step("save")]
            return converted(_write_chain(ctx, original, frame, steps), *access.notes, *notes, redshift[1])
        steps = [_append(), Step("format", (string("jdbc"),)), *access.steps, Step("save")]
        return converted(_write_chain(ctx, original, frame, steps), *access.notes, *notes)

    def from_connection(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> Outcome:
        bound = bind(updated, PARAMETERS["write", "from_jdbc_conf"])
        if isinstance(bound, str) or "frame" not in bound:
            reason = bound if isinstance(bound, str) else "has no frame"
            return unconverted(f"this JDBC write {reason}: convert it by hand")
        connection = bound.get("catalog_connection")
        options = options_in(ctx, original, updated, bound, "connection_options")
        if connection is None or options is None:
            return unconverted(
                "catalog_connection and a literal connection_options dict are needed: write with "
                'format("jdbc") by hand; ' + CREDENTIALS
            )
        database = options.pop("database", None)
        database_in_url = (
            ""
            if database is None
            else (
                f"Glue added database {code_of(database)} to the connection URL: as converted, the write goes to "
                "the database the url secret names: it must name that one"
            )
        )
        tmp_dir = bound.get("redshift_tmp_dir")
        tmp_dir = None if is_blank(tmp_dir) else tmp_dir
        return self.write(
            ctx,
            original,
            bound["frame"],
            jdbc_access(ctx, options, connection),
            database_in_url,
            redshift=_redshift(options, tmp_dir),
        )


def _option(options: Mapping[str, cst.BaseExpression], name: str) -> cst.BaseExpression | None:
    return next((value for key, value in options.items() if key.lower() == name.lower()), None)


def _redshift(
    options: Mapping[str, cst.BaseExpression], tmp_dir: cst.BaseExpression | None
) -> tuple[list[Step], str] | None:
    """The Databricks Redshift connector's options for a write Glue staged in an S3 folder (redshift_tmp_dir or
    redshiftTmpDir): tempdir, and aws_iam_role when Glue had one; None for a write without a folder."""
    if tmp_dir is None:
        return None
    role = _option(options, "aws_iam_role")
    steps = [option("tempdir", tmp_dir), *([option("aws_iam_role", role)] if role is not None else [])]
    access = (
        "the role Redshift assumes to read that folder is aws_iam_role"
        if role is not None
        else "give Redshift access to that folder (option aws_iam_role, or forward_spark_s3_credentials)"
    )
    return steps, (
        "Glue loaded Redshift with COPY from files it staged under its temporary folder; "
        'format("redshift") (the Databricks Redshift connector, Databricks Runtime 11.3 and later) does the same '
        f"through tempdir: {access}; the URL must be a jdbc:redshift:// one. Without that access the write fails "
        "and loads nothing; a plain JDBC write instead would insert row by row (the same rows, far slower)"
    )


# The Glue Studio sink: four statements on one name --------------------------------------------------------

SINK_METHODS = ("setCatalogInfo", "setFormat", "writeFrame")
SINK_OPTIONS = frozenset({"path", "partitionKeys", "updateBehavior", "enableUpdateCatalog", "compression"})


class SinkPlan(NamedTuple):
    """The statements of one getSink sink, in order, and why they cannot become one write ("" if they can)."""

    name: str
    statements: dict[str, cst.SimpleStatementLine]  # "getSink", "setCatalogInfo", "setFormat", "writeFrame"
    problem: str


def _sink_name(ctx: ConvertContext, statement: cst.SimpleStatementLine) -> str | None:
    """The sink a statement is part of: `X = glueContext.getSink(...)` or `X.<setCatalogInfo|...>(...)`."""
    small = statement.body[0] if len(statement.body) == 1 else None
    if (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
        and isinstance(small.value, cst.Call)
        and glue_method(ctx, small.value, "getSink") is not None
    ):
        return small.targets[0].target.value
    if (
        isinstance(small, cst.Expr)
        and isinstance(small.value, cst.Call)
        and isinstance(small.value.func, cst.Attribute)
        and isinstance(small.value.func.value, cst.Name)
        and small.value.func.attr.value in SINK_METHODS
    ):
        return small.value.func.value.value
    return None


def _role(ctx: ConvertContext, statement: cst.BaseStatement, name: str) -> str:
    if not isinstance(statement, cst.SimpleStatementLine) or _sink_name(ctx, statement) != name:
        return "other"
    small = statement.body[0]
    return "getSink" if isinstance(small, cst.Assign) else small.value.func.attr.value  # type: ignore[attr-defined]


def sink_plan(ctx: ConvertContext, statement: cst.SimpleStatementLine) -> SinkPlan | None:
    """The sink `statement` belongs to, read from the original statements of its block; None if none."""
    name = _sink_name(ctx, statement)
    try:
        block = ctx.metadata.get_metadata(ParentNodeProvider, statement) if name is not None else None
    except KeyError:
        block = None
    if name is None or not isinstance(block, cst.Module | cst.IndentedBlock):
        return None
    statements: dict[str, cst.SimpleStatementLine] = {}
    mentions, problem = 0, ""
    for sibling in block.body:
        found = ctx.metadata.names_within(sibling, name)  # findall would walk the sibling for every statement
        if not found:
            continue
        mentions += found
        role = _role(ctx, sibling, name)
        if role == "other" or role in statements or (role != "getSink" and "getSink" not in statements):
            problem = f"the sink {name} is used in ways the four Glue Studio statements do not cover"
        elif isinstance(sibling, cst.SimpleStatementLine):
            statements[role] = sibling
    if "getSink" not in statements:
        return None
    if "writeFrame" not in statements:
        problem = problem or f"the sink {name} never writes (no writeFrame)"
    if ctx.tracked.uses.get(name, 0) != mentions:
        problem = problem or f"the sink {name} is used outside getSink, setCatalogInfo, setFormat and writeFrame"
    return SinkPlan(name, statements, problem)


class _Sink(NamedTuple):
    connection: dict[str, cst.BaseExpression]  # getSink's options by name, connection_type and format included
    catalog: dict[str, cst.BaseExpression] | None
    file_format: cst.BaseExpression | None
    format_options: dict[str, cst.BaseExpression]


def _sink_arguments(plan: SinkPlan) -> _Sink | str:
    """The literal arguments of a sink's statements, or why they cannot be read."""
    calls = {role: statement.body[0].value for role, statement in plan.statements.items()}  # type: ignore[attr-defined]
    sink = _keywords(calls["getSink"], ("connection_type", "format", "transformation_ctx"))
    catalog = (
        _keywords(calls["setCatalogInfo"], ("catalogDatabase", "catalogTableName", "catalogId"))
        if "setCatalogInfo" in calls
        else None
    )
    formats = _keywords(calls["setFormat"], ("format",)) if "setFormat" in calls else {}
    for part in (sink, catalog, formats):
        if isinstance(part, str):
            return part
    assert isinstance(sink, dict) and isinstance(formats, dict) and not isinstance(catalog, str)
    file_format = formats.pop("format", None) or sink.get("format")
    unknown = [key for key in sink if key not in SINK_OPTIONS | {"connection_type", "format", "transformation_ctx"}]
    if string_value(sink.get("connection_type")) != "s3":
        shown = code_of(sink["connection_type"]) if "connection_type" in sink else "no connection_type"
        return f"a getSink for {shown} (only S3 sinks convert)"
    if unknown:
        return f"getSink options {', '.join(unknown)} not understood"
    return _Sink(sink, catalog, file_format, formats)


def _keywords(call: cst.Call, positional: Sequence[str]) -> dict[str, cst.BaseExpression] | str:
    bound: dict[str, cst.BaseExpression] = {}
    for index, item in enumerate(call.args):
        if item.star or (item.keyword is None and index >= len(positional)):
            return "a sink call with arguments that are not plain keywords"
        bound[item.keyword.value if item.keyword is not None else positional[index]] = item.value
    return bound


class StudioSink(Rule):
    """The Glue Studio sink (getSink, setCatalogInfo, setFormat, writeFrame) becomes one appending write.

    Before::

        sink = glueContext.getSink(
            path="s3://risk-curated/trades/", connection_type="s3", updateBehavior="LOG",
            partitionKeys=["day"], enableUpdateCatalog=True, transformation_ctx="sink",
        )
        sink.setCatalogInfo(catalogDatabase="risk", catalogTableName="trades")
        sink.setFormat("glueparquet", compression="snappy")
        sink.writeFrame(trades)

    After (catalog = "main")::

        # g2l: review G2L204: the table is an external parquet table at s3://risk-curated/trades/, ...
        (
            trades.write.mode("append")
            .format("parquet")
            .option("compression", "snappy")
            .partitionBy("day")
            .option("path", "s3://risk-curated/trades/")
            .saveAsTable("main.risk.trades")
        )

    Glue wrote the files under the sink's path and pointed the catalog table at them, so the table is an
    external table at the mapped path in the sink's file format (glueparquet is Parquet), with a review item:
    Unity Catalog needs an external location covering the path. Where [convert] paths maps the path into a
    Volume (no table can live there) or the format is unknown, it is a managed table, and the review item says
    what moved. The write takes the writeFrame statement's place (the comments above getSink move with it); the
    other three statements go. Without setCatalogInfo it is a file write to the mapped path, as G2L201 writes it.
    When the four statements are not all there, or the sink is used any other way, every statement stays as
    written with a review item.
    """

    id = "G2L204"
    name = "studio-sink"
    summary = (
        'getSink/setCatalogInfo/setFormat/writeFrame become one df.write.mode("append").saveAsTable '
        "(an external table at the sink's path)."
    )

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        plan = sink_plan(ctx, original)
        if plan is None:
            return updated
        role = _role(ctx, original, plan.name)
        outcome = self.outcome(ctx, plan, updated if role == "writeFrame" else plan.statements.get("writeFrame"))
        if outcome.node is None:
            message = (
                f"{outcome.message}: convert it by hand: {LEFT_AS_WRITTEN}"
                if role == "getSink"
                else f"part of the Glue sink {plan.name}, left as written (see its getSink, where the job stops)"
            )
            ctx.review(original, self.id, message)
            return updated
        if role != "writeFrame":
            _carry_reviews(ctx, original, plan.statements["writeFrame"])
            trailing_comment(ctx, original)  # the write takes it (_carried_lines): not the engine's to carry
            return cst.RemovalSentinel.REMOVE
        if outcome.message:
            ctx.review(original, self.id, outcome.message)
        carried = _carried_lines(ctx, plan)
        return updated.with_changes(body=[cst.Expr(outcome.node)], leading_lines=[*carried, *updated.leading_lines])

    def outcome(self, ctx: ConvertContext, plan: SinkPlan, write: cst.SimpleStatementLine | None) -> Outcome:
        """The write the sink becomes (None with the reason when it cannot be converted)."""
        if plan.problem or write is None:
            return unconverted(plan.problem)
        return self.convert(ctx, plan, write)

    def convert(self, ctx: ConvertContext, plan: SinkPlan, write: cst.SimpleStatementLine) -> Outcome:
        arguments = _sink_arguments(plan)
        if isinstance(arguments, str):
            return unconverted(arguments)
        frame_call = write.body[0].value  # type: ignore[attr-defined]
        frame = _keywords(frame_call, ("dynamic_frame", "info"))
        if isinstance(frame, str) or "dynamic_frame" not in frame:
            return unconverted(f"writeFrame of the sink {plan.name} takes unusual arguments")
        original_call = plan.statements["writeFrame"].body[0].value  # type: ignore[attr-defined]
        if arguments.catalog is not None:
            return self.to_table(ctx, original_call, frame["dynamic_frame"], arguments)
        return self.to_files(ctx, original_call, frame["dynamic_frame"], arguments)

    def to_table(self, ctx: ConvertContext, original: cst.Call, frame: cst.BaseExpression, sink: _Sink) -> Outcome:
        assert sink.catalog is not None
        name = table_name(ctx.config, sink.catalog.get("catalogDatabase"), sink.catalog.get("catalogTableName"))
        if name is None or not is_blank(sink.catalog.get("catalogId")):
            return unconverted("setCatalogInfo not understood (catalogDatabase, catalogTableName)")
        moved = ""
        if "path" in sink.connection and _file_format(sink.file_format) is not None:
            external = self.to_external_table(ctx, original, frame, sink, name)
            if isinstance(external, Outcome):
                return external
            moved = external
        # no format: the table takes the platform's default table format (Delta on Databricks, Parquet on
        # local Spark), as G2L202's catalog writes do, so the code that ships is the code the tests run
        steps = [_append(), *_partition_by(sink.connection.get("partitionKeys")), Step("saveAsTable", (name.node,))]
        file_format = string_value(sink.file_format) or "parquet"
        format_note = (
            ""
            if FORMAT_ALIASES.get(file_format.lower(), file_format.lower()) == "parquet"
            else (f"Glue wrote {file_format} files for this table; it is a Delta table now")
        )
        return converted(
            chain(ctx, original, _write_root(frame), steps),
            moved,
            _schema_note(sink.connection),
            format_note,
            database_note(name),
        )

    def to_external_table(
        self, ctx: ConvertContext, original: cst.Call, frame: cst.BaseExpression, sink: _Sink, name: TableName
    ) -> Outcome | str:
        """Glue wrote the files at the sink's path and pointed the catalog table at them (update-from-job): an
        external table at the mapped path, in the same file format. When the path maps into a Volume, where no
        table can live, the review note saying what moved (the caller writes a managed table)."""
        file_format = _file_format(sink.file_format)
        assert file_format is not None
        glue_path = sink.connection["path"]
        path, mapped = storage_path(ctx.config, glue_path)
        shown = string_value(path) or code_of(path)
        if (string_value(path) or "").startswith("/Volumes/"):
            return (
                f"Glue wrote the {file_format} files of this table under {string_value(glue_path)}; [convert] "
                f"paths maps that into the Volume {shown}, where no table can live, so this is a managed Delta "
                f"table: nothing new lands in {shown} and whatever reads the files there gets no new data (map the "
                "prefix to an external location to keep the files there, or have those readers read the table)"
            )
        format_steps = _format_steps(file_format, sink.format_options)
        if isinstance(format_steps, Outcome):
            return format_steps
        compression = sink.connection.get("compression")
        steps = [
            _append(),
            Step("format", (string(file_format),)),
            *format_steps,
            *([option("compression", compression)] if compression is not None else []),
            *_partition_by(sink.connection.get("partitionKeys")),
            option("path", path),
            Step("saveAsTable", (name.node,)),
        ]
        location = (
            f"the table is an external {file_format} table at {shown}, where Glue wrote its files: Unity Catalog "
            "needs an external location that covers that path (and CREATE EXTERNAL TABLE on it); without one "
            "the write fails and no data is written"
        )
        schema = (
            "Glue also added new columns to the table (enableUpdateCatalog, UPDATE_IN_DATABASE): an append "
            "with a new column fails here (ALTER TABLE ADD COLUMNS first)"
            if _schema_note(sink.connection)
            else ""
        )
        return converted(
            chain(ctx, original, _write_root(frame), steps),
            location,
            schema,
            paths_note(not mapped),
            database_note(name),
        )

    def to_files(self, ctx: ConvertContext, original: cst.Call, frame: cst.BaseExpression, sink: _Sink) -> Outcome:
        file_format = _file_format(sink.file_format)
        if file_format is None or flag(sink.connection.get("enableUpdateCatalog")) or "path" not in sink.connection:
            return unconverted(
                "a getSink without setCatalogInfo needs a path and a file format, and no enableUpdateCatalog"
            )
        format_steps = _format_steps(file_format, sink.format_options)
        if isinstance(format_steps, Outcome):
            return format_steps
        path, mapped = storage_path(ctx.config, sink.connection["path"])
        compression = sink.connection.get("compression")
        steps = [
            _append(),
            Step("format", (string(file_format),)),
            *format_steps,
            *([option("compression", compression)] if compression is not None else []),
            *_partition_by(sink.connection.get("partitionKeys")),
            Step("save", (path,)),
        ]
        return converted(chain(ctx, original, _write_root(frame), steps), paths_note(not mapped))


def _carry_reviews(ctx: ConvertContext, removed: cst.SimpleStatementLine, write: cst.SimpleStatementLine) -> None:
    """Review comments meant for a removed sink statement go above the write that replaces it."""
    ctx.move_reviews(removed, write)


def _carried_lines(ctx: ConvertContext, plan: SinkPlan) -> list[cst.EmptyLine]:
    """The removed statements' trailing comments, for the write that replaces them (the engine moves their
    leading lines)."""
    return [
        line
        for role in ("getSink", "setCatalogInfo", "setFormat")
        if role in plan.statements
        for line in trailing_comment(ctx, plan.statements[role])
    ]


# Purges and sinks with no conversion ------------------------------------------------------------------------


class Purge(Rule):
    """purge_s3_path and purge_table become glue_compat's, which delete by age as Glue does.

    Before::

        glueContext.purge_s3_path("s3://risk-tmp/staging/", options={"retentionPeriod": 24})
        glueContext.purge_table("risk", "fills_raw", options={"retentionPeriod": 0})

    After::

        glue_compat.purge_s3_path("/Volumes/prod/risk/tmp/staging/", options={"retentionPeriod": 24})
        # g2l: review G2L205: glue_compat.purge_table deletes the files of prod.risk.fills_raw of any age ...
        glue_compat.purge_table(spark, "prod.risk.fills_raw", options={"retentionPeriod": 0})

    Glue keeps files younger than retentionPeriod hours (default 168, seven days): glue_compat lists the
    files under the mapped path (dbutils.fs on Databricks) and deletes the older ones. excludeStorageClasses
    (S3 storage classes dbutils.fs does not show), manifestFilePath and purge_table's partitionPredicate
    have no equivalent: such a call stays as written with a review item. purge_table works on the table's
    location, so it carries a review item: a Delta table's files are its versions, and the helper refuses one.
    """

    id = "G2L205"
    name = "purge"
    summary = "purge_s3_path/purge_table become glue_compat's, deleting files older than retentionPeriod."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if glue_method(ctx, original, "purge_s3_path") is not None:
            return apply(ctx, self.id, original, updated, self.purge_s3_path(ctx, updated))
        session = glue_method(ctx, original, "purge_table")
        if session is not None:
            return apply(ctx, self.id, original, updated, self.purge_table(ctx, updated, session))
        return updated

    def purge_s3_path(self, ctx: ConvertContext, call: cst.Call) -> Outcome:
        bound = bind(call, ("s3_path", "options", "transformation_ctx"))
        if isinstance(bound, str) or "s3_path" not in bound:
            return unconverted(
                "this purge_s3_path call is not understood: as written, it fails at run time on Databricks (nothing is "
                "deleted): call glue_compat.purge_s3_path(path, options) by hand"
            )
        options = bound.get("options")
        literal = options_of(options) if options is not None else {}
        path, mapped = storage_path(ctx.config, bound["s3_path"])
        where = string_value(path) or "the path"
        kept = _unkept(literal)
        if kept:
            return unconverted(
                f"purge_s3_path deletes the files under {where} {_retention(literal)}; {kept} has no "
                "equivalent on Databricks: as written this fails at run time and deletes nothing; delete by "
                "modification time by hand (dbutils.fs.ls gives it) or use a storage lifecycle rule"
            )
        ctx.add_import("glue_compat")
        args = [code_of(path), *([f"options={code_of(options)}"] if options is not None else [])]
        node = expr(f"glue_compat.purge_s3_path({', '.join(args)})")
        return converted(node, paths_note(not mapped) + _deleted_note(not mapped))

    def purge_table(self, ctx: ConvertContext, call: cst.Call, session: cst.BaseExpression) -> Outcome:
        bound = bind(call, ("database", "table_name", "options", "transformation_ctx", "catalog_id"))
        name = (
            table_name(ctx.config, bound.get("database"), bound.get("table_name")) if isinstance(bound, dict) else None
        )
        options = bound.get("options") if isinstance(bound, dict) else None
        literal = options_of(options) if options is not None else {}
        table = string_value(name.node) if name is not None else None
        shown = f"table {table}" if table else "the table"
        kept = _unkept(literal)
        if name is None or isinstance(bound, str) or kept or not is_blank(bound.get("catalog_id")):
            return unconverted(
                f"purge_table deletes the files of {shown} {_retention(literal)} and keeps the table"
                + (f" ({kept} has no equivalent here)" if kept else "")
                + ": as written this fails at run time and deletes nothing; for a Delta table DELETE the "
                "rows (by partition) and let VACUUM remove the files"
            )
        ctx.add_import("glue_compat")
        args = [code_of(session), code_of(name.node), *([f"options={code_of(options)}"] if options is not None else [])]
        return converted(
            expr(f"glue_compat.purge_table({', '.join(args)})"),
            f"glue_compat.purge_table deletes the files of {shown} {_retention(literal)} under its location, "
            "as Glue does for a table of files; on a Delta table it stops with an error and deletes nothing "
            "(its files are its versions): there DELETE the old rows and VACUUM",
            database_note(name),
        )


def _unkept(options: Mapping[str, cst.BaseExpression] | None) -> str:
    """The purge options glue_compat cannot honour, named (empty when none)."""
    if options is None:
        return ""
    return ", ".join(
        key for key in ("excludeStorageClasses", "manifestFilePath", "partitionPredicate") if key in options
    )


def _deleted_note(unmapped: bool) -> str:
    return " (there it deletes under the S3 path itself)" if unmapped else ""


def _retention(options: Mapping[str, cst.BaseExpression] | None) -> str:
    """What Glue's purge options keep, in words."""
    if options is None:
        return "older than its retentionPeriod (options are computed: check them)"
    hours = _hours(options)
    if hours is None:
        text = "older than 168 hours (Glue's default retentionPeriod)"
    elif hours == "0":
        text = "of any age (retentionPeriod 0)"
    else:
        text = f"older than {hours} hours (retentionPeriod)"
    if "partitionPredicate" in options:
        text += f" in partitions matching {code_of(options['partitionPredicate'])}"
    if "excludeStorageClasses" in options:
        text += f", except storage classes {code_of(options['excludeStorageClasses'])}"
    return text


SINK_ADVICE = {
    "kafka": 'write with df.write.format("kafka") after serializing each row to a value column',
    "kinesis": "write with a Kinesis client in foreachPartition, or a connector",
    "dynamodb": "write with a DynamoDB connector, or boto3 in foreachPartition",
    "mongodb": 'use the MongoDB Spark connector (format("mongodb")) with credentials from a secret scope',
    "documentdb": 'use the MongoDB Spark connector (format("mongodb")) with credentials from a secret scope',
}


def _hours(options: Mapping[str, cst.BaseExpression]) -> str | None:
    """retentionPeriod as written (a quoted number without its quotes), None when absent."""
    hours = options.get("retentionPeriod")
    if hours is None:
        return None
    return string_value(hours) or code_of(hours)


class UnsupportedSink(Rule):
    """Sinks with no mechanical conversion stay as written, with a review item that names the way forward.

    Before::

        glueContext.write_dynamic_frame.from_options(
            frame=alerts, connection_type="kafka", connection_options={"topicName": "alerts"})

    After::

        # g2l: review G2L206: no Spark writer for kafka here: write with df.write.format("kafka") ...
        glueContext.write_dynamic_frame.from_options(
            frame=alerts, connection_type="kafka", connection_options={"topicName": "alerts"})

    Covers Kafka, Kinesis, DynamoDB, MongoDB, DocumentDB, OpenSearch and every other connection type the other
    writer rules do not take, and a connection type computed at run time.
    """

    id = "G2L206"
    name = "unsupported-sink"
    summary = "Sinks with no mechanical conversion (Kafka, DynamoDB, MongoDB, ...) become review items."

    HANDLED = JDBC_TYPES | {"s3"}

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        glue = _writer(ctx, original, "from_options")
        if glue is None:
            return updated
        kind = connection_type(original, glue)
        if kind in self.HANDLED:
            return updated
        if kind is None:
            message = "connection_type is not a literal: convert this write by hand"
        else:
            advice = SINK_ADVICE.get(kind, "use the Databricks connector for it")
            message = f"no Spark writer for {kind} here: {advice}, and convert this write by hand"
        return apply(ctx, self.id, original, updated, unconverted(message))


RULES_IN_ORDER: tuple[type[Rule], ...] = (S3Writer, CatalogWriter, JdbcWriter, StudioSink, Purge, UnsupportedSink)
