"""glue_compat: the few AWS Glue behaviours that take more than a line or two of PySpark.

g2l-merge copies this module next to the converted code (on the glue-mirror branch, at the target root)
whenever a converted file imports it. It depends on PySpark only. Every function documents the Glue
behaviour it reproduces.

Field paths are Glue's: dots separate levels (`address.city`), backticks quote a name that holds dots
(`` `this.old.name` ``), and arrays of structs are walked through (`items.price`, or `items[].price`).
Casts are try_casts: a value that does not convert becomes null, as it does in Glue, where Spark's ANSI
cast would fail the job.

Runs on Databricks Runtime 14.3 LTS (Spark 3.5) and later; Map and Unbox without a schema need 15.3 or later.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import reduce
from typing import Any, NamedTuple

from pyspark import StorageLevel
from pyspark.errors import AnalysisException
from pyspark.sql import Column, DataFrame, Row, Window
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, BooleanType, DataType, IntegerType, StructField, StructType


def _ship_by_value() -> None:
    """Spark's Python workers get this module's functions by value, inside the pickled UDF (as they get a
    job's own functions), so a worker needs no `glue_compat` on its path: on a cluster, over Spark Connect
    and over Databricks Connect from a laptop alike."""
    import sys

    try:
        from pyspark import cloudpickle
    except ImportError:  # pragma: no cover - pyspark without its bundled cloudpickle
        return
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # type: ignore[no-untyped-call]


_ship_by_value()

# Arguments the Glue service passes to every job run; a Databricks run does not, so they get defaults.
RESERVED_DEFAULTS = {
    "JOB_ID": "",
    "JOB_RUN_ID": "",
    "SECURITY_CONFIGURATION": "",
    "encryption_type": "",
    "enable_data_lineage": "false",
    "RedshiftTempDir": "",
    "TempDir": "",
}


# What Glue's getResolvedOptions returns whether or not the script lists it (its parser always declares these,
# keyed by argparse dest): scripts read args["TempDir"] without listing it, as Glue Studio's streaming jobs do.
ALWAYS_RESOLVED = {
    "job_bookmark_option": "job-bookmark-disable",
    "job_bookmark_from": "",
    "job_bookmark_to": "",
    **RESERVED_DEFAULTS,
}


class GlueArgumentError(Exception):
    """A required job argument is missing. An Exception, as awsglue/utils.py's GlueArgumentError is (its
    argument parser raises it instead of exiting), so a job's `except Exception:` fallback still catches it."""


def resolved_options(argv: Sequence[str], options: Sequence[str]) -> dict[str, str]:
    """getResolvedOptions(sys.argv, options): every listed option is required, others are ignored.

    Accepts `--KEY value` and `--KEY=value`; the result's keys have '-' turned into '_' (argparse's dest).
    JOB_NAME defaults to the script's name and the other reserved Glue arguments to empty values. As in Glue,
    the reserved arguments (TempDir, JOB_RUN_ID, job_bookmark_option, ...) are in the result even when not
    listed, and TempDir and RedshiftTempDir stand in for each other.
    """
    given = {key.replace("-", "_"): value for key, value in _parse_argv(argv).items()}
    resolved: dict[str, str] = {}
    missing = []
    for option in options:
        dest = option.replace("-", "_")
        if dest in given:
            resolved[dest] = given[dest]
        elif option == "JOB_NAME":
            resolved[option] = os.path.splitext(os.path.basename(argv[0] if argv else "job"))[0]
        elif dest in ALWAYS_RESOLVED:
            resolved[dest] = ALWAYS_RESOLVED[dest]
        else:
            missing.append(option)
    if missing:
        raise GlueArgumentError("the following arguments are required: " + ", ".join(f"--{o}" for o in missing))
    for dest, default in ALWAYS_RESOLVED.items():
        resolved.setdefault(dest, given.get(dest, default))
    if given.get("TempDir"):
        resolved["RedshiftTempDir"] = given["TempDir"]
    elif given.get("RedshiftTempDir"):
        resolved["TempDir"] = given["RedshiftTempDir"]
    return resolved


def _parse_argv(argv: Sequence[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    items = list(argv[1:])
    at = 0
    while at < len(items):
        item = items[at]
        at += 1
        if not item.startswith("--"):
            continue
        key, sep, value = item[2:].partition("=")
        if not sep:
            if at >= len(items):
                continue
            value = items[at]
            at += 1
        given[key] = value  # the last one wins, as with argparse
    return given


def widget_options(dbutils: Any, options: Sequence[str]) -> dict[str, str]:
    """getResolvedOptions for a notebook task: each option is a job parameter read as a widget; a
    job-bookmark-option widget (the job's bookmark option, as Glue passes it) is in the result too."""
    resolved: dict[str, str] = {}
    for option in options:
        try:
            resolved[option.replace("-", "_")] = dbutils.widgets.get(option)
        except Exception:
            if option == "JOB_NAME":
                resolved[option] = "notebook"
            elif option in RESERVED_DEFAULTS:
                resolved[option] = RESERVED_DEFAULTS[option]
            else:
                raise GlueArgumentError(f"the following arguments are required: --{option}") from None
    for widget in ("job-bookmark-option", "job_bookmark_option"):  # Job.init() reads it, as Glue's does
        try:
            resolved.setdefault("job_bookmark_option", dbutils.widgets.get(widget))
            break
        except Exception:
            continue
    return resolved


# ---- stand-ins for the Glue objects a library module hands on -------------------------------------------


class Job:
    """awsglue.job.Job: init() starts a run's job bookmarks, commit() saves them (awslabs/aws-glue-libs
    awsglue/job.py hands both to Glue's JVM Job).

    `--job-bookmark-option` (job-bookmark-enable, -pause or -disable, Glue's default) comes from init()'s
    arguments (getResolvedOptions always returns job_bookmark_option), else from sys.argv. Reads made through
    `bookmarked(spark, transformation_ctx)` after init() use it: enable reads what is new since the last
    commit() and commit() advances the bookmark; pause reads the same but commit() does not advance it;
    disable reads everything. The state lives under `bookmarks` (the converter passes g2l.toml's
    [convert] bookmarks folder): `<bookmarks>/<job name>/<transformation_ctx>/`; deleting that folder resets
    the bookmark of that read (deleting `<bookmarks>/<job name>/` resets the job's). Without a folder, reads
    read everything. A run that stops before commit() leaves the bookmark where it was: the next run reads the
    same input again, as in Glue."""

    def __init__(self, context: Any = None, bookmarks: str | None = None) -> None:
        self.name: str | None = None
        self.args: dict[str, Any] = {}
        self.store = bookmarks.rstrip("/") if bookmarks else None
        self.option = BOOKMARK_DISABLE
        self.run = uuid.uuid4().hex
        self._pending: list[tuple[Any, str, list[dict[str, str]]]] = []  # (session, folder, log rows) to commit

    def init(self, job_name: str, args: Mapping[str, Any] | None = None) -> None:
        import sys

        self.name, self.args = job_name, dict(args or {})
        option = self.args.get("job_bookmark_option") or _parse_argv(sys.argv).get("job-bookmark-option")
        option = option or BOOKMARK_DISABLE
        if option not in BOOKMARK_OPTIONS:
            raise GlueArgumentError(f"--job-bookmark-option must be one of {', '.join(BOOKMARK_OPTIONS)}: {option}")
        self.option = option
        _RUNNING[:] = [self]

    def commit(self) -> None:
        """Save the bookmarks of this run's reads (with job-bookmark-enable; pause and disable save none)."""
        pending, self._pending = self._pending, []
        if self.option != BOOKMARK_ENABLE:
            return
        for spark, folder, records in pending:
            _append_log(spark, folder, records)

    def _folder(self, transformation_ctx: str) -> str:
        return f"{self.store}/{_path_part(self.name or 'job')}/{_path_part(transformation_ctx)}"

    def _later(self, spark: Any, folder: str, records: list[dict[str, str]]) -> None:
        self._pending.append((spark, folder, records))


BOOKMARK_ENABLE, BOOKMARK_PAUSE, BOOKMARK_DISABLE = "job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable"
BOOKMARK_OPTIONS = (BOOKMARK_ENABLE, BOOKMARK_PAUSE, BOOKMARK_DISABLE)
_RUNNING: list[Job] = []  # the Job whose init() ran last: a Glue job has one, and its reads go through it
_LOG_SCHEMA = "run string, kind string, name string, value string, at bigint"


def bookmarked(
    spark: Any, transformation_ctx: str, keys: Sequence[str] = (), sort_order: str = "asc"
) -> BookmarkedRead:
    """A read that keeps Glue's job bookmark named transformation_ctx: `.format(...).option(...).load(paths)`
    or `.table(name)`, as spark.read, returning the rows the bookmark lets through as a batch DataFrame.

    Files and tables without keys: the files not read by a committed run (Glue's S3 bookmark), through a
    streaming read with trigger(availableNow=True) whose checkpoint is per job and transformation_ctx: Auto
    Loader (cloudFiles) on Databricks, Spark's file source elsewhere; a catalog table as a table stream (a
    Delta table's appended rows). Each run's new rows are staged under the bookmark folder and read back; the
    stages a committed run read are not read again. With `keys` (jobBookmarkKeys, and jobBookmarkKeysSortOrder
    as sort_order): the rows whose keys, compared as one compound key, are past the value the last committed
    run saved, up to the largest (asc) or smallest (desc) value present when the read ran."""
    return BookmarkedRead(spark, transformation_ctx, tuple(keys), sort_order.lower())


class BookmarkedRead:
    """What `bookmarked(...)` returns: DataFrameReader's format/option/options/schema/load/table."""

    def __init__(self, spark: Any, transformation_ctx: str, keys: tuple[str, ...], sort_order: str) -> None:
        if sort_order not in ("asc", "desc"):
            raise ValueError(f"jobBookmarkKeysSortOrder must be asc or desc, not {sort_order!r}")
        self.spark, self.ctx, self.keys, self.sort_order = spark, transformation_ctx, keys, sort_order
        self.source: str | None = None
        self.settings: dict[str, Any] = {}
        self.columns: Any = None

    def format(self, source: str) -> BookmarkedRead:
        self.source = source
        return self

    def option(self, key: str, value: Any) -> BookmarkedRead:
        self.settings[key] = value
        return self

    def options(self, **options: Any) -> BookmarkedRead:
        self.settings.update(options)
        return self

    def schema(self, schema: Any) -> BookmarkedRead:
        self.columns = schema
        return self

    def load(self, path: str | list[str] | None = None) -> DataFrame:
        paths = [path] if isinstance(path, str) else list(path or [])

        def batch() -> DataFrame:
            reader = self.spark.read.options(**self.settings)
            reader = reader.format(self.source) if self.source else reader
            reader = reader.schema(self.columns) if self.columns is not None else reader
            return reader.load(paths) if paths else reader.load()  # type: ignore[no-any-return]

        return self._read(batch, lambda job: self._new_files(job, batch, paths))

    def table(self, name: str) -> DataFrame:
        return self._read(lambda: self.spark.read.table(name), lambda job: self._new_table_rows(job, name))

    def _read(self, batch: Callable[[], DataFrame], new: Callable[[Job], DataFrame]) -> DataFrame:
        job = _RUNNING[0] if _RUNNING else None
        if job is None or job.store is None or job.option == BOOKMARK_DISABLE:
            return batch()  # Glue reads everything without a bookmark
        if self.keys:
            return self._past_keys(job, batch())
        if self.source == "jdbc":
            return batch()  # a database table without keys: nothing marks its new rows
        return new(job)

    # -- jobBookmarkKeys: a high-water mark -------------------------------------------------------------

    def _past_keys(self, job: Job, df: DataFrame) -> DataFrame:
        folder = job._folder(self.ctx)
        saved = _latest_keys(_read_log(self.spark, folder))
        types = {field.name: field.dataType for field in df.schema.fields}
        missing = [key for key in self.keys if key not in types]
        if missing:
            raise ValueError(f"jobBookmarkKeys {', '.join(missing)} not in the columns of {self.ctx}")
        later = ">" if self.sort_order == "asc" else "<"
        if all(key in saved for key in self.keys):
            mark = [F.lit(saved[key]).cast(types[key]) for key in self.keys]
            df = df.where(_compound(self.keys, mark, later))
        pick = F.max if self.sort_order == "asc" else F.min
        bound = df.select(pick(F.struct(*[F.col(_quoted(key)) for key in self.keys])).alias("b")).first()
        if bound is None or bound["b"] is None:
            return df.where(F.lit(False))
        values = [bound["b"][index] for index in range(len(self.keys))]
        # the rows up to the mark saved: rows written after this read ran are the next run's
        df = df.where(~_compound(self.keys, [F.lit(value) for value in values], later))
        now = _now()
        records = [
            {"run": job.run, "kind": "key", "name": key, "value": _text(value), "at": now}
            for key, value in zip(self.keys, values, strict=True)
        ]
        job._later(self.spark, folder, records)
        return df

    # -- files and tables: each file (each appended row) once -----------------------------------------------

    def _new_files(self, job: Job, batch: Callable[[], DataFrame], paths: list[str]) -> DataFrame:
        if not paths:
            raise ValueError(f"a bookmarked read ({self.ctx}) needs the paths of its files")
        folder = job._folder(self.ctx)
        source = self.source or "parquet"
        if _auto_loader(self.spark):
            settings = {key: value for key, value in self.settings.items() if key != "inferSchema"}
            settings |= {
                "cloudFiles.format": source,
                "cloudFiles.schemaLocation": f"{folder}/schema",
                "cloudFiles.inferColumnTypes": str(bool(self.settings.get("inferSchema", False))).lower(),
                "cloudFiles.schemaEvolutionMode": "none",
            }
            streams = [self.spark.readStream.format("cloudFiles").options(**settings) for _ in paths]
            if self.columns is not None:
                streams = [stream.schema(self.columns) for stream in streams]
        else:  # Spark's file source needs the schema: the one the batch read gives (Glue's typing)
            schema = self.columns if self.columns is not None else batch().schema
            streams = [self.spark.readStream.format(source).options(**self.settings).schema(schema) for _ in paths]
        loaded = [stream.load(path) for stream, path in zip(streams, paths, strict=True)]
        return self._staged(job, folder, reduce(DataFrame.unionByName, loaded))

    def _new_table_rows(self, job: Job, name: str) -> DataFrame:
        folder = job._folder(self.ctx)
        return self._staged(job, folder, self.spark.readStream.table(name))

    def _staged(self, job: Job, folder: str, stream: DataFrame) -> DataFrame:
        """Run the stream to its end into this run's stage; the new rows: every stage no committed run read."""
        log = _read_log(self.spark, folder)
        consumed = {row["value"] for row in log if row["kind"] == "consumed"}
        stages = [row["value"] for row in log if row["kind"] == "staged" and row["value"] not in consumed]
        columns = [field for field in stream.schema.fields if field.name != "_rescued_data"]
        stage = f"{folder}/staged/{job.run}"
        query = (
            stream.select(*[F.col(_quoted(field.name)) for field in columns])
            .writeStream.format("parquet")
            .option("checkpointLocation", f"{folder}/checkpoint")
            .trigger(availableNow=True)
            .start(stage)
        )
        query.awaitTermination()
        if query.exception() is not None:
            raise RuntimeError(f"the bookmarked read {self.ctx} failed: {query.exception()}")
        if sum(_input_rows(progress) for progress in query.recentProgress):
            _append_log(self.spark, folder, [{"run": job.run, "kind": "staged", "name": "", "value": stage}])
            stages.append(stage)
        job._later(
            self.spark,
            folder,
            [{"run": job.run, "kind": "consumed", "name": "", "value": path, "at": _now()} for path in stages],
        )
        schema = StructType(columns)
        if not stages:
            return self.spark.createDataFrame([], schema)  # type: ignore[no-any-return]
        # the stage's files, not its sink log: that log starts at the checkpoint's batch, not at 0
        return self.spark.read.schema(schema).parquet(*[f"{stage}/part-*" for stage in stages])  # type: ignore[no-any-return]


def _compound(keys: Sequence[str], values: Sequence[Column], later: str) -> Column:
    """(k1, k2, ...) past (v1, v2, ...) in the order of the keys: the compound key Glue compares."""
    compare = COMPARATORS[later]
    terms = []
    for index, key in enumerate(keys):
        equal = [F.col(_quoted(k)) == v for k, v in zip(keys[:index], values[:index], strict=True)]
        terms.append(reduce(Column.__and__, [*equal, compare(F.col(_quoted(key)), values[index])]))
    return reduce(Column.__or__, terms)


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _text(value: Any) -> str:
    """A key value as text a cast to the key's type reads back (ints, decimals, strings, dates, timestamps)."""
    return value.isoformat(sep=" ") if hasattr(value, "hour") else str(value)


def _path_part(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.=-]", "_", name) or "_"


def _now() -> str:
    return str(time.time_ns())


def _input_rows(progress: Any) -> int:
    rows = getattr(progress, "numInputRows", None)
    return int(rows if rows is not None else progress["numInputRows"])


def _read_log(spark: Any, folder: str) -> list[Row]:
    """The bookmark log of one read (`<folder>/log`, JSON lines): none yet when the folder does not exist."""
    try:
        return list(spark.read.schema(_LOG_SCHEMA).json(f"{folder}/log").collect())
    except Exception as error:  # no log yet: AnalysisException PATH_NOT_FOUND, classic or Spark Connect
        if "PATH_NOT_FOUND" in str(error) or "does not exist" in str(error):
            return []
        raise


def _append_log(spark: Any, folder: str, records: list[dict[str, str]]) -> None:
    rows = [{**record, "at": int(record.get("at") or _now())} for record in records]
    if rows:
        spark.createDataFrame(rows, _LOG_SCHEMA).coalesce(1).write.mode("append").json(f"{folder}/log")


def _latest_keys(log: Sequence[Row]) -> dict[str, str]:
    """The key values the last committed run saved."""
    saved = sorted((row for row in log if row["kind"] == "key"), key=lambda row: row["at"])
    return {row["name"]: row["value"] for row in saved}


_AUTO_LOADER: list[bool] = []


def _auto_loader(spark: Any) -> bool:
    """Databricks (Auto Loader's cloudFiles source exists), or open-source Spark (it does not): the Databricks
    Runtime sets DATABRICKS_RUNTIME_VERSION; a client elsewhere asks the server to resolve the source."""
    if not _AUTO_LOADER:
        found = bool(os.environ.get("DATABRICKS_RUNTIME_VERSION"))
        if not found:
            try:
                probe = spark.readStream.format("cloudFiles").option("cloudFiles.format", "json").schema("x int")
                found = bool(probe.load("/g2l-cloudfiles-probe").schema)
            except Exception:
                found = False
        _AUTO_LOADER.append(found)
    return _AUTO_LOADER[0]


class SessionContext:
    """The base of a class that subclassed GlueContext: it wraps the SparkSession. What a GlueContext is as a
    SQLContext (sql, read, table, createDataFrame, udf, sparkContext, catalog, conf, ...) reaches the session,
    and spark_session is the session itself; a GlueContext's own arguments (minPartitions, targetPartitions)
    tuned DynamicFrame reads and do nothing here. Glue-only members (create_dynamic_frame,
    write_dynamic_frame, ...) are not here: the converter lists the ones a subclass uses in its review item."""

    def __init__(self, spark_context: Any = None, **options: Any) -> None:
        from pyspark.sql import SparkSession

        self.spark_session = SparkSession.builder.getOrCreate()

    @property
    def sparkSession(self) -> Any:
        return self.spark_session

    def __getattr__(self, name: str) -> Any:
        """sql, read, table, ...: the session's (only called for names the class itself does not have)."""
        if name == "spark_session" or name.startswith("__"):
            raise AttributeError(name)  # before __init__ ran, or a dunder Python looks up: not the session's
        return getattr(self.spark_session, name)


# ---- DynamicFrame transforms on DataFrames -------------------------------------------------------------

Mapping4 = tuple[str, str | None, str, str | None]
# Glue type names whose Spark spelling differs; "decimal" alone is Glue's DecimalType(), that is (10, 2).
SPARK_TYPES = {"long": "bigint", "integer": "int", "short": "smallint", "byte": "tinyint", "decimal": "decimal(10,2)"}
COMPARATORS: dict[str, Callable[[Column, Any], Column]] = {
    "<": lambda c, v: c < v,
    "<=": lambda c, v: c <= v,
    ">": lambda c, v: c > v,
    ">=": lambda c, v: c >= v,
    "=": lambda c, v: c == v,
    "==": lambda c, v: c == v,
    "!=": lambda c, v: c != v,
}
INGESTION_COLUMNS = (
    ("ingest_year", "yyyy"),
    ("ingest_month", "MM"),
    ("ingest_day", "dd"),
    ("ingest_hour", "HH"),
    ("ingest_minute", "mm"),
)
GRANULARITY = {"day": 3, "hour": 4, "minute": 5}


def apply_mapping(
    df: DataFrame, mappings: Iterable[tuple[str, ...]] | tuple[str, ...], case_sensitive: bool = False
) -> DataFrame:
    """ApplyMapping: only the mapped fields survive, renamed to their targets and cast to the target type.

    Mappings are (source, target), (source, target, target_type) or (source, source_type, target,
    target_type); a value is cast when the target type differs from the source type (or the source type
    is not given). A dotted target builds a struct, as in Glue. A source the frame does not have leaves
    its target out, as Glue does for records without the field.
    """
    if isinstance(mappings, tuple):
        mappings = [mappings]
    columns: list[tuple[list[str], Column]] = []
    for mapping in mappings:
        source, source_type, target, target_type = _mapping(mapping)
        parts = glue_path(source)
        if _path_type(df.schema, parts, case_sensitive) is None:
            continue
        column = F.col(_dotted(parts))
        if target_type is not None and spark_type(target_type) != spark_type(source_type or ""):
            column = _try_cast(column, spark_type(target_type))
        columns.append((glue_path(target), column))
    return df.select(*_nested(columns))


def _mapping(mapping: tuple[str, ...]) -> Mapping4:
    if len(mapping) == 2:
        return mapping[0], None, mapping[1], None
    if len(mapping) == 3:
        return mapping[0], None, mapping[1], mapping[2]
    if len(mapping) == 4:
        return mapping[0], mapping[1], mapping[2], mapping[3]
    raise ValueError(f"a mapping is a tuple of 2, 3 or 4 strings, not {mapping!r}")


def _nested(columns: list[tuple[list[str], Column]]) -> list[Column]:
    """Top-level columns for (target path, value) pairs: dotted targets become structs, in first-seen order."""
    groups: dict[str, list[tuple[list[str], Column]]] = {}
    for parts, column in columns:
        groups.setdefault(parts[0], []).append((parts[1:], column))
    result = []
    for name, members in groups.items():
        leaves = [column for rest, column in members if not rest]
        if leaves:
            result.append(leaves[-1].alias(name))
        else:
            result.append(F.struct(*_nested(members)).alias(name))
    return result


def spark_type(glue_type: str) -> str:
    """The Spark SQL spelling of a Glue type name."""
    name = glue_type.strip().lower()
    return SPARK_TYPES.get(name, name)


def drop_null_fields(df: DataFrame) -> DataFrame:
    """DropNullFields: drop every field that is null (or missing) in every record, nested fields included.

    Glue drops the fields its schema types as NullType, which are the fields no record has a value for;
    here that is counted in one pass over the data. Fields inside structs and arrays of structs are dropped
    in place; a struct left with no fields goes as a whole (Spark cannot drop its last field). A frame without
    records is returned as it is: nothing shows a field to be null.
    """
    paths = list(_field_paths(df.schema, []))
    if not paths:
        return df
    probes = [F.count(F.when(_present(df.schema, parts), 1)) for parts in paths]
    counts = df.agg(F.count(F.lit(1)), *probes).first()
    if counts is None or counts[0] == 0:
        return df
    empty = [parts for parts, count in zip(paths, counts[1:], strict=True) if count == 0]
    outermost = [p for p in empty if not any(q != p and p[: len(q)] == q for q in empty)]
    return reduce(_drop_parts, outermost, df)


def _field_paths(dtype: DataType, prefix: list[str]) -> Iterable[list[str]]:
    """Every field path of a schema, through structs and arrays of structs."""
    while isinstance(dtype, ArrayType):
        dtype = dtype.elementType
    if isinstance(dtype, StructType):
        for field in dtype.fields:
            yield [*prefix, field.name]
            yield from _field_paths(field.dataType, [*prefix, field.name])


def _present(schema: StructType, parts: list[str]) -> Column:
    """True for a record that has a value at `parts` (in any element of the arrays on the way)."""
    field = _field(schema, parts[0])
    assert field is not None
    return _present_in(F.col(_quote(field.name)), field.dataType, parts[1:])


def _present_in(column: Column, dtype: DataType, rest: list[str]) -> Column:
    if not rest:
        return column.isNotNull()
    if isinstance(dtype, ArrayType):
        element = dtype.elementType
        return F.exists(column, lambda item: _present_in(item, element, rest))
    field = _field(dtype, rest[0])
    assert field is not None
    return _present_in(column.getField(field.name), field.dataType, rest[1:])


def select_fields(df: DataFrame, paths: Iterable[str] | str) -> DataFrame:
    """SelectFields: keep only the given fields (a nested path keeps its struct, pruned); missing ones are ignored."""
    wanted = [glue_path(p) for p in ([paths] if isinstance(paths, str) else paths)]
    columns = []
    for field in df.schema.fields:
        below = [parts[1:] for parts in wanted if _same(parts[0], field.name)]
        if not below:
            continue
        column = F.col(_quote(field.name))
        columns.append(column if [] in below else _only(column, field.dataType, below).alias(field.name))
    return df.select(*columns)


def _only(column: Column, dtype: DataType, below: list[list[str]]) -> Column:
    """`column` keeping only the sub-fields at `below` (through arrays of structs)."""
    if isinstance(dtype, ArrayType):
        element = dtype.elementType
        return F.transform(column, lambda item: _only(item, element, below))
    if not isinstance(dtype, StructType):
        return column
    kept = []
    for field in dtype.fields:
        rest = [parts[1:] for parts in below if _same(parts[0], field.name)]
        if rest:
            inner = column.getField(field.name)
            kept.append((inner if [] in rest else _only(inner, field.dataType, rest)).alias(field.name))
    return F.when(column.isNull(), F.lit(None)).otherwise(F.struct(*kept))


def drop_fields(df: DataFrame, paths: Iterable[str] | str) -> DataFrame:
    """DropFields: drop the given fields, nested ones in place; fields the frame does not have are ignored."""
    return reduce(_drop_parts, [glue_path(p) for p in ([paths] if isinstance(paths, str) else paths)], df)


def _drop_parts(df: DataFrame, parts: list[str]) -> DataFrame:
    field = _field(df.schema, parts[0])
    if field is None:
        return df
    column = _without(F.col(_quote(field.name)), field.dataType, parts[1:])
    return df.drop(field.name) if column is None else df.withColumn(field.name, column)


def _without(column: Column, dtype: DataType, rest: list[str]) -> Column | None:
    """`column` without the field at `rest`; None when nothing of it would be left."""
    if not rest or _emptied(dtype, rest):
        return None
    if isinstance(dtype, ArrayType):
        element = dtype.elementType
        return F.transform(column, lambda item: _required(_without(item, element, rest)))
    field = _field(dtype, rest[0]) if isinstance(dtype, StructType) else None
    if field is None:
        return column
    inner = _without(column.getField(field.name), field.dataType, rest[1:])
    if inner is None:
        return column.dropFields(_quote(field.name))
    return column.withField(_quote(field.name), inner)


def _emptied(dtype: DataType, rest: list[str]) -> bool:
    """Whether dropping the field at `rest` leaves nothing of `dtype`."""
    if not rest:
        return True
    if isinstance(dtype, ArrayType):
        return _emptied(dtype.elementType, rest)
    if not isinstance(dtype, StructType):
        return False
    field = _field(dtype, rest[0])
    return field is not None and len(dtype.fields) == 1 and _emptied(field.dataType, rest[1:])


def _required(column: Column | None) -> Column:
    assert column is not None
    return column


def rename_field(df: DataFrame, old_name: str, new_name: str) -> DataFrame:
    """RenameField: rename (or move) the field at a full path; a field the frame does not have is ignored.

    A rename inside one struct keeps the field's position; a move to another parent drops the field and
    adds it at its new path.
    """
    old, new = glue_path(old_name), glue_path(new_name)
    field = _field(df.schema, old[0])
    if field is None or _path_type(df.schema, old, False) is None:
        return df
    if len(old) == 1 and len(new) == 1:
        return df.withColumnRenamed(field.name, new[0])
    if len(old) == len(new) and old[:-1] == new[:-1]:
        return df.withColumn(field.name, _renamed(F.col(_quote(field.name)), field.dataType, old[1:], new[-1]))
    return _drop_parts(_with_path(df, new, F.col(_dotted(old))), old)


def _renamed(column: Column, dtype: DataType, rest: list[str], new_name: str) -> Column:
    if isinstance(dtype, ArrayType):
        element = dtype.elementType
        return F.transform(column, lambda item: _renamed(item, element, rest, new_name))
    if not isinstance(dtype, StructType):
        return column
    fields = []
    for field in dtype.fields:
        inner = column.getField(field.name)
        if _same(field.name, rest[0]):
            fields.append(
                inner.alias(new_name)
                if len(rest) == 1
                else _renamed(inner, field.dataType, rest[1:], new_name).alias(field.name)
            )
        else:
            fields.append(inner.alias(field.name))
    return F.when(column.isNull(), F.lit(None)).otherwise(F.struct(*fields))


def _with_path(df: DataFrame, parts: list[str], value: Column) -> DataFrame:
    """`df` with `value` at `parts`, creating the structs on the way when they are missing."""
    field = _field(df.schema, parts[0])
    if field is None:
        nested = reduce(lambda inner, name: F.struct(inner.alias(name)), reversed(parts[1:]), value)
        return df.withColumn(parts[0], nested)
    if len(parts) == 1:
        return df.withColumn(field.name, value)
    return df.withColumn(field.name, F.col(_quote(field.name)).withField(_dotted(parts[1:]), value))


def split_fields(df: DataFrame, paths: Iterable[str] | str, name1: str, name2: str) -> dict[str, DataFrame]:
    """SplitFields: {name1: the given fields, name2: all the others} (a DynamicFrameCollection as a dict)."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    return {name1: select_fields(df, paths), name2: drop_fields(df, paths)}


def split_rows(
    df: DataFrame, comparison_dict: Mapping[str, Mapping[str, Any]], name1: str, name2: str
) -> dict[str, DataFrame]:
    """SplitRows: {name1: rows meeting every comparison, name2: all the other rows, nulls included}.

    comparison_dict is Glue's: {"age": {">": 10, "<": 20}}, with the comparators <, <=, >, >=, =, != .
    """
    tests = [
        COMPARATORS[op](F.col(_dotted(glue_path(path))), value)
        for path, comparisons in comparison_dict.items()
        for op, value in comparisons.items()
    ]
    matched = F.coalesce(reduce(lambda a, b: a & b, tests), F.lit(False)) if tests else F.lit(True)
    return {name1: df.filter(matched), name2: df.filter(~matched)}


def join(df1: DataFrame, df2: DataFrame, keys1: Sequence[str] | str, keys2: Sequence[str] | str) -> DataFrame:
    """Join: an inner equality join that keeps every column of both frames, the keys of both included.

    A column of df2 whose name df1 also has (a key or any other column) is renamed with a leading dot, as
    Glue names it: joining on `customerid` twice gives `customerid` and `.customerid`. While the new name is
    still taken (a nested join already made `.customerid`), it gets another dot, so every column of the
    result has a name of its own and can be selected and written.
    """
    left_keys = [keys1] if isinstance(keys1, str) else list(keys1)
    right_keys = [keys2] if isinstance(keys2, str) else list(keys2)
    if len(left_keys) != len(right_keys) or not left_keys:
        raise ValueError(f"join keys do not pair up: {left_keys} and {right_keys}")
    taken = {name.lower() for name in df1.columns}
    clashing = [name for name in df2.columns if name.lower() in taken]
    taken |= {name.lower() for name in df2.columns if name.lower() not in taken}
    clashes: dict[str, str] = {}
    for name in clashing:
        new = "." + name
        while new.lower() in taken:
            new = "." + new
        clashes[name] = new
        taken.add(new.lower())
    right = df2.withColumnsRenamed(clashes) if clashes else df2
    tests = [
        df1[_dotted(glue_path(a))] == right[_dotted(_renamed_top(glue_path(b), clashes))]
        for a, b in zip(left_keys, right_keys, strict=True)
    ]
    return df1.join(right, reduce(lambda a, b: a & b, tests))


def _renamed_top(parts: list[str], renames: Mapping[str, str]) -> list[str]:
    lowered = {name.lower(): new for name, new in renames.items()}
    return [lowered.get(parts[0].lower(), parts[0]), *parts[1:]]


def merge_frames(source: DataFrame, staging: DataFrame, primary_keys: Sequence[str] | str) -> DataFrame:
    """mergeDynamicFrame: records of `staging` replace the records of `source` with the same primary keys.

    Glue's documented result: a source record whose keys staging does not have is kept (duplicates too);
    where staging has the keys, staging's records are returned instead. Staging records whose keys the
    source does not have are not added. The two frames may have different columns (missing ones are null).
    """
    keys = [primary_keys] if isinstance(primary_keys, str) else list(primary_keys)
    kept = source.join(staging.select(*keys).distinct(), keys, "left_anti")
    replacing = staging.join(source.select(*keys).distinct(), keys, "left_semi")
    return kept.unionByName(replacing, allowMissingColumns=True)


def filter_records(df: DataFrame, predicate: Callable[[dict[str, Any]], Any]) -> DataFrame:
    """Filter with a Python function: it gets each record as a dict, as Glue's DynamicRecord.

    A record for which the function raises is dropped, as Glue does (KeyError, ValueError and TypeError
    count as False; other errors send the record to Glue's error records, which are not in the output).
    """
    test = F.udf(lambda row: _kept(predicate, row), BooleanType())  # a lambda: no type hints for Spark to read
    return df.filter(test(F.struct(*[F.col(_quote(name)) for name in df.columns])))


def _kept(predicate: Callable[[dict[str, Any]], Any], row: Row) -> bool:
    try:
        return bool(predicate(row.asDict(recursive=True)))
    except Exception:
        return False


def map_records(df: DataFrame, function: Callable[[dict[str, Any]], Any]) -> DataFrame:
    """Map with a Python function: it gets each record as a dict and returns the new record.

    As in Glue, a record for which the function raises or returns nothing is left out (Glue keeps it among
    its error records), and the result's schema is read from the records the function returns: integers are
    bigint, other numbers double, a field missing from some records is null there. Runs as a Python UDF
    (no RDD), so it runs on Spark Connect, Databricks serverless and standard access compute too. Values the
    function returns that JSON cannot hold (dates, timestamps, decimals) come back as their text.
    """
    mapped = F.udf(lambda row: _mapped(function, row), "string")  # a lambda: no type hints for Spark to read
    records = df.select(mapped(F.struct(*[F.col(_quote(name)) for name in df.columns])).alias("record"))
    records = records.where(F.col("record").isNotNull())
    parsed = _parsed_json(records, "record").select("record.*")
    first = records.first()  # the first record's field order leads, as Glue keeps a record's own order
    leading = [name for name in json.loads(first[0]) if name in parsed.columns] if first is not None else []
    return parsed.select(*[F.col(_quote(n)) for n in leading + [n for n in parsed.columns if n not in leading]])


def _mapped(function: Callable[[dict[str, Any]], Any], row: Row) -> str | None:
    try:
        record = function(row.asDict(recursive=True))
    except Exception:
        return None
    return json.dumps(record, default=str) if isinstance(record, dict) and record else None


def _parsed_json(df: DataFrame, name: str) -> DataFrame:
    """Column `name` (JSON text) parsed with the schema read from all its values, with Spark 4's VARIANT
    schema inference, which Spark Connect has (the RDD-based spark.read.json(rdd) it replaces does not)."""
    return df.withColumn(name, F.from_json(F.col(_quote(name)), _inferred_ddl(df, F.col(_quote(name)))))


def _inferred_ddl(df: DataFrame, column: Column) -> str:
    """The struct schema of the JSON objects in `column` (an empty struct when there are none).

    Called by name (call_function), so the functions are found on any runtime whose SQL has them, whether or not
    its PySpark has the Python wrappers (Databricks Runtime 15.3 and later)."""
    aggregate = F.call_function("schema_of_variant_agg", F.call_function("parse_json", column))
    try:
        inferred = df.select(aggregate).first()
    except AnalysisException as error:
        if "parse_json" not in str(error) and "schema_of_variant_agg" not in str(error):
            raise
        raise RuntimeError(
            "glue_compat reads the schema of Map and Unbox results with the VARIANT functions parse_json and "
            "schema_of_variant_agg, which need Databricks Runtime 15.3 or later: run the job there, or give "
            "unbox a schema"
        ) from error
    text = inferred[0] if inferred is not None and inferred[0] else ""
    return _struct_ddl(text if text.startswith("OBJECT<") else "OBJECT<>")


def _struct_ddl(variant_schema: str) -> str:
    """schema_of_variant_agg's text as a from_json schema: OBJECT is STRUCT, a JSON number with a fraction
    is a double (as Glue and spark.read.json read it, not a decimal), a field that was only ever null a
    string, as is one whose values have different types (Glue keeps a choice there). Backquoted field names
    are left as they are."""
    parts = re.split(r"(`(?:[^`]|``)*`)", variant_schema)
    for at in range(0, len(parts), 2):
        text = re.sub(r"\bOBJECT<", "STRUCT<", parts[at])
        text = re.sub(r"\bDECIMAL\(\d+,\s*\d+\)", "DOUBLE", text)
        parts[at] = re.sub(r"\b(?:VOID|VARIANT)\b", "STRING", text)
    return "".join(parts)


def resolve_choice(df: DataFrame, specs: Iterable[tuple[str, str]]) -> DataFrame:
    """ResolveChoice with specs: `cast:type` casts the field at the path to that type (try_cast: a value
    that does not convert is null, as in Glue); `project:type` keeps only the values already of that type.

    A DataFrame column has one type, so `project:type` keeps the column as it is when it has that type (or
    widens it without loss: int to bigint, float to double); a string column keeps the values whose text
    is a value of that type (a typed reader such as Glue's CSV reader would have read them as that type,
    where Spark's left the mixed column a string) and the others become null; in a column of any other
    type no value has the projected type, so every value becomes null, as Glue drops every value not of
    it. `make_cols` and `make_struct` split or regroup a choice type: a DataFrame column has none, so
    they leave the field as it is. Other actions raise ValueError.
    """
    for path, action in specs:
        kind, _, type_name = action.partition(":")
        if kind in ("make_cols", "make_struct") and not type_name:
            continue
        if kind not in ("cast", "project") or not type_name:
            raise ValueError(f"resolveChoice action {action!r} on {path!r} has no DataFrame equivalent")
        df = _cast_path(df, glue_path(path), spark_type(type_name), kind == "project")
    return df


def _try_cast(column: Column, type_name: str | DataType) -> Column:
    """column.try_cast where PySpark has it (Databricks Runtime 15.0 and later, Spark 4). Before that, cast: with
    ANSI mode off, the default of those runtimes, a value that does not convert becomes null all the same; with
    it on, the job fails on that value instead of changing it."""
    if hasattr(type(column), "try_cast"):  # on the class: a Column answers any attribute, as a field of itself
        return column.try_cast(type_name)
    return column.cast(type_name)


def _cast_path(df: DataFrame, parts: list[str], type_name: str, project: bool = False) -> DataFrame:
    field = _field(df.schema, parts[0])
    if field is None:
        return df
    column = _cast_in(F.col(_quote(field.name)), field.dataType, parts[1:], type_name, project)
    return df.withColumn(field.name, column)


def _cast_in(column: Column, dtype: DataType, rest: list[str], type_name: str, project: bool = False) -> Column:
    if isinstance(dtype, ArrayType):
        element = dtype.elementType
        return F.transform(column, lambda item: _cast_in(item, element, rest, type_name, project))
    if not rest:
        return _projected(column, dtype, type_name) if project else _try_cast(column, type_name)
    field = _field(dtype, rest[0]) if isinstance(dtype, StructType) else None
    if field is None:
        return column
    return column.withField(
        _quote(field.name), _cast_in(column.getField(field.name), field.dataType, rest[1:], type_name, project)
    )


# (a column's type, the projected type) pairs whose every value is also a value of the projected type
LOSSLESS = frozenset(
    {(small, "bigint") for small in ("tinyint", "smallint", "int")}
    | {(small, "int") for small in ("tinyint", "smallint")}
    | {("tinyint", "smallint"), ("float", "double")}
)


def _projected(column: Column, dtype: DataType, type_name: str) -> Column:
    """project:type_name on a value of type dtype: the value if it is of that type, else null."""
    have = dtype.simpleString()
    if have == type_name.replace(" ", "") or (have, type_name) in LOSSLESS:
        return column.cast(type_name)
    if have == "string":
        return _try_cast(column, type_name)
    return F.lit(None).cast(type_name)


def match_catalog(df: DataFrame, table: str | StructType) -> DataFrame:
    """ResolveChoice(choice="match_catalog"): cast each column to the type the catalog table gives it.

    `table` is the table's name (read through the frame's SparkSession) or its schema. Columns are matched
    by name, case-insensitively (the Glue catalog lowercases names); columns the table does not have are
    left as they are.
    """
    schema = df.sparkSession.table(table).schema if isinstance(table, str) else table
    types = {field.name.lower(): field.dataType for field in schema.fields}
    columns = []
    for field in df.schema.fields:
        wanted = types.get(field.name.lower())
        column = F.col(_quote(field.name))
        columns.append(
            column if wanted is None or wanted == field.dataType else _try_cast(column, wanted).alias(field.name)
        )
    return df.select(*columns)


def unbox(df: DataFrame, path: str, format: str, schema: StructType | str | None = None, **options: Any) -> DataFrame:
    """Unbox: parse the JSON string at `path` into a struct, in place.

    Glue reads the structure from the data; without `schema` it is inferred here from all the values (as
    map_records does: integers bigint, other numbers double; no RDD, so this runs on Spark Connect too).
    Glue's `withSchema` option (a StructType JSON string) is taken as the schema too. Formats other than
    json raise ValueError.
    """
    if format.lower() != "json":
        raise ValueError(f"unbox: only the json format is supported here, not {format!r}")
    parts = glue_path(path)
    column = F.col(_dotted(parts))
    if schema is None and "withSchema" in options:
        schema = StructType.fromJson(json.loads(options["withSchema"]))
    if schema is None:
        values = df.select(column.alias("value")).where(F.col("value").isNotNull())
        schema = _inferred_ddl(values, F.col("value"))
    return _with_path(df, parts, F.from_json(column, schema))


def unnest(df: DataFrame) -> DataFrame:
    """UnnestFrame: every field of a struct becomes a top-level column named by its full dotted path.

    Arrays stay as they are. The new names hold dots: refer to them with backticks (F.col("`a.b`")).
    """
    return df.select(
        *[
            column
            for field in df.schema.fields
            for column in _flattened(F.col(_quote(field.name)), field.dataType, field.name)
        ]
    )


def _flattened(column: Column, dtype: DataType, name: str) -> list[Column]:
    if isinstance(dtype, StructType) and dtype.fields:
        return [
            flat
            for field in dtype.fields
            for flat in _flattened(column.getField(field.name), field.dataType, f"{name}.{field.name}")
        ]
    return [column.alias(name)]


KEY_COLUMN = "__g2l_relationalize_key"


def relationalize(
    df: DataFrame,
    root_table_name: str = "roottable",
    staging_path: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, DataFrame]:
    """Relationalize: the frame unnested into a root table plus one table per array, as a dict by name.

    As in Glue: structs become dotted columns (`address.city`); each array column of the root holds a
    key (1, 2, 3, ... in the frame's order, as Glue numbers them) instead, and table `<root>_<column>` holds
    its elements with columns `id` (that key), `index`
    (the position in the array) and `<column>.val` (scalars) or `<column>.val.<field>` (structs). Arrays
    inside elements repeat this, in a table named `<root>_<their column>`. Keys are generated, then the
    keyed frame is written to `staging_path` and read back (as Glue does) so every table sees the same
    keys; without a staging path it is persisted instead. `options` is unused, as in Glue.
    """
    tables: dict[str, DataFrame] = {}
    _pivot(unnest(df), root_table_name, root_table_name, staging_path, tables)
    return tables


def _pivot(df: DataFrame, name: str, root: str, staging_path: str | None, tables: dict[str, DataFrame]) -> None:
    arrays = [field.name for field in df.schema.fields if isinstance(field.dataType, ArrayType)]
    if not arrays:
        tables[name] = df
        return
    keyed = _numbered(_materialized(df.withColumn(KEY_COLUMN, F.monotonically_increasing_id()), staging_path))
    tables[name] = keyed.select(
        *[
            F.when(F.col(_quote(c)).isNotNull(), F.col(KEY_COLUMN)).alias(c) if c in arrays else F.col(_quote(c))
            for c in df.columns
        ]
    )
    for column in arrays:
        elements = F.posexplode(F.col(_quote(column))).alias("index", "val")
        exploded = keyed.select(F.col(KEY_COLUMN).alias("id"), elements).withColumnRenamed("val", f"{column}.val")
        _pivot(unnest(exploded), f"{root}_{column}", root, staging_path, tables)


def _numbered(df: DataFrame) -> DataFrame:
    """KEY_COLUMN (monotonically_increasing_id: the partition number in the upper bits, the row's place in its
    partition in the lower 33) renumbered 1, 2, 3, ... in the frame's order, as Glue numbers its join keys,
    with one small aggregation (rows per partition) and no RDD. `df` is materialized, so the ids are fixed."""
    partition = F.shiftright(F.col(KEY_COLUMN), 33)
    counts = sorted((row[0], row[1]) for row in df.groupBy(partition.alias("p")).count().collect())
    offsets, total = [], 0
    for number, count in counts:
        offsets.append((number, total))
        total += count
    if not offsets:
        return df
    offset = F.create_map(*[F.lit(value) for pair in offsets for value in pair])[partition]
    row_in_partition = F.col(KEY_COLUMN) - F.shiftleft(partition, 33)
    return df.withColumn(KEY_COLUMN, (offset + row_in_partition + 1).cast("bigint"))


def _materialized(df: DataFrame, staging_path: str | None) -> DataFrame:
    if not staging_path:
        return df.persist(StorageLevel.MEMORY_AND_DISK)
    path = f"{staging_path.rstrip('/')}/g2l-relationalize-{uuid.uuid4().hex}"
    df.write.parquet(path)
    return df.sparkSession.read.parquet(path)


def spigot(df: DataFrame, path: str, options: Mapping[str, Any] | None = None) -> DataFrame:
    """Spigot: write a sample of the records to `path` as JSON and return the frame unchanged.

    Options as in Glue: `topk` writes the first k records (100 when no option is given), `prob` keeps each
    record with that probability.
    """
    options = options or {}
    sample = df.sample(fraction=float(options["prob"])) if "prob" in options else df
    sample.limit(int(options.get("topk", 100))).write.mode("overwrite").json(path)
    return df


def add_ingestion_time_columns(df: DataFrame, time_granularity: str) -> DataFrame:
    """glueContext.add_ingestion_time_columns: append ingest_year, ingest_month, ingest_day (and ingest_hour,
    ingest_minute for "hour" and "minute") from the current time in UTC, as zero-padded strings.
    """
    count = GRANULARITY.get(time_granularity.lower())
    if count is None:
        raise ValueError(f"time granularity is one of day, hour, minute, not {time_granularity!r}")
    zone = df.sparkSession.conf.get("spark.sql.session.timeZone") or "UTC"
    now = F.to_utc_timestamp(F.current_timestamp(), zone)
    return df.withColumns({name: F.date_format(now, pattern) for name, pattern in INGESTION_COLUMNS[:count]})


# ---- Glue Data Quality -----------------------------------------------------------------------------------
# Result shapes as documented for EvaluateDataQuality
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-EvaluateDataQuality.html:
# Rule, Outcome, FailureReason, EvaluatedMetrics map<string,double>) and its row-level outcomes (the input's
# columns plus DataQualityRulesPass, DataQualityRulesFail, DataQualityRulesSkip and DataQualityEvaluationResult);
# metric names as in https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html.

DQ_OUTCOMES_SCHEMA = "Rule string, Outcome string, FailureReason string, EvaluatedMetrics map<string,double>"
DQ_ROW_COLUMNS = ("DataQualityRulesPass", "DataQualityRulesFail", "DataQualityRulesSkip", "DataQualityEvaluationResult")
# Rules that judge each row; the others (RowCount, Mean, Completeness > x, a composite rule, ...) are judged on
# the whole frame, and every row carries that outcome.
_DQ_ROW_LEVEL = frozenset({"IsComplete", "IsUnique", "IsPrimaryKey", "ColumnValues", "ColumnLength"})
_DQ_AGGREGATES: dict[str, Callable[[Column], Column]] = {
    "Mean": F.mean,
    "Sum": F.sum,
    "StandardDeviation": F.stddev_pop,  # Glue's (Deequ's) standard deviation is the population one
    "DistinctValuesCount": F.count_distinct,
}


def evaluate_data_quality(df: DataFrame, ruleset: str) -> dict[str, DataFrame]:
    """EvaluateDataQuality().process_rows(frame, ruleset): {"ruleOutcomes", "rowLevelOutcomes", "originalData"}.

    ruleOutcomes has one row per rule: Rule (its text), Outcome ("Passed" or "Failed"), FailureReason (null
    when passed) and EvaluatedMetrics (Glue's metric names: `Dataset.*.RowCount`, `Column.<name>.Completeness`,
    ...). rowLevelOutcomes is `df` with the rules each row passed and failed, DataQualityRulesSkip (always
    empty here) and DataQualityEvaluationResult ("Failed" when any rule failed for the row); originalData is
    `df` itself, as Glue Studio's Data Quality node passes it on. A rule judged on the whole frame (RowCount,
    Mean, Completeness above a ratio, a composite rule, ...) passes or fails for every row alike.

    As in Glue, ColumnValues fails a null value except with != and `not in` (unless NULL is listed), and
    ColumnLength takes a null as length 0; `between x and y` excludes x and y, and `not between x and y` fails
    them too; `matches` must match the whole value. ColumnValues and ColumnLength `with threshold` compare the
    share of rows that meet the expression (`Column.<name>.ColumnValues.Compliance`) with the threshold; each
    row still passes or fails on its own value. A rule `where "<Spark SQL condition>"` looks at the rows the
    condition keeps; the others pass it.

    A rule that does not parse raises ValueError naming it. A rule type or option glue_compat does not
    evaluate (CustomSql, DataFreshness, labels, dynamic expressions such as `last(3)`) is reported Failed with
    a FailureReason saying it was not evaluated: it is never taken as passed.
    """
    rules = parse_ruleset(ruleset)
    work = df
    aggregates: dict[str, Column] = {"__rows": F.count(F.lit(1))}
    checks = [_DqCheck(rule, df, f"__dq{at}") for at, rule in enumerate(rules)]
    for check in checks:
        work = check.prepare(work, aggregates)
    values = work.agg(*[value.alias(name) for name, value in aggregates.items()]).collect()[0].asDict()
    outcomes = [check.outcome(values) for check in checks]
    session = df.sparkSession
    rule_outcomes = session.createDataFrame(
        [
            (check.rule.text, "Failed" if reason else "Passed", reason, metrics)
            for check, (reason, metrics) in zip(checks, outcomes, strict=True)
        ],
        DQ_OUTCOMES_SCHEMA,
    )
    passes, fails = [], []
    for check, (reason, _) in zip(checks, outcomes, strict=True):
        row = check.row_column(reason is None)
        text = F.lit(check.rule.text)
        passes.append(F.when(row, text))
        fails.append(F.when(~row, text))
    failed = F.filter(F.array(*fails), lambda rule: rule.isNotNull())
    rows = work.select(
        *[F.col(_quote(c)) for c in df.columns],
        F.filter(F.array(*passes), lambda rule: rule.isNotNull()).alias("DataQualityRulesPass"),
        failed.alias("DataQualityRulesFail"),
        F.array().cast("array<string>").alias("DataQualityRulesSkip"),
        F.when(F.size(failed) > 0, F.lit("Failed")).otherwise(F.lit("Passed")).alias("DataQualityEvaluationResult"),
    )
    return {"ruleOutcomes": rule_outcomes, "rowLevelOutcomes": rows, "originalData": df}


class _DqCheck:
    """One rule of a ruleset: the aggregates and row columns it needs, then its outcome."""

    def __init__(self, rule: DqRule, df: DataFrame, name: str) -> None:
        self.rule, self.name, self.df = rule, name, df
        self.parts = [_DqCheck(part, df, f"{name}_{at}") for at, part in enumerate(rule.parts)]
        self.columns = [_dq_column(df, column) for column in rule.columns]
        self.row: Column | None = None  # the row's own pass/fail, for a rule that judges rows

    def prepare(self, work: DataFrame, aggregates: dict[str, Column]) -> DataFrame:
        """Add what the rule needs: window counts to `work`, aggregate Columns to `aggregates`."""
        rule, name = self.rule, self.name
        for part in self.parts:
            work = part.prepare(work, aggregates)
        if rule.unsupported or rule.parts or None in self.columns:
            return work
        columns = [F.col(_quote(c)) for c in self.columns if c is not None]
        kind = rule.rule_type
        # the rows a where clause keeps (a null condition keeps none); the others pass the rule, as in Glue
        scope = F.coalesce(F.expr(rule.where), F.lit(False)) if rule.where else None

        def kept(value: Column) -> Column:
            return value if scope is None else F.when(scope, value)

        aggregates[f"{name}_rows"] = F.count(kept(F.lit(1)))
        if kind in ("IsComplete", "Completeness", "IsPrimaryKey"):
            complete = reduce(lambda a, b: a & b, [c.isNotNull() for c in columns])
            aggregates[f"{name}_complete"] = F.avg(kept(F.when(complete, 1.0).otherwise(0.0)))
            self.row = complete
        if kind in ("IsUnique", "Uniqueness", "IsPrimaryKey"):
            present = reduce(lambda a, b: a & b, [c.isNotNull() for c in columns])
            work = work.withColumn(f"{name}_n", F.count(kept(F.lit(1))).over(Window.partitionBy(*columns)))
            unique = present & (F.col(f"{name}_n") == 1)
            aggregates[f"{name}_unique"] = F.avg(kept(F.when(unique, 1.0).otherwise(0.0)))
            self.row = unique if self.row is None else self.row & unique
        if kind in ("ColumnValues", "ColumnLength"):
            assert rule.condition is not None
            value = F.coalesce(F.length(columns[0]), F.lit(0)) if kind == "ColumnLength" else columns[0]
            literals = [v for v in rule.condition.values if not isinstance(v, DqKeyword)]
            numbers = bool(literals) and all(isinstance(v, float) for v in literals)
            if kind == "ColumnValues" and numbers and dict(self.df.dtypes).get(self.columns[0] or "") == "string":
                # numbers against text compare as numbers (a text that is not one fails), as they read
                value = F.expr(f"try_cast({_quote(self.columns[0] or '')} AS DOUBLE)")
            self.row = F.coalesce(_dq_row_check(value, rule.condition), F.lit(False))
            aggregates[f"{name}_failing"] = F.sum(kept(F.when(self.row, 0).otherwise(1)))
            numeric = kind == "ColumnLength" or _dq_numeric(self.df, self.columns[0])
            if numeric:
                aggregates[f"{name}_min"] = F.min(kept(value)).cast("double")
                aggregates[f"{name}_max"] = F.max(kept(value)).cast("double")
        if kind in _DQ_AGGREGATES:
            aggregates[f"{name}_value"] = _DQ_AGGREGATES[kind](kept(columns[0])).cast("double")
        if self.row is not None and scope is not None:
            self.row = self.row | ~scope
        return work

    def outcome(self, values: dict[str, Any]) -> tuple[str | None, dict[str, float]]:
        """The failure reason (None: passed) and the metrics, from the aggregated `values`."""
        rule, name = self.rule, self.name
        if rule.unsupported:
            return f"Not evaluated: glue_compat does not evaluate {rule.unsupported}; check this rule by hand", {}
        if rule.parts:
            results = [part.outcome(values) for part in self.parts]
            metrics = {key: value for _, found in results for key, value in found.items()}
            failed = [reason for reason, _ in results if reason]
            if (rule.rule_type == "and" and failed) or (rule.rule_type == "or" and len(failed) == len(results)):
                return "; ".join(failed), metrics
            return None, metrics
        missing = [c for c, found in zip(rule.columns, self.columns, strict=True) if found is None]
        if missing:
            return f"Column {missing[0]} is not in the data", {}
        kind, column = rule.rule_type, ",".join(rule.columns)
        if kind == "ColumnExists":
            return None, {}
        if kind in ("RowCount", "ColumnCount"):
            metric = f"Dataset.*.{kind}"
            value = float(values[f"{name}_rows"] if kind == "RowCount" else len(self.df.columns))
            return _dq_judged(metric, value, rule.condition), {metric: value}
        if kind in ("ColumnValues", "ColumnLength"):
            suffixes = ("Minimum", "Maximum") if kind == "ColumnValues" else ("MinimumLength", "MaximumLength")
            metrics = {
                f"Column.{column}.{suffix}": float(values[f"{name}_{key}"])
                for suffix, key in zip(suffixes, ("min", "max"), strict=True)
                if values.get(f"{name}_{key}") is not None
            }
            failing, total = int(values[f"{name}_failing"] or 0), int(values[f"{name}_rows"])
            if rule.threshold is not None:
                if not total:
                    return "No rows: a threshold needs at least one", metrics
                metric = f"Column.{column}.{kind}.Compliance"
                metrics[metric] = (total - failing) / total
                return _dq_judged(metric, metrics[metric], rule.threshold), metrics
            if failing:
                return f"{failing} of {total} rows do not satisfy {kind} {rule.condition}", metrics
            return None, metrics
        if kind in _DQ_AGGREGATES:
            metric = f"Column.{column}.{kind}"
            found = values[f"{name}_value"]
            if found is None:
                return f"{metric} has no value: the column has no non-null values", {}
            return _dq_judged(metric, float(found), rule.condition), {metric: float(found)}
        metrics = {}
        reasons = []
        if kind in ("IsComplete", "Completeness", "IsPrimaryKey"):
            metrics[f"Column.{column}.Completeness"] = values[f"{name}_complete"]
        if kind in ("IsUnique", "Uniqueness", "IsPrimaryKey"):
            metrics[f"Column.{column}.Uniqueness"] = values[f"{name}_unique"]
        for metric, found in metrics.items():
            if found is None:
                return "No rows: completeness and uniqueness need at least one", {}
            condition = rule.condition or DqCondition("=", (1.0,))
            reason = _dq_judged(metric, float(found), condition)
            if reason:
                reasons.append(reason)
        return ("; ".join(reasons) or None), {key: float(value) for key, value in metrics.items()}

    def row_column(self, passed: bool) -> Column:
        """Whether each row passed this rule: its own check for a rule that judges rows and passed or failed on
        its rows alone; else the rule's outcome."""
        if self.row is not None and self.rule.rule_type in _DQ_ROW_LEVEL:
            return self.row
        return F.lit(passed)


def _dq_column(df: DataFrame, name: str) -> str | None:
    """The frame's column a rule names (as Spark resolves names, case aside); None when it has none."""
    return next((c for c in df.columns if c == name), None) or next((c for c in df.columns if _same(c, name)), None)


def _dq_numeric(df: DataFrame, column: str | None) -> bool:
    dtype = df.schema[column].dataType.typeName() if column is not None else ""
    return dtype in ("byte", "short", "integer", "long", "float", "double", "decimal")


def _dq_judged(metric: str, value: float, condition: DqCondition | None) -> str | None:
    """None when `value` meets the condition, else why not."""
    assert condition is not None
    if _dq_holds(value, condition):
        return None
    return f"{metric} is {value:g}, not {condition}"


def _dq_holds(value: float, condition: DqCondition) -> bool:
    op, bounds = condition.op, [v for v in condition.values if isinstance(v, float)]
    if len(bounds) != len(condition.values):
        return False  # a string or a keyword: no metric is one
    checks: dict[str, Callable[[], bool]] = {
        ">": lambda: value > bounds[0],
        ">=": lambda: value >= bounds[0],
        "<": lambda: value < bounds[0],
        "<=": lambda: value <= bounds[0],
        "=": lambda: value == bounds[0],
        "!=": lambda: value != bounds[0],
        "between": lambda: bounds[0] < value < bounds[1],
        "not between": lambda: value < bounds[0] or value > bounds[1],
        "in": lambda: value in bounds,
        "not in": lambda: value not in bounds,
    }
    if op not in checks:
        raise ValueError(f"DQDL `{op}` compares values, not a metric: {condition}")
    return checks[op]()


def _dq_literal(value: object) -> Column:
    return F.lit(int(value) if isinstance(value, float) and value.is_integer() else value)


def _dq_keyword(column: Column, keyword: str) -> Column:
    if keyword == "NULL":
        return column.isNull()
    if keyword == "EMPTY":
        return column == F.lit("")
    return (F.length(column) > 0) & (F.trim(column) == F.lit(""))  # WHITESPACES_ONLY


def _dq_row_check(value: Column, condition: DqCondition) -> Column:
    """Whether a row's value meets the condition; nulls fail except with != and `not in`, as in Glue."""
    op, values = condition.op, condition.values

    def one(v: object) -> Column:
        return _dq_keyword(value, v) if isinstance(v, DqKeyword) else value == _dq_literal(v)

    if op in ("in", "not in", "=", "!="):
        found = reduce(lambda a, b: a | b, [F.coalesce(one(v), F.lit(False)) for v in values])
        return found if op in ("in", "=") else ~found
    if op.endswith("matches"):
        matched = value.rlike("^(?:" + str(values[0]) + ")$")
        return matched if op == "matches" else value.isNotNull() & ~matched
    low = _dq_literal(values[0])
    if op.endswith("between"):
        inside = (value > low) & (value < _dq_literal(values[1]))
        return inside if op == "between" else ~((value >= low) & (value <= _dq_literal(values[1])))
    return COMPARATORS[op](value, low)


# ---- DQDL parser (the same text in g2l_merge/convert/dqdl.py and glue_compat.py) ----------------------------
# DQDL as documented in https://docs.aws.amazon.com/glue/latest/dg/dqdl.html (syntax, expressions, composite
# rules) and https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html (the rule types).

# Rule types evaluated by glue_compat, with the number of columns each takes (-1: one or more) and whether it
# compares its value with an expression.
DQ_RULE_TYPES: dict[str, tuple[int, bool]] = {
    "RowCount": (0, True),
    "ColumnCount": (0, True),
    "Completeness": (1, True),
    "IsComplete": (1, False),
    "Uniqueness": (1, True),
    "IsUnique": (1, False),
    "IsPrimaryKey": (-1, False),
    "ColumnExists": (1, False),
    "ColumnValues": (1, True),
    "ColumnLength": (1, True),
    "Mean": (1, True),
    "Sum": (1, True),
    "StandardDeviation": (1, True),
    "DistinctValuesCount": (1, True),
}
# Rule types whose `with threshold` glue_compat evaluates: the share of rows that meet the expression.
DQ_THRESHOLD_TYPES = frozenset({"ColumnValues", "ColumnLength"})
DQ_KEYWORDS = ("NULL", "EMPTY", "WHITESPACES_ONLY")
_DQ_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)'
    r"|(?P<op>>=|<=|!=|==|>|<|=)|(?P<word>[A-Za-z_$][A-Za-z0-9_$.]*)|(?P<punct>[\[\](),])|(?P<other>\S))"
)


class DqCondition(NamedTuple):
    """An expression a rule's value is compared with: `> 5`, `between 1 and 9`, `in ["a", NULL]`, `matches "x"`."""

    op: str  # >, >=, <, <=, =, !=, between, not between, in, not in, matches, not matches
    values: tuple[object, ...]  # floats, strings, or DQ_KEYWORDS as DqKeyword

    def __str__(self) -> str:
        shown = [v if isinstance(v, DqKeyword) else _dq_shown(v) for v in self.values]
        if self.op.endswith("between"):
            return f"{self.op} {shown[0]} and {shown[1]}"
        if self.op.endswith("in"):
            return f"{self.op} [{', '.join(str(v) for v in shown)}]"
        return f"{self.op} {shown[0]}"


class DqKeyword(str):
    """NULL, EMPTY or WHITESPACES_ONLY in an expression."""


class DqRule(NamedTuple):
    """One rule: a rule type on columns with an optional expression, or `and`/`or` of rules (`parts`).

    `unsupported` names what glue_compat does not evaluate in it (a rule type, a where clause, a threshold,
    a dynamic expression); such a rule is reported as not evaluated, never as passed.
    """

    text: str
    rule_type: str  # "and" / "or" for a composite rule
    columns: tuple[str, ...] = ()
    condition: DqCondition | None = None
    parts: tuple[DqRule, ...] = ()
    unsupported: str | None = None
    threshold: DqCondition | None = None  # `with threshold > 0.9`: the share of rows that must meet `condition`
    where: str | None = None  # `where "<Spark SQL condition>"`: the rows the rule looks at


def parse_ruleset(ruleset: str) -> list[DqRule]:
    """The rules of a DQDL ruleset (`Rules = [ ... ]`); ValueError naming the rule that does not parse."""
    text = _dq_without_comments(ruleset)
    found = re.search(r"\bRules\s*=\s*\[", text)
    if found is None:
        raise ValueError(f"DQDL ruleset without `Rules = [ ... ]`: {ruleset.strip()!r}")
    body, end = _dq_bracketed(text, found.end() - 1)
    if end < 0:
        raise ValueError(f"DQDL ruleset: `Rules = [` is never closed: {ruleset.strip()!r}")
    rules = [parse_rule(part) for part in _dq_split(body, ",") if part.strip()]
    if not rules:
        raise ValueError(f"DQDL ruleset with no rules: {ruleset.strip()!r}")
    return rules


def ruleset_extras(ruleset: str) -> list[str]:
    """What a ruleset holds besides its Rules list (constants, DefaultLabels, Analyzers): their first words."""
    text = _dq_without_comments(ruleset)
    found = re.search(r"\bRules\s*=\s*\[", text)
    if found is None:
        return []
    _, end = _dq_bracketed(text, found.end() - 1)
    rest = text[: found.start()] + " " + (text[end + 1 :] if end >= 0 else "")
    return [line.split("=")[0].strip() for line in rest.splitlines() if line.strip()]


def parse_rule(text: str) -> DqRule:
    """One DQDL rule; ValueError naming it when it does not parse."""
    text = text.strip()
    tokens = _dq_tokens(text)
    if tokens and tokens[0] == ("punct", "("):
        return _dq_composite(text, tokens)
    if not tokens or tokens[0][0] != "word":
        raise ValueError(f"DQDL rule does not start with a rule type: {text!r}")
    rule_type = tokens[0][1]
    if rule_type not in DQ_RULE_TYPES:
        return DqRule(text, rule_type, unsupported=f"rule type {rule_type}")
    arity, compares = DQ_RULE_TYPES[rule_type]
    at = 1
    columns: list[str] = []
    while at < len(tokens) and tokens[at][0] in ("string", "word") and (arity == -1 or len(columns) < arity):
        if tokens[at][0] == "word" and tokens[at][1].lower() in _DQ_WORDS:
            break
        columns.append(_dq_unquoted(tokens[at][1]) if tokens[at][0] == "string" else tokens[at][1])
        at += 1
    if len(columns) != arity and not (arity == -1 and columns):
        raise ValueError(f"DQDL rule {rule_type} takes {max(arity, 1)} column name(s): {text!r}")
    condition = None
    if compares:
        condition, at, unsupported = _dq_condition(text, tokens, at)
        if unsupported:
            return DqRule(text, rule_type, tuple(columns), unsupported=unsupported)
    where = None
    if at < len(tokens) and tokens[at][0] == "word" and tokens[at][1].lower() == "where":
        if at + 1 >= len(tokens) or tokens[at + 1][0] != "string":
            raise ValueError(f'DQDL `where` needs a "Spark SQL condition": {text!r}')
        where, at = _dq_unquoted(tokens[at + 1][1]), at + 2
    threshold = None
    if at + 1 < len(tokens) and [t[1].lower() for t in tokens[at : at + 2]] == ["with", "threshold"]:
        threshold, at, unsupported = _dq_condition(text, tokens, at + 2)
        if unsupported or rule_type not in DQ_THRESHOLD_TYPES:
            return DqRule(text, rule_type, tuple(columns), condition, unsupported=unsupported or "a threshold")
    if at < len(tokens):
        word = tokens[at][1].lower()
        if word in ("where", "with", "labels"):
            what = {"where": "a where clause", "with": "a threshold", "labels": "labels"}[word]
            return DqRule(text, rule_type, tuple(columns), condition, unsupported=what)
        raise ValueError(f"DQDL rule has {tokens[at][1]!r} where it should end: {text!r}")
    return DqRule(text, rule_type, tuple(columns), condition, threshold=threshold, where=where)


_DQ_WORDS = frozenset({"between", "not", "in", "matches", "where", "with", "labels"})


def _dq_composite(text: str, tokens: list[tuple[str, str]]) -> DqRule:
    """`(rule) and (rule)`, `(rule) or (rule)`, nested; `and` binds tighter than `or`."""
    groups: list[list[DqRule]] = [[]]
    at = 0
    while True:
        if at >= len(tokens) or tokens[at] != ("punct", "("):
            raise ValueError(f"DQDL composite rule: each rule goes in parentheses: {text!r}")
        depth, start = 0, at
        while at < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[at][1], 0) if tokens[at][0] == "punct" else 0
            at += 1
            if depth == 0:
                break
        if depth:
            raise ValueError(f"DQDL composite rule: unbalanced parentheses: {text!r}")
        groups[-1].append(parse_rule(_dq_join(tokens[start + 1 : at - 1])))
        if at == len(tokens):
            break
        word = tokens[at][1].lower() if tokens[at][0] == "word" else ""
        if word not in ("and", "or"):
            raise ValueError(f"DQDL composite rule: {tokens[at][1]!r} where `and` or `or` should be: {text!r}")
        if word == "or":
            groups.append([])
        at += 1
    ands = [group[0] if len(group) == 1 else DqRule(text, "and", parts=tuple(group)) for group in groups]
    rule = ands[0] if len(ands) == 1 else DqRule(text, "or", parts=tuple(ands))
    return rule._replace(text=text)


def _dq_condition(text: str, tokens: list[tuple[str, str]], at: int) -> tuple[DqCondition | None, int, str | None]:
    """The expression from tokens[at]: the condition, where it ends, and what makes it unsupported."""
    if at >= len(tokens):
        raise ValueError(f"DQDL rule needs an expression (> 0, between 1 and 9, in [...]): {text!r}")
    kind, value = tokens[at]
    op = value.lower()
    negated = False
    if kind == "word" and op == "not":
        negated, at = True, at + 1
        if at >= len(tokens):
            raise ValueError(f"DQDL rule ends after `not`: {text!r}")
        kind, value = tokens[at]
        op = value.lower()
    if kind == "op" and not negated:
        found, end = _dq_value(tokens, at + 1)
        if found is None:
            return None, end, _dq_dynamic(text, tokens, at + 1)
        return DqCondition("=" if value == "==" else value, (found,)), end, None
    if kind == "word" and op == "between":
        low, end = _dq_value(tokens, at + 1)
        if end >= len(tokens) or tokens[end][1].lower() != "and":
            if low is None:
                return None, end, _dq_dynamic(text, tokens, at + 1)
            raise ValueError(f"DQDL `between x and y` without `and`: {text!r}")
        high, end = _dq_value(tokens, end + 1)
        if low is None or high is None:
            return None, end, _dq_dynamic(text, tokens, at + 1)
        return DqCondition(("not " if negated else "") + "between", (low, high)), end, None
    if kind == "word" and op == "in":
        if at + 1 >= len(tokens) or tokens[at + 1] != ("punct", "["):
            raise ValueError(f"DQDL `in` needs a [list]: {text!r}")
        values: list[object] = []
        end = at + 2
        while end < len(tokens) and tokens[end] != ("punct", "]"):
            found, end = _dq_value(tokens, end)
            if found is None:
                raise ValueError(f"DQDL `in [...]` holds something other than values: {text!r}")
            values.append(found)
            if end < len(tokens) and tokens[end] == ("punct", ","):
                end += 1
        if end >= len(tokens):
            raise ValueError(f"DQDL `in [` is never closed: {text!r}")
        return DqCondition(("not " if negated else "") + "in", tuple(values)), end + 1, None
    if kind == "word" and op == "matches":
        if at + 1 >= len(tokens) or tokens[at + 1][0] != "string":
            raise ValueError(f'DQDL `matches` needs a "pattern": {text!r}')
        pattern = _dq_unquoted(tokens[at + 1][1])
        return DqCondition(("not " if negated else "") + "matches", (pattern,)), at + 2, None
    raise ValueError(f"DQDL rule has {value!r} where an expression should be: {text!r}")


def _dq_value(tokens: list[tuple[str, str]], at: int) -> tuple[object | None, int]:
    """A number, a "string" or a keyword at tokens[at]; None for anything else (now(), last(), $constant)."""
    if at >= len(tokens):
        return None, at
    kind, value = tokens[at]
    follows = tokens[at + 1] if at + 1 < len(tokens) else ("", "")
    if (follows[0] == "punct" and follows[1] == "(") or follows[0] == "other":
        return None, at  # a function call or arithmetic: a dynamic expression
    if kind == "number":
        return float(value), at + 1
    if kind == "string":
        return _dq_unquoted(value), at + 1
    if kind == "word" and value.upper() in DQ_KEYWORDS:
        return DqKeyword(value.upper()), at + 1
    return None, at


def _dq_dynamic(text: str, tokens: list[tuple[str, str]], at: int) -> str:
    if at < len(tokens) and (tokens[at][0] in ("word", "punct", "other")):
        starts = [found.start(found.lastgroup) for found in _DQ_TOKEN.finditer(text) if found.lastgroup]
        return f"the dynamic expression {text[starts[at] :].strip()!r}"
    raise ValueError(f"DQDL rule needs a value after its operator: {text!r}")


def _dq_tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for found in _DQ_TOKEN.finditer(text):
        kind = found.lastgroup
        if kind is not None:
            tokens.append((kind, found.group(kind)))
    if not tokens and text.strip():
        raise ValueError(f"DQDL rule does not parse: {text!r}")
    return tokens


def _dq_join(tokens: list[tuple[str, str]]) -> str:
    return " ".join(value for _, value in tokens)


def _dq_unquoted(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value[1:-1])


def _dq_shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dq_without_comments(text: str) -> str:
    """DQDL comments run from # to the end of the line (a # in a "string" is not one)."""
    return re.sub(r'("(?:[^"\\\n]|\\.)*")|#[^\n]*', lambda m: m.group(1) or "", text)


def _dq_bracketed(text: str, start: int) -> tuple[str, int]:
    """The text inside the bracket at `start` and the position of its closing bracket (-1: never closed)."""
    depth, quoted, at = 0, False, start
    while at < len(text):
        char = text[at]
        if quoted:
            if char == "\\":
                at += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
            if depth == 0:
                return text[start + 1 : at], at
        at += 1
    return "", -1


def _dq_split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside brackets, parentheses and strings."""
    parts, current, depth, quoted, escaped = [], "", 0, False, False
    for char in text:
        if quoted:
            quoted = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            quoted = True
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


# ---- end of DQDL parser -------------------------------------------------------------------------------------


# ---- purges ---------------------------------------------------------------------------------------------

PURGE_RETENTION_HOURS = 168.0  # Glue's default retentionPeriod: seven days


def purge_s3_path(path: str, options: Mapping[str, Any] | None = None, transformation_ctx: str = "") -> list[str]:
    """GlueContext.purge_s3_path: delete the files under `path` (recursively) older than `retentionPeriod`
    hours (168 when not given; files newer than that are kept, as in Glue) and return the deleted paths.

    On Databricks the files are listed and deleted with dbutils.fs (any path it takes: /Volumes/..., s3://,
    abfss://); elsewhere `path` is a local folder. Folders are left in place (S3 has none to delete). Glue's
    excludeStorageClasses does not apply: dbutils.fs does not show S3 storage classes, so a purge that
    should keep some classes raises ValueError rather than delete them; so does a manifestFilePath (Glue
    writes the list of deleted files there) and a partitionPredicate (a purge_table option).
    """
    options = dict(options or {})
    for key in ("excludeStorageClasses", "manifestFilePath", "partitionPredicate"):
        if options.get(key):
            raise ValueError(f"purge: {key} has no equivalent here: delete the files by hand ({path})")
    hours = float(options.get("retentionPeriod", PURGE_RETENTION_HOURS))
    cutoff = (time.time() - hours * 3600) * 1000  # modification times are in milliseconds
    old = [name for name, modified in _files_under(path) if modified <= cutoff]
    for name in old:
        _delete_file(name)
    return old


def purge_table(
    spark: Any, table: str, options: Mapping[str, Any] | None = None, transformation_ctx: str = ""
) -> list[str]:
    """GlueContext.purge_table: purge_s3_path on the table's location (the table stays). A Delta table's files
    are its versions, not loose files: deleting them under it breaks the table, so a Delta table raises
    ValueError (DELETE the rows and VACUUM instead)."""
    details = {row[0]: row[1] for row in spark.sql(f"DESCRIBE TABLE EXTENDED {table}").collect()}
    if str(details.get("Provider", "")).lower() == "delta":
        raise ValueError(f"purge_table: {table} is a Delta table: DELETE its old rows and VACUUM it instead")
    location = details.get("Location")
    if not location:
        raise ValueError(f"purge_table: {table} has no location")
    return purge_s3_path(str(location), options)


def _on_databricks() -> bool:
    return "DATABRICKS_RUNTIME_VERSION" in os.environ


def _dbutils() -> Any:
    return importlib.import_module("databricks.sdk.runtime").dbutils  # only on Databricks


def _files_under(path: str) -> list[tuple[str, float]]:
    """(path, modification time in ms) of every file under `path`."""
    if _on_databricks():
        found, folders = [], [path]
        while folders:
            for info in _dbutils().fs.ls(folders.pop()):
                if info.isDir():
                    folders.append(info.path)
                else:
                    found.append((info.path, float(info.modificationTime)))
        return found
    local = _local_path(path)
    if os.path.isfile(local):
        return [(local, os.path.getmtime(local) * 1000)]
    return [
        (os.path.join(folder, name), os.path.getmtime(os.path.join(folder, name)) * 1000)
        for folder, _, names in os.walk(local)
        for name in names
    ]


def _delete_file(path: str) -> None:
    if _on_databricks():
        _dbutils().fs.rm(path)
    else:
        os.remove(path)


def _local_path(path: str) -> str:
    if path.startswith("file:"):
        return re.sub(r"\Afile:(//)?", "", path)
    if re.match(r"\A[a-zA-Z][\w+.-]*://", path):
        raise ValueError(f"purge: {path} is not a local path and dbutils is not here (not on Databricks)")
    return path


# ---- paths ----------------------------------------------------------------------------------------------


def csv_types(df: DataFrame) -> DataFrame:
    """The types of a CSV read as Glue's reader gives them: Spark's inferSchema types a column of small whole
    numbers int, Glue's reader long (the aws-glue-samples data-cleaning example): int columns become bigint.
    Every other column is left as inferSchema typed it."""
    if not any(isinstance(field.dataType, IntegerType) for field in df.schema.fields):
        return df
    return df.select(
        *[
            F.col(_quote(field.name)).cast("bigint").alias(field.name)
            if isinstance(field.dataType, IntegerType)
            else F.col(_quote(field.name))
            for field in df.schema.fields
        ]
    )


def csv_column_names(df: DataFrame) -> DataFrame:
    """Glue's names for the columns of a CSV file read without a header: col0, col1, ... where Spark says
    _c0, _c1, ... (a column is renamed only where it has Spark's name for its position)."""
    names = [f"col{index}" if name == f"_c{index}" else name for index, name in enumerate(df.columns)]
    return df if names == df.columns else df.toDF(*names)


def glue_path(path: str) -> list[str]:
    """A Glue field path as names: `a.b` is two, `` `a.b` `` is one, `items[]` is `items`."""
    parts, current, quoted = [], "", False
    for char in path:
        if char == "`":
            quoted = not quoted
        elif char == "." and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.removesuffix("[]") for part in parts]


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _dotted(parts: Sequence[str]) -> str:
    return ".".join(_quote(part) for part in parts)


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _field(dtype: DataType, name: str, case_sensitive: bool = False) -> StructField | None:
    if not isinstance(dtype, StructType):
        return None
    exact = [field for field in dtype.fields if field.name == name]
    if exact or case_sensitive:
        return exact[0] if exact else None
    return next((field for field in dtype.fields if _same(field.name, name)), None)


def _path_type(schema: StructType, parts: Sequence[str], case_sensitive: bool) -> DataType | None:
    dtype: DataType = schema
    for part in parts:
        while isinstance(dtype, ArrayType):
            dtype = dtype.elementType
        field = _field(dtype, part, case_sensitive)
        if field is None:
            return None
        dtype = field.dataType
    return dtype


class _NoSparkType:
    """Base of the Glue-only schema types: no Spark DataType is ever an instance of one.

    A DynamicFrame schema can hold choice, enum, set and unknown types; a DataFrame schema cannot (Spark
    resolves every column to one type). So `isinstance(field.dataType, ChoiceType)` on a converted
    DataFrame schema is always False, which is what these stand-ins give, and converted code that only
    tests for them keeps working without awsglue.
    """


class ChoiceType(_NoSparkType):
    """Stand-in for awsglue.gluetypes.ChoiceType (see _NoSparkType)."""


class EnumType(_NoSparkType):
    """Stand-in for awsglue.gluetypes.EnumType (see _NoSparkType)."""


class SetType(_NoSparkType):
    """Stand-in for awsglue.gluetypes.SetType (see _NoSparkType)."""


class UnknownType(_NoSparkType):
    """Stand-in for awsglue.gluetypes.UnknownType (see _NoSparkType)."""
