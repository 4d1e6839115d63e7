"""Semantics of job bookmarks carried over: a converted job run twice over growing data reads only what is new.

Each test converts a Glue job that inits and commits a Job and reads with transformation_ctx, then runs the
converted code several times with `--job-bookmark-option` as Glue passes it, adding data between runs: S3
files (a file stream where Auto Loader does not exist), a catalog table (a table stream) and a Derby table
read by jobBookmarkKeys (a high-water mark). The bookmark store is a folder under tmp_path ([convert]
bookmarks). The data is a bank risk engine's: trades, desks, limits.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from semantics import config, convert_glue, proves, run_converted, sorted_rows

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import Conversion

GLUE_DG = "https://docs.aws.amazon.com/glue/latest/dg/"
BOOKMARKS_PAGE = GLUE_DG + "monitor-continuations.html"
ARGUMENTS_PAGE = GLUE_DG + "aws-glue-programming-etl-glue-arguments.html"
JOB_PY = "awslabs/aws-glue-libs awsglue/job.py"
DERBY = "jdbc:derby:memory:risk_bookmarks;create=true"

JOB_START = """\
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
"""
# A run that stops between its reads and job.commit(): FAIL is bound by the test.
JOB_END = """\
if FAIL:
    raise RuntimeError("the desk feed was late")
job.commit()
"""
ENABLE = ["--job-bookmark-option", "job-bookmark-enable"]
PAUSE = ["--job-bookmark-option", "job-bookmark-pause"]
DISABLE = ["--job-bookmark-option", "job-bookmark-disable"]


def settings(tmp_path: Path) -> ConvertConfig:
    return dataclasses.replace(config(tmp_path, **{"s3://risk-raw/": "raw"}), bookmarks=str(tmp_path / "bookmarks"))


def run(conversion: Conversion, monkeypatch: pytest.MonkeyPatch, argv: list[str], fail: bool = False) -> Any:
    return run_converted(conversion, monkeypatch, argv, FAIL=fail)


def trades_file(tmp_path: Path, name: str, text: str) -> None:
    folder = tmp_path / "raw" / "trades"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


# Headerless, pipe-separated: Glue names the columns col0, col1, ... and types the values.
S3_JOB = (
    JOB_START
    + """\
trades = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"]},
    format="csv",
    format_options={"withHeader": False, "separator": "|"},
    transformation_ctx="trades",
).toDF()
"""
    + JOB_END
)
FIRST_FILE = "1|FX|2500000.5\n2|RATES|100.25\n"
SECOND_FILE = "3|FX|75.0\n"
FIRST = [{"col0": 1, "col1": "FX", "col2": 2500000.5}, {"col0": 2, "col1": "RATES", "col2": 100.25}]
SECOND = [{"col0": 3, "col1": "FX", "col2": 75.0}]


@proves("G2L004", "Job.init/commit with transformation_ctx on an S3 read (job-bookmark-enable)", BOOKMARKS_PAGE)
def test_s3_bookmark_reads_new_files_once_and_again_after_a_run_that_did_not_commit(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # monitor-continuations.html: with job-bookmark-enable a run processes the data that is new since the last
    # checkpoint; for S3 sources the bookmark tracks the files already processed, and only reads that pass
    # transformation_ctx keep one. awsglue/job.py: init() starts the run and commit() saves its bookmark, so a
    # run that stops before commit() leaves the bookmark where it was and the next run reads the same files.
    conversion = convert_glue(S3_JOB, settings(tmp_path))
    assert 'glue_compat.bookmarked(spark, "trades")' in conversion.text
    trades_file(tmp_path, "day1.csv", FIRST_FILE)
    first = run(conversion, monkeypatch, ENABLE)["trades"]
    assert [(f.name, f.dataType.simpleString()) for f in first.schema.fields] == [
        ("col0", "bigint"),  # whole numbers are long, as Glue types them (glue_compat.csv_types)
        ("col1", "string"),
        ("col2", "double"),
    ]
    assert sorted_rows(first, "col0") == FIRST
    trades_file(tmp_path, "day2.csv", SECOND_FILE)
    with pytest.raises(RuntimeError, match="desk feed"):
        run(conversion, monkeypatch, ENABLE, fail=True)
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["trades"], "col0") == SECOND
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["trades"], "col0") == []


@proves("G2L004", "--job-bookmark-option job-bookmark-pause / job-bookmark-disable", BOOKMARKS_PAGE)
def test_s3_bookmark_pause_reads_new_files_without_advancing_and_disable_reads_everything(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # monitor-continuations.html: pause processes the data since the last run's bookmark without updating it
    # (each later run reads from the same bookmark); disable always processes the whole dataset, and is the
    # default. aws-glue-programming-etl-glue-arguments.html: --job-bookmark-option takes these three values.
    conversion = convert_glue(S3_JOB, settings(tmp_path))
    trades_file(tmp_path, "day1.csv", FIRST_FILE)
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["trades"], "col0") == FIRST
    trades_file(tmp_path, "day2.csv", SECOND_FILE)
    assert sorted_rows(run(conversion, monkeypatch, PAUSE)["trades"], "col0") == SECOND
    assert sorted_rows(run(conversion, monkeypatch, DISABLE)["trades"], "col0") == FIRST + SECOND
    assert sorted_rows(run(conversion, monkeypatch, [])["trades"], "col0") == FIRST + SECOND  # the default
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["trades"], "col0") == SECOND


@proves("G2L101", "create_dynamic_frame.from_catalog with transformation_ctx (job-bookmark-enable)", BOOKMARKS_PAGE)
def test_catalog_bookmark_reads_the_rows_appended_since_the_last_commit(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # monitor-continuations.html: a catalog table over S3 files is bookmarked by its files, so a run reads the
    # rows of the files added since the last committed run. The Unity Catalog table grows by appends; the
    # converted read takes the rows appended since the last commit.
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_bm")
    spark.createDataFrame([("FX", 10), ("RATES", 20)], "desk string, limit_musd int").write.mode(
        "overwrite"
    ).saveAsTable("spark_catalog.risk_bm.desk_limits")
    conversion = convert_glue(
        JOB_START
        + 'limits = glueContext.create_dynamic_frame.from_catalog(database="risk_bm", table_name="desk_limits",'
        + ' transformation_ctx="limits").toDF()\n'
        + JOB_END,
        settings(tmp_path),
    )
    first = run(conversion, monkeypatch, ENABLE)["limits"]
    assert [(f.name, f.dataType.simpleString()) for f in first.schema.fields] == [
        ("desk", "string"),
        ("limit_musd", "int"),
    ]
    assert sorted_rows(first, "desk") == [{"desk": "FX", "limit_musd": 10}, {"desk": "RATES", "limit_musd": 20}]
    spark.createDataFrame([("CREDIT", 5)], "desk string, limit_musd int").write.mode("append").saveAsTable(
        "spark_catalog.risk_bm.desk_limits"
    )
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["limits"], "desk") == [{"desk": "CREDIT", "limit_musd": 5}]
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["limits"], "desk") == []


FILLS = [{"fill_id": 1, "desk": "FX", "price": 1.5}, {"fill_id": 2, "desk": "RATES", "price": 2.5}]
NEW_FILL = {"fill_id": 3, "desk": "FX", "price": 3.5}


def _derby_fills(spark: Any, rows: list[tuple[int, str, float]], mode: str) -> None:
    spark.createDataFrame(rows, "fill_id long, desk string, price double").write.format("jdbc").option(
        "url", DERBY
    ).option("dbtable", "RISK_FILLS_BM").mode(mode).save()


@proves("G2L103", "from_options JDBC with jobBookmarkKeys and transformation_ctx", BOOKMARKS_PAGE)
def test_jdbc_bookmark_keys_read_the_rows_past_the_last_committed_key(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # monitor-continuations.html: a JDBC source is bookmarked by its jobBookmarkKeys (with
    # jobBookmarkKeysSortOrder asc, the keys grow): a run reads the rows whose keys are past the largest value
    # the last committed run saw; a run that stops before commit() leaves that value as it was.
    _derby_fills(spark, [(1, "FX", 1.5), (2, "RATES", 2.5)], "overwrite")
    conversion = convert_glue(
        JOB_START
        + f"""\
fills = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={{
        "url": "{DERBY}", "dbtable": "APP.RISK_FILLS_BM", "user": "risk", "password": "risk",
        "jobBookmarkKeys": ["fill_id"], "jobBookmarkKeysSortOrder": "asc",
    }},
    transformation_ctx="fills",
).toDF()
"""
        + JOB_END,
        settings(tmp_path),
    )
    assert 'keys=["fill_id"]' in conversion.text
    first = run(conversion, monkeypatch, ENABLE)["fills"]
    assert [(f.name, f.dataType.simpleString()) for f in first.schema.fields] == [
        ("fill_id", "bigint"),
        ("desk", "string"),
        ("price", "double"),
    ]
    assert sorted_rows(first, "fill_id") == FILLS
    _derby_fills(spark, [(3, "FX", 3.5)], "append")
    with pytest.raises(RuntimeError, match="desk feed"):
        run(conversion, monkeypatch, ENABLE, fail=True)
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["fills"], "fill_id") == [NEW_FILL]
    assert sorted_rows(run(conversion, monkeypatch, ENABLE)["fills"], "fill_id") == []
    assert sorted_rows(run(conversion, monkeypatch, DISABLE)["fills"], "fill_id") == [*FILLS, NEW_FILL]
