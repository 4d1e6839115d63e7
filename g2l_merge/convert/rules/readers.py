"""Readers: glue context sources become SparkSession reads (catalog tables, S3 files, JDBC, streams, RDDs)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import libcst as cst

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.rules.base import Rule, code_of, expr, string_value
from g2l_merge.convert.rules.connect import expect_rdd
from g2l_merge.convert.rules.storage import (
    JDBC_TYPES,
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
    connection_type,
    converted,
    flag,
    glue_call,
    glue_method,
    is_blank,
    one_item_a_line,
    option,
    options_in,
    options_of,
    paths_note,
    py_string,
    storage_path,
    string,
    table_name,
    unconverted,
)

# Glue reader options that only tune how Glue lists, groups or batches files: Spark plans its own splits.
TUNING = frozenset(
    {"groupfiles", "groupsize", "maxband", "maxfilesinband", "uses3listimplementation", "optimizeperformance"}
)
# additional_options of a catalog read (S3 or JDBC tables) that Spark needs no equivalent for.
CATALOG_TUNING = TUNING | {"hashfield", "hashexpression", "hashpartitions", "enablepartitioningforsamplequery"}
BOUNDED = frozenset({"boundedfiles", "boundedsize"})
BOOKMARK_KEYS = frozenset({"jobbookmarkkeys", "jobbookmarkkeyssortorder"})
# additional_options that only a streaming catalog table (Kafka, Kinesis) takes.
STREAMING_OPTIONS = frozenset(
    {
        "startingposition",
        "startingoffsets",
        "endingoffsets",
        "startingtimestamp",
        "maxfetchtimeinms",
        "maxfetchrecordspershard",
        "maxrecordperread",
        "maxoffsetspertrigger",
        "polltimeoutms",
        "windowsize",
        "emitconsumerlagmetrics",
        "addidletimebetweenreads",
        "idletimebetweenreadsinms",
        "describeshardinterval",
        "addrecordtimestamp",
        "avoidemptybatches",
        "failondataloss",
        "inferschema",
    }
)
READ_FORMATS: dict[str, dict[str, str]] = {  # Glue format -> its format_options (lower-cased) -> Spark option
    "csv": {
        "withheader": "header",
        "separator": "sep",
        "quotechar": "quote",
        "escaper": "escape",
        "multiline": "multiLine",
    },
    "json": {"multiline": "multiLine"},
    "parquet": {},
    "orc": {},
    "avro": {},
    "xml": {
        "rowtag": "rowTag",
        "encoding": "encoding",
        "excludeattribute": "excludeAttribute",
        "treatemptyvaluesasnulls": "treatEmptyValuesAsNulls",
        "attributeprefix": "attributePrefix",
        "valuetag": "valueTag",
        "ignoresurroundingspaces": "ignoreSurroundingSpaces",
    },
}
JDBC_OPTIONS = {
    "url": "url",
    "dbtable": "dbtable",
    "query": "query",
    "user": "user",
    "username": "user",
    "password": "password",
    "classname": "driver",
    "customjdbcdriverclassname": "driver",
    "fetchsize": "fetchsize",
    "batchsize": "batchsize",
    # custom and marketplace JDBC connectors: these work as in Spark's JDBC reader (parallel reads)
    "partitioncolumn": "partitionColumn",
    "lowerbound": "lowerBound",
    "upperbound": "upperBound",
    "numpartitions": "numPartitions",
}
JDBC_DROPPED = frozenset({"redshifttmpdir", "aws_iam_role", "bulksize"})
JDBC_PARALLEL = frozenset({"hashfield", "hashexpression", "hashpartitions"})
GLUE_CONNECTION = frozenset({"connectionname", "useconnectionproperties"})
CREDENTIALS = "JDBC credentials: take user and password from a secret scope (dbutils.secrets.get)"
# the same, for a converted access: its options keep the user and password where the script gave them
CREDENTIALS_KEPT = (
    "JDBC credentials: as converted, they come from where the script gives them (the data is the same): take "
    "user and password from a secret scope (dbutils.secrets.get)"
)
KAFKA_OPTIONS = {
    "bootstrap.servers": "kafka.bootstrap.servers",
    "topicname": "subscribe",
    "assign": "assign",
    "subscribepattern": "subscribePattern",
    "startingoffsets": "startingOffsets",
    "endingoffsets": "endingOffsets",
    "startingtimestamp": "startingTimestamp",
    "failondataloss": "failOnDataLoss",
    "maxoffsetspertrigger": "maxOffsetsPerTrigger",
    "minpartitions": "minPartitions",
    "includeheaders": "includeHeaders",
    "polltimeoutms": "kafkaConsumer.pollTimeoutMs",
    "numretries": "fetchOffset.numRetries",
    "retryintervalms": "fetchOffset.retryIntervalMs",
}
KINESIS_OPTIONS = {
    "streamname": "streamName",
    "endpointurl": "endpoint",
    "awsstsrolearn": "roleArn",
    "awsstssessionname": "roleSessionName",
}
KINESIS_TUNING = frozenset(
    {
        "maxfetchtimeinms",
        "maxfetchrecordspershard",
        "maxrecordperread",
        "addidletimebetweenreads",
        "idletimebetweenreadsinms",
        "describeshardinterval",
        "numretries",
        "retryintervalms",
        "maxretryintervalms",
        "avoidemptybatches",
        "emitconsumerlagmetrics",
    }
)
PARSED = frozenset({"classification", "inferschema", "schema", "delimiter"})  # Glue parsed the records itself
# Glue options that change what is read and have no Spark option: the read stays as written.
NO_EQUIVALENT = {
    "exclusions": "exclusions has no Spark equivalent (pathGlobFilter only includes file names)",
    "jsonpath": "jsonPath has no Spark equivalent (select or explode the fields it names after reading)",
    "skipfirst": "skipFirst has no Spark equivalent (drop the first data line after reading)",
    "withschema": "withSchema has no Spark option (pass a StructType with .schema(...))",
    "connectionname": "connectionName: the brokers and authentication are in a Glue connection (give them as "
    "kafka.* options, secrets from a secret scope)",
    "startingposition": "startingPosition must be latest, trim_horizon or earliest here (a timestamp needs "
    "initialPosition at_timestamp)",
    "streamarn": "a streamARN computed at run time (Databricks takes the stream's name and region: streamName, region)",
    "preactions": "preactions/postactions ran SQL in the database around the write (run it over JDBC yourself)",
    "postactions": "preactions/postactions ran SQL in the database around the write (run it over JDBC yourself)",
    "samplequery": "sampleQuery has no Spark equivalent (use the query option)",
}
READ_TABLE_BY_HAND = "read the table with spark.read.table by hand"
STREAMS = frozenset({"kafka", "kinesis"})
STREAM_ARN = re.compile(r"arn:aws[\w-]*:kinesis:([\w-]+):\d+:stream/([\w.-]+)\Z")


def _reader(ctx: ConvertContext, original: cst.Call, method: str) -> GlueCall | None:
    glue = glue_call(ctx, original)
    return glue if glue is not None and glue.direction == "read" and glue.method == method else None


def _root(glue: GlueCall, stream: bool = False) -> cst.BaseExpression:
    return cst.Attribute(value=glue.session, attr=cst.Name("readStream" if stream else "read"))


def unknown_options(keys: list[str], what: str, action: str = "convert this read by hand") -> Outcome:
    """Leave the call as written: options no rule knows, the known ones with the reason they cannot carry over."""
    explained = sorted({NO_EQUIVALENT[key.lower()] for key in keys if key.lower() in NO_EQUIVALENT})
    others = [key for key in keys if key.lower() not in NO_EQUIVALENT]
    reasons = [*explained, *([f"{what} {', '.join(others)} not understood"] if others else [])]
    return unconverted("; ".join(reasons) + ": " + action)


def _is_streaming_catalog(ctx: ConvertContext, original: cst.Call, glue: GlueCall) -> bool:
    bound = bind(original, PARAMETERS["read", "from_catalog"])
    options = options_in(ctx, original, original, bound, "additional_options") if isinstance(bound, dict) else None
    return glue.data_frame and bool(options) and any(key.lower() in STREAMING_OPTIONS for key in options or {})


@dataclass
class _BookmarkState:
    """Per file: whether its job bookmarks carry over, decided on the first ask."""

    keeps: bool | None = None
    defined: frozenset[str] = frozenset()  # the functions the file defines (Glue Studio's helpers among them)


def keeps_bookmarks(ctx: ConvertContext) -> bool:
    """The file runs a Glue Job and names a transformation_ctx on a read: its job bookmarks carry over.

    Glue keeps a bookmark only for a read that passes transformation_ctx, in a job whose Job is init()ed and
    commit()ted (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html). Such a file keeps
    its Job (glue_compat.Job, G2L004) and its reads go through glue_compat.bookmarked. A call of a function
    of the job's own (not defined in the file) that passes transformation_ctx may be such a read too."""
    state = ctx.state(_BookmarkState)
    if state.keeps is None:
        tree = ctx.metadata
        state.defined = frozenset(node.name.value for node in tree.nodes if isinstance(node, cst.FunctionDef))
        state.keeps = bool(ctx.tracked.jobs) and any(
            isinstance(node, cst.Call) and _names_bookmark(ctx, node) for node in tree.nodes
        )
    return state.keeps


def _names_bookmark(ctx: ConvertContext, call: cst.Call) -> bool:
    glue = glue_call(ctx, call)
    if glue is not None:
        return _bookmark_name(ctx, call, glue) is not None
    return unbookmarked_call(ctx, call)


def unbookmarked_call(ctx: ConvertContext, call: cst.Call) -> bool:
    """A call of a function the job imports from elsewhere (not Glue's, not the file's own) that passes
    transformation_ctx."""
    return (
        isinstance(call.func, cst.Name)
        and call.func.value not in ctx.state(_BookmarkState).defined
        and any(arg.keyword is not None and arg.keyword.value == "transformation_ctx" for arg in call.args)
        and not any(name.startswith("awsglue") for name in ctx.qualified(call.func))
    )


def _bookmark_name(ctx: ConvertContext, call: cst.Call, glue: GlueCall) -> cst.BaseExpression | None:
    """The transformation_ctx of a read Glue bookmarks (catalog tables, S3 files, JDBC tables), else None."""
    if glue.direction != "read" or glue.method not in ("from_catalog", "from_options"):
        return None
    if glue.method == "from_catalog" and _is_streaming_catalog(ctx, call, glue):
        return None
    if glue.method == "from_options" and connection_type(call, glue) not in {"s3", *JDBC_TYPES}:
        return None
    bound = bind(call, PARAMETERS["read", glue.method])
    name = None if isinstance(bound, str) else bound.get("transformation_ctx")
    return None if is_blank(name) else name


def _bookmarked(
    ctx: ConvertContext, original: cst.Call, glue: GlueCall, options: Mapping[str, cst.BaseExpression] | None = None
) -> cst.BaseExpression | None:
    """`glue_compat.bookmarked(spark, "trades"[, keys=..., sort_order=...])`, the root of a read whose job
    bookmark carries over; None for a read that has none."""
    name = _bookmark_name(ctx, original, glue)
    if name is None or not keeps_bookmarks(ctx):
        return None
    ctx.add_import("glue_compat")
    args = [cst.Arg(glue.session), cst.Arg(name)]
    for key, keyword in (("jobbookmarkkeys", "keys"), ("jobbookmarkkeyssortorder", "sort_order")):
        value = _get(options or {}, key)
        if value is not None:
            args.append(
                cst.Arg(
                    value,
                    keyword=cst.Name(keyword),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                )
            )
    return cst.Call(func=expr("glue_compat.bookmarked"), args=args)


class CatalogReader(CallRule):
    """A Data Catalog read becomes a Unity Catalog table read; push_down_predicate becomes a filter.

    Before::

        trades = glueContext.create_dynamic_frame.from_catalog(
            database="risk", table_name="trades", push_down_predicate="day >= '2024-01-01'",
            transformation_ctx="trades",
        )

    After (catalog = "main")::

        trades = spark.read.table("main.risk.trades").where("day >= '2024-01-01'")

    The schema is the [convert] databases override of the Glue database, else `<catalog>.<database>`; names
    with characters other than letters, digits and _ go in backticks. A database computed at run time becomes
    an f-string on the default catalog, with a review item. catalogPartitionPredicate is a filter too; options
    that only tune Glue's listing are dropped, and so is recurse (a table read reads every file of the table,
    subfolders included, and keeps its partition columns for the filters); any other additional_options leave
    the read as written.

    In a job that keeps its job bookmarks (a Job init()ed, reads with transformation_ctx: G2L004) the read goes
    through glue_compat.bookmarked: `glue_compat.bookmarked(spark, "trades").table("main.risk.trades")` reads
    the rows appended since the last committed run (a table stream); with jobBookmarkKeys (and
    jobBookmarkKeysSortOrder) `keys=[...]` reads the rows past the keys that run saved.
    """

    id = "G2L101"
    name = "catalog-reader"
    summary = (
        "create_dynamic_frame/create_data_frame.from_catalog becomes spark.read.table on the UC name "
        "(through glue_compat.bookmarked with job bookmarks)."
    )

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = _reader(ctx, original, "from_catalog")
        return None if glue is None or _is_streaming_catalog(ctx, original, glue) else glue

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        bound = bind(updated, PARAMETERS["read", "from_catalog"])
        if isinstance(bound, str):
            return unconverted(f"this catalog read {bound}: convert it by hand")
        name = table_name(ctx.config, bound.get("database"), bound.get("table_name"))
        options = options_in(ctx, original, updated, bound, "additional_options")
        if name is None:
            return unconverted(f"database and table_name not understood: {READ_TABLE_BY_HAND}")
        if options is None:
            return unconverted(f"additional_options is not a literal dict: {READ_TABLE_BY_HAND}")
        unknown = [
            key
            for key in options
            if key.lower() not in CATALOG_TUNING | BOUNDED | BOOKMARK_KEYS | {"recurse"}
            and key != "catalogPartitionPredicate"
        ]
        if unknown:
            return unknown_options(unknown, "additional_options")
        steps = [Step("table", (name.node,))]
        for predicate in (bound.get("push_down_predicate"), options.get("catalogPartitionPredicate")):
            if not is_blank(predicate):
                assert predicate is not None
                steps.append(Step("where", (predicate,)))
        bookmarked = _bookmarked(ctx, original, glue, options)
        notes = [
            database_note(name),
            catalog_id_note(bound.get("catalog_id")),
            _bounded_note(options),
            "" if bookmarked is not None else _bookmark_keys_note(options),
        ]
        return converted(chain(ctx, original, bookmarked or _root(glue), steps), *notes)


def database_note(name: TableName) -> str:
    return (
        (
            "the database is computed at run time: as converted, its value is the schema name as it is ([convert] "
            "databases overrides and backticks could not apply): check the Unity Catalog schema"
        )
        if name.computed_database
        else ""
    )


def catalog_id_note(catalog_id: cst.BaseExpression | None) -> str:
    if is_blank(catalog_id):
        return ""
    assert catalog_id is not None
    return (
        f"catalog_id {code_of(catalog_id)} named another account's Glue catalog: as converted, the "
        "table of that name in this workspace's catalog is used: check the Unity Catalog name"
    )


def _bounded_note(options: Mapping[str, cst.BaseExpression]) -> str:
    if not any(key.lower() in BOUNDED for key in options):
        return ""
    return (
        "boundedFiles/boundedSize capped each run's input: as converted, every run reads all of it: use Auto "
        "Loader with maxFilesPerTrigger or "
        "maxBytesPerTrigger if the job still needs that"
    )


BOOKMARK_KEYS_NOTE = (
    "jobBookmarkKeys: in a run with job bookmarks Glue read only the rows past the keys its last committed run "
    "saved; this reads every row on every run (an append target gets the earlier rows again): if the job ran "
    "with bookmarks, read through glue_compat.bookmarked(spark, <transformation_ctx>, keys=...) with a "
    "glue_compat.Job init()ed and commit()ted"
)
NO_KEYS_NOTE = (
    "Glue's bookmark of a JDBC table without jobBookmarkKeys follows its primary key (when it only grows or "
    "only shrinks): this reads every row on every run (an append target gets the earlier rows again): name "
    "that column in jobBookmarkKeys and convert again"
)


def _bookmark_keys_note(options: Mapping[str, cst.BaseExpression]) -> str:
    if not any(key.lower() in BOOKMARK_KEYS for key in options):
        return ""
    return BOOKMARK_KEYS_NOTE


class S3Reader(CallRule):
    """An S3 read (csv, json, parquet, orc, avro, xml) becomes spark.read with Spark's option names.

    Before::

        raw = glueContext.create_dynamic_frame.from_options(
            connection_type="s3",
            connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True, "groupFiles": "inPartition"},
            format="csv",
            format_options={"withHeader": True, "separator": "|"},
        )

    After (paths = {"s3://risk-raw/" = "/Volumes/prod/risk/raw/"})::

        raw = (
            spark.read.format("csv")
            .option("header", True)
            .option("sep", "|")
            .option("escape", '"')
            .option("inferSchema", True)
            .option("recursiveFileLookup", True)
            .load(["/Volumes/prod/risk/raw/trades/"])
            .transform(glue_compat.csv_types)
        )

    A CSV read infers column types (inferSchema), as Glue's reader types each value (numbers are long or
    double, not strings; glue_compat.csv_types widens the int columns inferSchema makes of small whole numbers
    to bigint, Glue's long); a file read without a header keeps Glue's column names col0, col1, ... (Spark's
    _c0, _c1, ... renamed by glue_compat.csv_column_names).

    Format options map to their Spark names (withHeader: header, separator: sep, quoteChar: quote, escaper:
    escape, multiline: multiLine; quoteChar -1 turns quoting off); without an escaper a CSV read escapes the
    quote character with itself (Glue has no escape character by default, Spark a backslash); recurse becomes
    recursiveFileLookup, except with a push_down_predicate: recursiveFileLookup turns off partition discovery
    and with it the columns the predicate filters on, so the read keeps partition discovery (which reads
    nested key=value folders) with a review item; groupFiles, groupSize and other listing knobs are dropped
    (Spark splits files itself);
    S3 prefixes go through [convert] paths. exclusions, jsonPath, skipFirst, grokLog and ion have no Spark
    equivalent: the read stays as written with a review item.

    In a job that keeps its job bookmarks (G2L004) a read with transformation_ctx starts from
    `glue_compat.bookmarked(spark, "trades")` instead of `spark.read`, with the same options: it reads the
    files no committed run read (Auto Loader on Databricks, Spark's file stream source elsewhere).
    """

    id = "G2L102"
    name = "s3-reader"
    summary = "from_options reads of S3 files become spark.read.format(...).option(...).load([...])."

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = _reader(ctx, original, "from_options")
        return glue if glue is not None and connection_type(original, glue) == "s3" else None

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        bound = bind(updated, PARAMETERS["read", "from_options"])
        if isinstance(bound, str):
            return unconverted(f"this S3 read {bound}: convert it by hand")
        file_format = string_value(bound.get("format"))
        connection = options_in(ctx, original, updated, bound, "connection_options")
        formatting = options_in(ctx, original, updated, bound, "format_options")
        if file_format is None or file_format.lower() not in READ_FORMATS:
            shown = code_of(bound["format"]) if "format" in bound else "no format"
            return unconverted(f"format {shown} has no Spark reader here: convert this read by hand")
        if connection is None or formatting is None:
            return unconverted(
                "connection_options and format_options must be literal dicts (or a name bound "
                "once to one and read only here): convert this read by hand"
            )
        if "paths" not in connection:
            return unconverted('connection_options has no "paths" list: convert this read by hand')
        file_format = file_format.lower()
        steps = [Step("format", (string(file_format),))]
        format_steps = _format_options(formatting, READ_FORMATS[file_format])
        if isinstance(format_steps, Outcome):
            return format_steps
        filtered = not is_blank(bound.get("push_down_predicate"))
        connection_steps = _s3_options(connection, partition_discovery=filtered)
        if isinstance(connection_steps, Outcome):
            return connection_steps
        if file_format == "csv":  # Glue types CSV values, and names a headerless file's columns col0, col1, ...
            format_steps += [*_csv_escape(formatting), option("inferSchema", boolean(True))]
        paths, unmapped = _paths(ctx, connection["paths"])
        paths = one_item_a_line(paths)
        steps += [*format_steps, *connection_steps, Step("load", (paths,))]
        if file_format == "csv":  # whole numbers are long in Glue, where inferSchema makes small ones int
            ctx.add_import("glue_compat")
            steps.append(Step("transform", (expr("glue_compat.csv_types"),)))
        if file_format == "csv" and flag(_format_option(formatting, "withheader")) is not True:
            steps.append(Step("transform", (expr("glue_compat.csv_column_names"),)))
        if not is_blank(bound.get("push_down_predicate")):
            steps.append(Step("where", (bound["push_down_predicate"],)))
        notes = [
            paths_note(unmapped),
            _compression_note(connection),
            _bounded_note(connection),
            _recurse_note(connection) if filtered else "",
        ]
        return converted(chain(ctx, original, _bookmarked(ctx, original, glue) or _root(glue), steps), *notes)


def _recurse_note(options: Mapping[str, cst.BaseExpression]) -> str:
    """The review item of a recursive read that a push_down_predicate filters (no recursiveFileLookup)."""
    recurse = next((value for key, value in options.items() if key.lower() == "recurse"), None)
    if recurse is None or flag(recurse) is False:
        return ""
    return (
        "recurse with push_down_predicate: Glue read only the key=value folders the predicate selects; this read "
        "keeps Spark's partition discovery (recursiveFileLookup would drop the columns the predicate filters on): "
        "as converted, it reads key=value folders at any depth, a file in a folder that is not key=value makes it "
        "fail, and the frame has the partition columns (types inferred) that Glue's from_options frame did not "
        "have: a write of all columns writes them too unless you drop them"
    )


def _format_option(options: Mapping[str, cst.BaseExpression], lower: str) -> cst.BaseExpression | None:
    return next((value for key, value in options.items() if key.lower() == lower), None)


def _format_options(options: Mapping[str, cst.BaseExpression], names: Mapping[str, str]) -> list[Step] | Outcome:
    steps, unknown = [], []
    for key, value in options.items():
        spark_name = names.get(key.lower())
        if spark_name == "quote" and code_of(value) == "-1":
            steps.append(option("quote", string("")))
        elif spark_name is not None:
            steps.append(option(spark_name, value))
        elif key.lower() not in TUNING:
            unknown.append(key)
    return unknown_options(unknown, "format_options") if unknown else steps


def _csv_escape(options: Mapping[str, cst.BaseExpression]) -> list[Step]:
    """Glue's CSV reader has no escape character unless escaper names one; Spark's escapes quotes with a
    backslash by default, and reads past the end of a quoted value that ends in one (a Windows path). Without an
    escaper the read escapes the quote character with itself: a backslash is an ordinary character and a
    doubled quote inside a quoted value is one quote (RFC 4180, which Glue's CSV page refers to)."""
    if _format_option(options, "escaper") is not None:
        return []
    quote = _format_option(options, "quotechar")
    if quote is None:
        return [option("escape", string('"'))]
    return [] if code_of(quote) == "-1" else [option("escape", quote)]


def _s3_options(options: Mapping[str, cst.BaseExpression], partition_discovery: bool = False) -> list[Step] | Outcome:
    """Spark options for the connection_options; with partition_discovery, recurse adds no recursiveFileLookup
    (Spark's partition discovery reads nested key=value folders and keeps their columns)."""
    steps, unknown = [], []
    for key, value in options.items():
        lower = key.lower()
        if lower == "recurse":
            if flag(value) is not False and not partition_discovery:
                steps.append(option("recursiveFileLookup", boolean(True) if flag(value) else value))
        elif lower == "isfailfast":
            if flag(value) is not True:
                unknown.append(key)
            else:
                steps.append(option("mode", string("FAILFAST")))
        elif lower not in TUNING | BOUNDED | {"paths", "compressiontype"}:
            unknown.append(key)
    return unknown_options(unknown, "connection_options") if unknown else steps


def _paths(ctx: ConvertContext, node: cst.BaseExpression) -> tuple[cst.BaseExpression, bool]:
    """Glue's `paths` list with every S3 prefix mapped; True when some path could not be mapped."""
    if isinstance(node, cst.List):
        mapped = [storage_path(ctx.config, element.value) for element in node.elements]
        elements = [element.with_changes(value=path) for element, (path, _) in zip(node.elements, mapped, strict=True)]
        return node.with_changes(elements=elements), not all(ok for _, ok in mapped)
    path, ok = storage_path(ctx.config, node)
    return path, not ok


def _compression_note(options: Mapping[str, cst.BaseExpression]) -> str:
    if not any(key.lower() == "compressiontype" for key in options):
        return ""
    return (
        "compressionType dropped: Spark decompresses by file extension (.gz, .bz2): as converted, a file without "
        "one is read as it is, not decompressed: check the files have one"
    )


class JdbcReader(CallRule):
    """A JDBC database read (mysql, postgresql, sqlserver, oracle, redshift, custom/marketplace jdbc) becomes
    spark.read.format("jdbc") with the same url and table, and a review item for the credentials.

    Before::

        orders = glueContext.create_dynamic_frame.from_options(
            connection_type="postgresql",
            connection_options={"url": "jdbc:postgresql://db:5432/shop", "dbtable": "public.orders",
                                "user": "etl", "password": args["DB_PASSWORD"]},
        )

    After::

        # g2l: review G2L103: JDBC credentials: take user and password from a secret scope (dbutils.secrets.get)
        orders = (
            spark.read.format("jdbc")
            .option("url", "jdbc:postgresql://db:5432/shop")
            .option("dbtable", "public.orders")
            .option("user", "etl")
            .option("password", args["DB_PASSWORD"])
            .load()
        )

    className becomes driver; redshiftTmpDir and aws_iam_role are dropped (plain JDBC needs no S3 staging);
    hashfield/hashpartitions are dropped with a note. A Glue connection (connectionName, as Glue Studio writes
    it) becomes a secret scope of the same name holding url, user and password, the options the script does
    not give. sampleQuery, a computed options dict or unknown options leave the read as written.

    In a job that keeps its job bookmarks (G2L004) a read with transformation_ctx and jobBookmarkKeys starts
    from `glue_compat.bookmarked(spark, "fills", keys=[...], sort_order=...)`: the rows past the keys of the
    last committed run. Without jobBookmarkKeys Glue used the table's primary key, which the script does not
    name: the read stays a full read, with a review item.
    """

    id = "G2L103"
    name = "jdbc-reader"
    summary = 'from_options reads of JDBC databases become spark.read.format("jdbc"), credentials reviewed.'

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = _reader(ctx, original, "from_options")
        return glue if glue is not None and connection_type(original, glue) in JDBC_TYPES else None

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        bound = bind(updated, PARAMETERS["read", "from_options"])
        if isinstance(bound, str):
            return unconverted(f"this JDBC read {bound}: convert it by hand")
        options = options_in(ctx, original, updated, bound, "connection_options")
        if options is None or not is_blank(bound.get("format")) or options_of(bound.get("format_options")) != {}:
            return unconverted(
                'connection_options is not a literal dict: read with spark.read.format("jdbc") by hand; ' + CREDENTIALS
            )
        access = jdbc_access(ctx, options)
        if isinstance(access, Outcome):
            return access
        notes = access.notes
        bookmarked = _bookmarked(ctx, original, glue, options)
        if bookmarked is not None and _get(options, "jobBookmarkKeys") is None:
            bookmarked, notes = None, [*notes, NO_KEYS_NOTE]  # Glue's key is the primary key: not known here
        elif bookmarked is not None:
            notes = [note for note in notes if note != BOOKMARK_KEYS_NOTE]
        return converted(
            chain(
                ctx,
                original,
                bookmarked or _root(glue),
                [Step("format", (string("jdbc"),)), *access.steps, Step("load")],
            ),
            *notes,
            _redshift_read_note(options),
        )


def _redshift_read_note(options: Mapping[str, cst.BaseExpression]) -> str:
    """What a Redshift read through an S3 folder (redshiftTmpDir) becomes as a plain JDBC read."""
    if _get(options, "redshiftTmpDir") is None:
        return ""
    return (
        "Glue read Redshift with UNLOAD to redshiftTmpDir; this JDBC read fetches the same rows through one "
        'connection, far slower on big tables: for UNLOAD use format("redshift") with tempdir and aws_iam_role '
        "(the Databricks Redshift connector)"
    )


class JdbcAccess(NamedTuple):
    steps: list[Step]  # the Spark JDBC options, in Glue's order
    notes: list[str]  # the review message's parts: credentials first


def jdbc_access(
    ctx: ConvertContext, options: dict[str, cst.BaseExpression], connection: cst.BaseExpression | None = None
) -> JdbcAccess | Outcome:
    """Glue JDBC connection options as Spark JDBC options; an unconverted outcome when one cannot carry over.

    A Glue connection (connectionName, or from_jdbc_conf's catalog_connection) becomes a secret scope of the same
    name holding url, user and password: the options the script does not give come from there."""
    connection = connection if connection is not None else _get(options, "connectionName")
    keys = {key.lower() for key in options} - {"connectionname", "useconnectionproperties"}
    if ("url" not in keys and connection is None) or not keys & {"dbtable", "query"}:
        return unconverted(
            "no url (or Glue connection) and dbtable in connection_options: convert this JDBC access by hand"
        )
    steps = [] if "url" in keys or connection is None else [option("url", secret(ctx, connection, "url"))]
    unknown = []
    for key, value in options.items():
        lower = key.lower()
        if lower in JDBC_OPTIONS:
            steps.append(option(JDBC_OPTIONS[lower], value))
        elif lower not in JDBC_DROPPED | JDBC_PARALLEL | BOOKMARK_KEYS | GLUE_CONNECTION | {
            "customjdbcdrivers3path",
            "secretid",
        }:
            unknown.append(key)
    if unknown:
        return unknown_options(unknown, "connection_options", "convert this JDBC access by hand; " + CREDENTIALS)
    if connection is not None:
        steps += [
            option(key, secret(ctx, connection, key))
            for key in ("user", "password")
            if not {key, "username" if key == "user" else key} & keys
        ]
    return JdbcAccess(steps, [_credentials_note(options, connection), *jdbc_notes(options)])


def secret(ctx: ConvertContext, scope: cst.BaseExpression, key: str) -> cst.BaseExpression:
    """dbutils.secrets.get(scope, key); scripts import dbutils, notebooks have it."""
    if ctx.config.job_parameters != "widgets":
        ctx.add_import("databricks.sdk.runtime", "dbutils")
    return expr(f"dbutils.secrets.get({code_of(scope)}, {py_string(key)})")


def _credentials_note(options: Mapping[str, cst.BaseExpression], connection: cst.BaseExpression | None) -> str:
    if connection is None:
        password = _get(options, "password")
        written = "; a password is written in the script: move it to a secret scope" if string_value(password) else ""
        return CREDENTIALS_KEPT + written
    if string_value(connection) is not None:
        where = f"Glue connection {code_of(connection)}: keep them in secret scope {code_of(connection)}"
    else:
        where = f"the Glue connection named by {code_of(connection)}: keep them in a secret scope of that name"
    return (
        f"the URL and credentials were in {where} (keys url, user, password) or change these options: as "
        "converted, the job reads them from there, and without them it fails and stops"
    )


def jdbc_notes(options: Mapping[str, cst.BaseExpression]) -> list[str]:
    keys = {key.lower(): value for key, value in options.items()}
    notes = [_bookmark_keys_note(options)]
    if keys.keys() & JDBC_PARALLEL:
        notes.append(
            "hashfield/hashpartitions dropped: as converted, it reads through one connection (the same data, "
            "slower): for parallel reads set partitionColumn, lowerBound, "
            "upperBound and numPartitions"
        )
    if "customjdbcdrivers3path" in keys:
        notes.append(
            f"install the JDBC driver from {code_of(keys['customjdbcdrivers3path'])} on the cluster: as converted, "
            "without it the access fails and the job stops"
        )
    if "secretid" in keys:
        notes.append(
            f"credentials were in AWS Secrets Manager ({code_of(keys['secretid'])}): as converted, nothing fetches "
            "them, so a database that needs them refuses the connection and the job stops"
        )
    return notes


def _get(options: Mapping[str, cst.BaseExpression], key: str) -> cst.BaseExpression | None:
    return next((value for name, value in options.items() if name.lower() == key.lower()), None)


class StreamReader(CallRule):
    """A Kafka or Kinesis streaming source becomes spark.readStream, with a review item for parsing the records.

    Before::

        events = glueContext.create_data_frame.from_options(
            connection_type="kafka",
            connection_options={"bootstrap.servers": "b1:9092", "topicName": "trades",
                                "startingOffsets": "earliest", "classification": "json", "inferSchema": "true"},
        )

    After::

        # g2l: review G2L104: the kafka source yields raw records: parse the value column as "json", as Glue ...
        events = (
            spark.readStream.format("kafka")
            .option("kafka.bootstrap.servers", "b1:9092")
            .option("subscribe", "trades")
            .option("startingOffsets", "earliest")
            .load()
        )

    Kinesis: streamName, endpointUrl (endpoint), awsSTSRoleARN (roleArn), startingPosition (initialPosition)
    and a literal streamARN (streamName and region) carry over; fetch tuning is dropped. A streaming catalog
    table (create_data_frame.from_catalog with streaming options) becomes spark.readStream.table on its Unity
    Catalog name, with a review item: it streams Glue's records only where the stream lands in that table. A
    stream read through a Glue connection and a batch read of a stream stay as written with a review item.
    """

    id = "G2L104"
    name = "stream-reader"
    summary = "Kafka and Kinesis sources become spark.readStream.format(...); record parsing is a review item."

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        glue = glue_call(ctx, original)
        if glue is None or glue.direction != "read":
            return None
        if glue.method == "from_catalog":
            return glue if _is_streaming_catalog(ctx, original, glue) else None
        return glue if glue.method == "from_options" and connection_type(original, glue) in STREAMS else None

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        if glue.method == "from_catalog":
            return _streaming_table(ctx, original, updated, glue)
        kind = connection_type(original, glue) or ""
        if not glue.data_frame:
            return unconverted(
                f'a batch read of {kind}: use spark.read.format("{kind}") with explicit '
                "starting and ending positions, by hand"
            )
        bound = bind(updated, PARAMETERS["read", "from_options"])
        if isinstance(bound, str):
            return unconverted(f"this {kind} read {bound}: convert it by hand")
        options = options_in(ctx, original, updated, bound, "connection_options")
        if options is None or options_of(bound.get("format_options")) is None:
            return unconverted("connection_options is not a literal dict: convert this stream by hand")
        # Glue Studio writes "typeOfData": "kinesis" (or "kafka"): the connection type again, nothing to carry over
        options = {
            key: value
            for key, value in options.items()
            if not (key.lower() == "typeofdata" and (string_value(value) or "").lower() == kind)
        }
        steps = _kafka_options(options) if kind == "kafka" else _kinesis_options(options)
        if isinstance(steps, Outcome):
            return steps
        root = _root(glue, stream=True)
        node = chain(ctx, original, root, [Step("format", (string(kind),)), *steps, Step("load")])
        return converted(node, _parse_note(kind, options, bound.get("format")))


def _streaming_table(ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
    """A streaming catalog table (Kafka/Kinesis behind a Glue table) read as a stream of the Unity Catalog
    table of that name, with a review item: it gives Glue's records only where the stream lands in that table."""
    bound = bind(updated, PARAMETERS["read", "from_catalog"])
    if isinstance(bound, str):
        return unconverted(f"this streaming catalog read {bound}: convert it by hand")
    name = table_name(ctx.config, bound.get("database"), bound.get("table_name"))
    options = options_in(ctx, original, updated, bound, "additional_options") or {}
    if name is None:
        return unconverted(
            "a streaming catalog table whose database and table_name are not understood: as written this fails "
            'at run time (no data is read): read the stream with spark.readStream.format("kafka" or "kinesis")'
        )
    dropped = sorted(key for key in options if key.lower() in STREAMING_OPTIONS)
    positions = (
        f"; {', '.join(dropped)} set where Glue started reading the stream and how it parsed it: a table stream "
        "starts from the table's first version instead"
        if dropped
        else ""
    )
    note = (
        "a streaming catalog table: Glue read the Kafka/Kinesis stream its Glue table describes and parsed each "
        "record with the table's schema; as converted, this streams the rows of the Unity Catalog table of that "
        "name, the same records only if the stream lands in that table (e.g. a Delta table an ingestion "
        "pipeline writes), else no data or other data: then read the source with "
        'spark.readStream.format("kafka" or "kinesis") and fill in its brokers and topic (or stream name and '
        "region) and a from_json schema for the value" + positions
    )
    steps = [Step("table", (name.node,))]
    return converted(chain(ctx, original, _root(glue, stream=True), steps), note, database_note(name))


def _kafka_options(options: Mapping[str, cst.BaseExpression]) -> list[Step] | Outcome:
    steps, unknown = [], []
    for key, value in options.items():
        lower = key.lower()
        if lower in KAFKA_OPTIONS:
            steps.append(option(KAFKA_OPTIONS[lower], value))
        elif lower.startswith(("security.", "ssl.", "sasl.")):
            steps.append(option("kafka." + key, value))
        elif lower not in PARSED | {"emitconsumerlagmetrics"}:
            unknown.append(key)
    return unknown_options(unknown, "connection_options") if unknown else steps


def _kinesis_options(options: Mapping[str, cst.BaseExpression]) -> list[Step] | Outcome:
    steps, unknown = [], []
    for key, value in options.items():
        lower = key.lower()
        position = string_value(value)
        if lower in KINESIS_OPTIONS:
            steps.append(option(KINESIS_OPTIONS[lower], value))
        elif lower == "startingposition" and position and position.lower() in ("latest", "trim_horizon", "earliest"):
            steps.append(option("initialPosition", string(position.lower())))
        elif lower == "streamarn" and (arn := STREAM_ARN.match(position or "")) is not None:
            steps += [option("streamName", string(arn.group(2))), option("region", string(arn.group(1)))]
        elif lower not in PARSED | KINESIS_TUNING:
            unknown.append(key)
    return unknown_options(unknown, "connection_options") if unknown else steps


def _parse_note(kind: str, options: Mapping[str, cst.BaseExpression], file_format: cst.BaseExpression | None) -> str:
    classification = _get(options, "classification") or (None if is_blank(file_format) else file_format)
    how = f" as {code_of(classification)}," if classification is not None else ","
    column = "value" if kind == "kafka" else "data"
    return (
        f"the {kind} source yields raw records: as converted, the frame has the source's columns ({column} "
        f"unparsed), not the record fields Glue gave: parse the {column} column{how} as Glue did (e.g. from_json "
        "with a schema), and check the source options"
    )


class RddReader(Rule):
    """A DynamicFrame built from an RDD becomes spark.createDataFrame (Glue does the same underneath).

    Before::

        frame = glueContext.create_dynamic_frame.from_rdd(rows, "rows", schema=schema)

    After::

        frame = spark.createDataFrame(rows, schema)
    """

    id = "G2L105"
    name = "rdd-reader"
    summary = "create_dynamic_frame.from_rdd(rdd, name, ...) becomes spark.createDataFrame(rdd, ...)."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        glue = _reader(ctx, original, "from_rdd")
        if glue is None:
            return updated
        bound = bind(updated, PARAMETERS["read", "from_rdd"])
        if isinstance(bound, str) or "data" not in bound:
            reason = bound if isinstance(bound, str) else "has no data"
            return apply(
                ctx,
                self.id,
                original,
                updated,
                unconverted(f"this from_rdd call {reason}: use spark.createDataFrame by hand"),
            )
        args: list[cst.Arg] = [cst.Arg(bound["data"])]
        if not is_blank(bound.get("schema")):
            args.append(cst.Arg(bound["schema"]))
        if not is_blank(bound.get("sample_ratio")):
            args.append(
                cst.Arg(
                    bound["sample_ratio"],
                    keyword=cst.Name("samplingRatio"),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                )
            )
        expect_rdd(ctx, original)  # G2L010: the RDD this takes is not on Spark Connect (serverless)
        return cst.Call(func=cst.Attribute(value=glue.session, attr=cst.Name("createDataFrame")), args=args)


SOURCE_ADVICE = {
    "dynamodb": "read a DynamoDB export to S3 (or use a DynamoDB connector)",
    "mongodb": 'use the MongoDB Spark connector (format("mongodb")) with credentials from a secret scope',
    "documentdb": 'use the MongoDB Spark connector (format("mongodb")) with credentials from a secret scope',
}


class UnsupportedSource(Rule):
    """Sources with no mechanical conversion stay as written, with a review item that names the way forward.

    Before::

        items = glueContext.create_dynamic_frame.from_options(
            connection_type="dynamodb", connection_options={"dynamodb.input.tableName": "items"})

    After::

        # g2l: review G2L106: no Spark reader for dynamodb: read a DynamoDB export to S3 (or use a DynamoDB ...
        items = glueContext.create_dynamic_frame.from_options(
            connection_type="dynamodb", connection_options={"dynamodb.input.tableName": "items"})

    Covers DynamoDB, MongoDB, DocumentDB, OpenSearch and every other connection type the other reader rules do
    not take, a connection type computed at run time, getSource, extract_jdbc_conf and
    create_sample_dynamic_frame_from_catalog.
    """

    id = "G2L106"
    name = "unsupported-source"
    summary = "Sources with no mechanical conversion (DynamoDB, MongoDB, getSource, ...) become review items."

    HANDLED = JDBC_TYPES | STREAMS | {"s3"}

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        message = self.message(ctx, original)
        return apply(ctx, self.id, original, updated, unconverted(message)) if message else updated

    def message(self, ctx: ConvertContext, original: cst.Call) -> str:
        if glue_method(ctx, original, "getSource") is not None:
            return (
                "getSource returns a Glue DataSource: read with spark.read (or readStream) and the source's "
                "options instead"
            )
        if glue_method(ctx, original, "extract_jdbc_conf") is not None:
            return (
                "extract_jdbc_conf reads the url and credentials of a Glue connection: keep them in a secret "
                "scope and read them with dbutils.secrets.get"
            )
        if glue_method(ctx, original, "create_sample_dynamic_frame_from_catalog") is not None:
            return "a sampled catalog read: use spark.read.table(...).limit(n) or .sample(...) by hand"
        glue = _reader(ctx, original, "from_options")
        if glue is None:
            return ""
        kind = connection_type(original, glue)
        if kind is None:
            return "connection_type is not a literal: convert this read by hand"
        if kind in self.HANDLED:
            return ""
        advice = SOURCE_ADVICE.get(kind, "use the Databricks connector for it")
        return f"no Spark reader for {kind}: {advice}, and convert this read by hand"


RULES_IN_ORDER: tuple[type[Rule], ...] = (
    CatalogReader,
    S3Reader,
    JdbcReader,
    StreamReader,
    RddReader,
    UnsupportedSource,
)
