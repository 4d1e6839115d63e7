"""One converted job, run the way a Databricks Python script task runs it: `python -m g2l_merge.verify_run SPEC`.

`git g2l-sync verify` starts this in a process of its own per job, with PYTHONPATH = the runnable layout's
folders and an unrelated working directory. It imports nothing of g2l_merge (only the standard library and
pyspark), so the job finds exactly what the layout gives it. SPEC is a JSON file:

    {"job": path, "argv": [...], "result": path, "remote": "sc://..." | null, "python_path": [folder, ...],
     "data": folder | null, "scratch": folder, "catalogs": [...], "path_prefixes": [...]}

Local Spark (no `remote`): a new warehouse under `scratch`; every table folder of `data` (named
`catalog.database.table` or `database.table`, Parquet, CSV with a header, or JSON lines) becomes the table
`spark_catalog.database.table`; three-part names whose catalog is one of `catalogs` (the converter's Unity
Catalog names) are read and written as `spark_catalog.database.table` (local Spark has no Unity Catalog);
paths under one of `path_prefixes` (the `[convert] paths` targets, /Volumes/, dbfs:/, s3://...) are read and
written under a copy of `data` (`/Volumes/main/risk/raw/x` -> `<copy>/Volumes/main/risk/raw/x`,
`s3://bucket/x` -> `<copy>/s3/bucket/x`). With `remote` nothing is mapped: the workspace has the catalog and
the volumes, and the layout's modules are uploaded to the server as Python artifacts. Either way every write
is recorded with its row count.

The outcome goes to the `result` file as JSON: {"status": "ran" | "failed", "writes": [...], "error": ...}.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import sys
import threading
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

_TABLE_FOLDER = re.compile(r"^(?:(?P<catalog>\w+)\.)?(?P<database>\w+)\.(?P<table>\w+)$")
_FORMATS = (("parquet", "*.parquet"), ("csv", "*.csv"), ("json", "*.json"))


class _Recorder:
    """What the job wrote: one entry per successful write, with the target as the job named it."""

    def __init__(self) -> None:
        self.writes: list[dict[str, Any]] = []
        self._depth = threading.local()

    def outermost(self) -> bool:
        return int(getattr(self._depth, "value", 0)) == 0

    def enter(self) -> None:
        self._depth.value = int(getattr(self._depth, "value", 0)) + 1

    def leave(self) -> None:
        self._depth.value = int(getattr(self._depth, "value", 0)) - 1


class _Names:
    """Catalog names and paths as the job wrote them -> what the local session reads and writes."""

    def __init__(self, catalogs: list[str], prefixes: list[str], local_root: Path | None) -> None:
        self.catalogs = {c.lower() for c in catalogs}
        self.prefixes = prefixes
        self.local_root = local_root
        self.session: Any = None
        names = "|".join(re.escape(c) for c in sorted(self.catalogs, key=len, reverse=True))
        self._in_sql = re.compile(rf"(?<![\w.`])(?:{names})\.(?=`?\w+`?\.`?\w)", re.IGNORECASE) if names else None

    def table(self, name: str) -> str:
        parts = name.split(".")
        if self.local_root is not None and len(parts) == 3 and parts[0].strip("`").lower() in self.catalogs:
            return ".".join(["spark_catalog", *parts[1:]])
        return name

    def written_table(self, name: str) -> str:
        """A table the job writes: on local Spark its database is made first (a workspace has its schemas)."""
        mapped = self.table(name)
        parts = mapped.split(".")
        if self.local_root is not None and self.session is not None and len(parts) == 3:
            self.session.sql(f"CREATE DATABASE IF NOT EXISTS {parts[0]}.{parts[1]}")
        return mapped

    def sql(self, query: str) -> str:
        if self.local_root is None or self._in_sql is None:
            return query
        return self._in_sql.sub("spark_catalog.", query)

    def path(self, path: Any) -> Any:
        if self.local_root is None:
            return path
        if isinstance(path, (list, tuple)):
            return type(path)(self.path(p) for p in path)
        if not isinstance(path, str):
            return path
        for prefix in self.prefixes:
            if path.startswith(prefix):
                return str(self.local_root / _local_part(path))
        return path


def _local_part(path: str) -> str:
    """`/Volumes/a/b` -> `Volumes/a/b`; `s3://bucket/key` -> `s3/bucket/key`; `dbfs:/x` -> `dbfs/x`."""
    scheme, sep, rest = path.partition(":")
    if sep and "/" not in scheme:
        return f"{scheme}/{rest.lstrip('/')}"
    return path.lstrip("/")


def _install(names: _Names, recorder: _Recorder) -> None:
    """Wrap the readers, writers and table lookups of classic PySpark and of Spark Connect."""
    from pyspark.sql import readwriter as classic_io
    from pyspark.sql import session as classic_session
    from pyspark.sql.classic import dataframe as classic_frame

    modules: list[tuple[Any, Any, Any]] = [(classic_io, classic_session.SparkSession, classic_frame.DataFrame)]
    try:
        from pyspark.sql.connect import dataframe as connect_frame
        from pyspark.sql.connect import readwriter as connect_io
        from pyspark.sql.connect import session as connect_session

        modules.append((connect_io, connect_session.SparkSession, connect_frame.DataFrame))
    except ImportError:  # pyspark without the connect extra: classic only
        pass
    for io, session, frame in modules:
        _wrap_first(session, "table", names.table)
        _wrap_first(session, "sql", names.sql)
        _wrap_first(io.DataFrameReader, "table", names.table)
        for method in ("load", "parquet", "csv", "json", "orc", "text"):
            _wrap_first(io.DataFrameReader, method, names.path)
        _tag_writers(frame)
        for method in ("save", "parquet", "csv", "json", "orc", "text"):
            _wrap_write(io.DataFrameWriter, method, "path", names.path, recorder)
        for method in ("saveAsTable", "insertInto"):
            _wrap_write(io.DataFrameWriter, method, "table", names.written_table, recorder)
        for method in ("create", "replace", "createOrReplace", "append", "overwrite", "overwritePartitions"):
            _wrap_write_v2(io.DataFrameWriterV2, method, recorder)
        original_write_to = frame.writeTo

        def write_to(self: Any, table: str, _original: Any = original_write_to) -> Any:
            writer = _original(self, names.written_table(table))
            writer._g2l_frame, writer._g2l_target = self, table
            return writer

        setattr(frame, "writeTo", write_to)  # noqa: B010  # a method replaced on the class


def _wrap_first(cls: Any, method: str, mapped: Callable[[Any], Any]) -> None:
    """cls.method with its first argument (or its `path`/`tableName`/`sqlQuery` keyword) mapped."""
    original = getattr(cls, method)

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if args:
            args = (mapped(args[0]), *args[1:])
        for key in ("path", "paths", "tableName", "sqlQuery"):
            if key in kwargs:
                kwargs[key] = mapped(kwargs[key])
        return original(self, *args, **kwargs)

    wrapper.__doc__ = original.__doc__
    setattr(cls, method, wrapper)


def _tag_writers(frame: Any) -> None:
    """df.write hands the writer its DataFrame, so a write can count the rows it writes."""
    original = frame.write

    def write(self: Any) -> Any:
        writer = original.fget(self)
        writer._g2l_frame = self
        return writer

    frame.write = property(write, doc=original.__doc__)


def _wrap_write(cls: Any, method: str, kind: str, mapped: Callable[[Any], Any], recorder: _Recorder) -> None:
    original = getattr(cls, method)

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        target = args[0] if args else kwargs.get("path", kwargs.get("name", kwargs.get("tableName")))
        outer = recorder.outermost()
        rows = _count(self) if outer else None
        mapped_args = (mapped(args[0]), *args[1:]) if args else ()
        for key in ("path", "name", "tableName"):
            if key in kwargs:
                kwargs[key] = mapped(kwargs[key])
        recorder.enter()
        try:
            result = original(self, *mapped_args, **kwargs)
        finally:
            recorder.leave()
        if outer:
            recorder.writes.append({"kind": kind, "target": target, "rows": rows})
        return result

    setattr(cls, method, wrapper)


def _wrap_write_v2(cls: Any, method: str, recorder: _Recorder) -> None:
    original = getattr(cls, method)

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        outer = recorder.outermost()
        rows = _count(self) if outer else None
        recorder.enter()
        try:
            result = original(self, *args, **kwargs)
        finally:
            recorder.leave()
        if outer:
            recorder.writes.append({"kind": "table", "target": getattr(self, "_g2l_target", None), "rows": rows})
        return result

    setattr(cls, method, wrapper)


def _count(writer: Any) -> int | None:
    frame = getattr(writer, "_g2l_frame", None)
    return None if frame is None else int(frame.count())


def _session(spec: dict[str, Any]) -> Any:
    from pyspark.sql import SparkSession

    if spec.get("remote"):
        return SparkSession.builder.remote(spec["remote"]).getOrCreate()
    scratch = Path(spec["scratch"])
    session = (
        SparkSession.builder.master("local[1]")
        .appName("g2l-verify")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "1")
        # sample data: interpreting plans is faster than compiling them
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
        .config("spark.local.dir", str(scratch / "local"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={scratch}")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def _ship_modules(session: Any, folders: list[str], scratch: Path) -> None:
    """Spark Connect: the layout's modules go to the server as Python artifacts (one zip per folder), so its
    Python workers import the library modules a UDF refers to, as the job cluster's PYTHONPATH does on
    Databricks. Only .py files, outside hidden folders."""
    import zipfile

    scratch.mkdir(parents=True, exist_ok=True)
    for number, folder in enumerate(folders):
        archive = scratch / f"g2l_layout_{number}.zip"
        with zipfile.ZipFile(archive, "w") as bundle:
            for path in sorted(Path(folder).rglob("*.py")):
                relative = path.relative_to(folder)
                if not any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
                    bundle.write(path, relative.as_posix())
        session.addArtifacts(str(archive), pyfile=True)


def _load_tables(session: Any, data: Path) -> list[str]:
    """Each table folder of `data` (the scratch copy of --data) as the external table
    spark_catalog.database.table over that folder; the tables made, by their folder names."""
    made = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        named = _TABLE_FOLDER.match(folder.name)
        if named is None:
            continue
        kind = next((k for k, pattern in _FORMATS if any(folder.rglob(pattern))), None)
        if kind is None:
            continue
        options = " OPTIONS (header 'true', inferSchema 'true')" if kind == "csv" else ""
        location = str(folder).replace("\\", "\\\\").replace("'", "\\'")
        database, table = named["database"], named["table"]
        session.sql(f"CREATE DATABASE IF NOT EXISTS spark_catalog.`{database}`")
        session.sql(f"CREATE TABLE spark_catalog.`{database}`.`{table}` USING {kind}{options} LOCATION '{location}'")
        made.append(folder.name)
    return made


def _failure(error: BaseException, job: str) -> dict[str, Any]:
    """The job's line that failed (the deepest traceback frame in the job's file) and a one-line message."""
    line = None
    for frame, number in traceback.walk_tb(error.__traceback__):
        if os.path.abspath(frame.f_code.co_filename) == job:
            line = number
    if isinstance(error, SyntaxError) and error.filename and os.path.abspath(error.filename) == job:
        line = error.lineno  # the job does not parse: no frame of it ran
    code = None
    if line is not None:
        lines = Path(job).read_text(encoding="utf-8", errors="replace").splitlines()
        code = lines[line - 1].strip() if 0 < line <= len(lines) else None
    return {"line": line, "code": code, "message": one_line(error)}


def one_line(error: BaseException) -> str:
    """`Type: first line`, or for an error raised in a Spark Python worker the worker's own last line."""
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if "Traceback (most recent call last)" in text:
        worker = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Exit)\b", line)]
        if worker:
            return worker[-1]
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def run(spec: dict[str, Any]) -> dict[str, Any]:
    job = os.path.abspath(spec["job"])
    recorder = _Recorder()
    outcome: dict[str, Any] = {"status": "ran", "writes": recorder.writes, "tables_loaded": [], "error": None}
    try:
        local_root = None
        if not spec.get("remote"):
            local_root = Path(spec["scratch"]) / "data"
            if spec.get("data"):
                shutil.copytree(spec["data"], local_root)
            local_root.mkdir(parents=True, exist_ok=True)
        session = _session(spec)
        if spec.get("remote"):
            _ship_modules(session, spec.get("python_path", []), Path(spec["scratch"]))
        if local_root is not None and spec.get("data"):
            outcome["tables_loaded"] = _load_tables(session, local_root)
        names = _Names(spec.get("catalogs", []), spec.get("path_prefixes", []), local_root)
        names.session = session
        _install(names, recorder)
    except Exception as error:  # the session or the sample data, before the job ran
        outcome.update(status="failed", error={"line": None, "code": None, "message": one_line(error)})
        return outcome
    sys.argv = [job, *spec.get("argv", [])]
    sys.path[0] = os.path.dirname(job)  # as `python job.py` has it
    try:
        runpy.run_path(job, run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (None, 0):
            outcome.update(status="failed", error=_failure(stop, job))
    except BaseException as error:
        outcome.update(status="failed", error=_failure(error, job))
    return outcome


def main(argv: list[str]) -> None:
    # pyspark 4.3 says this on every Arrow-backed UDF under pandas 3; a job's own warnings still show
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    outcome = run(spec)
    Path(spec["result"]).write_text(json.dumps(outcome, default=str), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
