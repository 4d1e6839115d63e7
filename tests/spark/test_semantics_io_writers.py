"""Semantics of the converted writers: S3 files in each format with their options and partitions, catalog
tables, JDBC tables (Derby, which pip pyspark ships) and the Glue Studio sink.

Each test converts a small Glue snippet, runs the converted write on a frame it builds and reads back what
was written: the rows, the schema, the folder layout or the file text the cited Glue page specifies.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from semantics import config, convert_glue, proves, run_converted, run_glue, sorted_rows
from test_semantics_io import CONTEXT_PAGE, CSV_PAGE, DERBY, GLUE_DG, JDBC_PAGE, S3_PAGE, fake_dbutils, schema_of

OUT = {"s3://risk-out/": "out"}
SCHEMA = "trade_id long, desk string, notional double"
TRADES = [(1, "FX", 2500000.5), (2, "RATES", 100.25), (3, "FX", 7.0)]
TRADE_ROWS = [
    {"trade_id": 1, "desk": "FX", "notional": 2500000.5},
    {"trade_id": 2, "desk": "RATES", "notional": 100.25},
    {"trade_id": 3, "desk": "FX", "notional": 7.0},
]
UPDATE_CATALOG_PAGE = GLUE_DG + "update-from-job.html"
DYNAMIC_FRAME_PAGE = GLUE_DG + "aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html"


def trades(spark: Any) -> Any:
    return spark.createDataFrame(TRADES, SCHEMA)


def s3_write(file_format: str, connection: str, format_options: str = "{}") -> str:
    return (
        "glueContext.write_dynamic_frame.from_options(\n"
        f'    frame=trades, connection_type="s3", connection_options={connection},\n'
        f'    format="{file_format}", format_options={format_options},\n'
        ")\n"
    )


# ---- G2L201 s3-writer ---------------------------------------------------------------------------------------


@proves("G2L201", 'write_dynamic_frame.from_options(connection_type="s3", partitionKeys=...)', S3_PAGE)
def test_an_s3_write_with_partition_keys_lays_out_one_folder_per_value(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # partitionKeys: the data is written in Hive-style folders key=value under path, and the key column is
    # in the folder names rather than in the files; reading the path back gives every row, key included.
    run_glue(
        s3_write("glueparquet", '{"path": "s3://risk-out/trades/", "partitionKeys": ["desk"]}'),
        monkeypatch,
        config(tmp_path, **OUT),
        trades=trades(spark),
    )
    written = tmp_path / "out/trades"
    assert sorted(p.name for p in written.iterdir() if p.is_dir()) == ["desk=FX", "desk=RATES"]
    assert all(p.suffix == ".parquet" for p in (written / "desk=FX").glob("part-*"))
    back = spark.read.parquet(str(written))
    assert schema_of(back) == [("trade_id", "bigint"), ("notional", "double"), ("desk", "string")]
    assert sorted_rows(back.select("trade_id", "desk", "notional"), "trade_id") == TRADE_ROWS


@proves("G2L201", 'write_dynamic_frame.from_options(format="csv")', CSV_PAGE + " " + S3_PAGE)
def test_a_csv_write_takes_separator_writes_the_header_and_compresses(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # writeHeader defaults to true (the header line is written); separator is the delimiter; the S3
    # connection's compression option ("gzip") compresses the files written.
    run_glue(
        s3_write("csv", '{"path": "s3://risk-out/trades/", "compression": "gzip"}', '{"separator": "|"}'),
        monkeypatch,
        config(tmp_path, **OUT),
        trades=trades(spark),
    )
    files = sorted((tmp_path / "out/trades").glob("part-*"))
    assert files and all(f.name.endswith(".csv.gz") for f in files)
    lines = [line for f in files for line in gzip.decompress(f.read_bytes()).decode().splitlines()]
    assert sorted(set(lines)) == [
        "1|FX|2500000.5",
        "2|RATES|100.25",
        "3|FX|7.0",
        "trade_id|desk|notional",
    ]
    assert lines.count("trade_id|desk|notional") == len(files)  # one header line a file


@proves("G2L201", 'write_dynamic_frame.from_options(format="json" | "orc")', S3_PAGE)
def test_json_and_orc_writes_hold_the_frames_rows(spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # format names the files' format: JSON (one record a line) and ORC files that read back as the frame.
    run_glue(
        s3_write("json", '{"path": "s3://risk-out/json/"}') + s3_write("orc", '{"path": "s3://risk-out/orc/"}'),
        monkeypatch,
        config(tmp_path, **OUT),
        trades=trades(spark),
    )
    json_lines = sorted(
        line for f in (tmp_path / "out/json").glob("part-*.json") for line in f.read_text().splitlines()
    )
    assert json_lines == [
        '{"trade_id":1,"desk":"FX","notional":2500000.5}',
        '{"trade_id":2,"desk":"RATES","notional":100.25}',
        '{"trade_id":3,"desk":"FX","notional":7.0}',
    ]
    back = spark.read.orc(str(tmp_path / "out/orc"))
    assert schema_of(back) == [("trade_id", "bigint"), ("desk", "string"), ("notional", "double")]
    assert sorted_rows(back, "trade_id") == TRADE_ROWS


@proves(
    "G2L201",
    "write_dynamic_frame.from_options (a second run)",
    CONTEXT_PAGE,
    verdict="open",
    note="Glue's writers take no save mode; the documented behaviour is that a write adds its files to the path, "
    "so a second run appends",
)
def test_a_second_run_of_an_s3_write_appends_its_rows(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # write_dynamic_frame_from_options writes the frame to the path and has no mode parameter (no overwrite):
    # a rerun adds its files next to the first run's. The converted write says mode("append").
    code = s3_write("parquet", '{"path": "s3://risk-out/trades/"}')
    for _ in range(2):
        run_glue(code, monkeypatch, config(tmp_path, **OUT), trades=trades(spark))
    back = spark.read.parquet(str(tmp_path / "out/trades"))
    assert sorted_rows(back, "trade_id") == sorted(TRADE_ROWS * 2, key=lambda row: row["trade_id"])


# ---- G2L202 catalog-writer ----------------------------------------------------------------------------------


@proves("G2L202", "write_dynamic_frame.from_catalog", CONTEXT_PAGE + " " + DYNAMIC_FRAME_PAGE)
def test_a_catalog_write_appends_to_the_table_matching_columns_by_name(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # write_dynamic_frame_from_catalog writes the frame to the catalog table: its rows are added to the rows
    # already there. DynamicFrame records are self-describing (each field carries its name), so fields land
    # in the table's columns of the same name, whatever their order in the frame.
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_io")
    spark.createDataFrame(
        [(0, 10.0, "CREDIT")], SCHEMA.replace("desk string, notional double", "notional double, desk string")
    ).write.mode("overwrite").partitionBy("desk").saveAsTable("spark_catalog.risk_io.exposures")
    run_glue(
        """\
glueContext.write_dynamic_frame.from_catalog(
    frame=trades, database="risk_io", table_name="exposures",
    additional_options={"partitionKeys": ["desk"]}, transformation_ctx="sink",
)
""",
        monkeypatch,
        config(tmp_path),
        trades=trades(spark),
    )
    table = spark.table("spark_catalog.risk_io.exposures")
    assert schema_of(table) == [("trade_id", "bigint"), ("notional", "double"), ("desk", "string")]
    assert sorted_rows(table.select("trade_id", "desk", "notional"), "trade_id") == [
        {"trade_id": 0, "desk": "CREDIT", "notional": 10.0},
        *TRADE_ROWS,
    ]


@proves(
    "G2L202",
    "write_dynamic_frame.from_catalog (table not in the catalog)",
    CONTEXT_PAGE,
    verdict="open",
    note="Glue writes to a table the Data Catalog already has; the converted saveAsTable also creates an absent one",
)
def test_a_catalog_write_to_an_absent_table_creates_it(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_io")
    spark.sql("DROP TABLE IF EXISTS spark_catalog.risk_io.new_exposures")
    run_glue(
        'glueContext.write_dynamic_frame.from_catalog(frame=trades, database="risk_io", table_name="new_exposures")\n',
        monkeypatch,
        config(tmp_path),
        trades=trades(spark),
    )
    table = spark.table("spark_catalog.risk_io.new_exposures")
    assert schema_of(table) == [("trade_id", "bigint"), ("desk", "string"), ("notional", "double")]
    assert sorted_rows(table, "trade_id") == TRADE_ROWS


@proves(
    "G2L202",
    "write_dynamic_frame.from_catalog(enableUpdateCatalog, UPDATE_IN_DATABASE)",
    UPDATE_CATALOG_PAGE,
    verdict="review",
    note="Glue added a new column to the table's schema; the write carries a review item (mergeSchema on Delta)",
)
def test_a_catalog_write_that_updated_the_schema_in_glue_gets_a_review_item(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With enableUpdateCatalog and updateBehavior UPDATE_IN_DATABASE, Glue updates the table's schema with the
    # frame's new columns as it writes. The converted append says so in a review item; until the job adds
    # mergeSchema (a Delta table option), a frame with a new column does not fit the table and the write fails.
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_io")
    trades(spark).write.mode("overwrite").saveAsTable("spark_catalog.risk_io.evolving")
    conversion = convert_glue(
        """\
glueContext.write_dynamic_frame.from_catalog(
    frame=trades, database="risk_io", table_name="evolving",
    additional_options={"enableUpdateCatalog": True, "updateBehavior": "UPDATE_IN_DATABASE"},
)
""",
        config(tmp_path),
    )
    assert [(finding.rule, "mergeSchema" in finding.message) for finding in conversion.findings] == [("G2L202", True)]
    wider = trades(spark).selectExpr("*", "'USD' AS currency")
    with pytest.raises(Exception, match="column number of the existing table"):
        run_converted(conversion, monkeypatch, trades=wider)
    assert sorted_rows(spark.table("spark_catalog.risk_io.evolving"), "trade_id") == TRADE_ROWS


# ---- G2L203 jdbc-writer -------------------------------------------------------------------------------------


def _derby_limits(spark: Any, table: str) -> None:
    spark.createDataFrame([(0, "CREDIT", 10.0)], SCHEMA).write.format("jdbc").option("url", DERBY).option(
        "dbtable", table
    ).mode("overwrite").save()


def _derby_rows(spark: Any, table: str) -> list[dict[str, Any]]:
    read = spark.read.format("jdbc").option("url", DERBY).option("dbtable", table).load()
    return sorted_rows(read, "trade_id")


@proves(
    "G2L203",
    'write_dynamic_frame.from_options(connection_type="postgresql" | ...)',
    JDBC_PAGE,
    verdict="review",
    note="the credentials written in the script get a review item: keep them in a secret scope",
)
def test_a_jdbc_write_appends_the_rows_to_the_database_table(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # url, dbtable (schema.table), user and password name the table written to; the frame's rows are added to
    # the rows it has.
    _derby_limits(spark, "RISK_LIMITS_OUT")
    conversion = convert_glue(
        f"""\
glueContext.write_dynamic_frame.from_options(
    frame=trades, connection_type="postgresql",
    connection_options={{"url": "{DERBY}", "dbtable": "APP.RISK_LIMITS_OUT", "user": "risk", "password": "risk"}},
)
""",
        config(tmp_path),
    )
    assert [finding.rule for finding in conversion.findings] == ["G2L203"]
    run_converted(conversion, monkeypatch, trades=trades(spark))
    assert _derby_rows(spark, "RISK_LIMITS_OUT") == [{"trade_id": 0, "desk": "CREDIT", "notional": 10.0}, *TRADE_ROWS]


@proves(
    "G2L203",
    "write_dynamic_frame.from_jdbc_conf",
    CONTEXT_PAGE,
    verdict="review",
    note="the Glue connection becomes a secret scope of the same name holding url, user and password",
)
def test_a_jdbc_write_through_a_glue_connection_takes_url_and_credentials_from_its_secret_scope(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # write_dynamic_frame_from_jdbc_conf writes through catalog_connection, the Glue connection that holds the
    # url and credentials; connection_options names the table.
    _derby_limits(spark, "RISK_LIMITS_CONN")
    fake_dbutils(monkeypatch, {("risk-pg", "url"): DERBY, ("risk-pg", "user"): "risk", ("risk-pg", "password"): "x"})
    conversion = convert_glue(
        """\
glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=trades, catalog_connection="risk-pg", connection_options={"dbtable": "APP.RISK_LIMITS_CONN"},
)
""",
        config(tmp_path),
    )
    assert [finding.rule for finding in conversion.findings] == ["G2L203"]
    run_converted(conversion, monkeypatch, trades=trades(spark))
    assert _derby_rows(spark, "RISK_LIMITS_CONN") == [{"trade_id": 0, "desk": "CREDIT", "notional": 10.0}, *TRADE_ROWS]


# ---- G2L204 studio-sink -------------------------------------------------------------------------------------


@proves("G2L204", "getSink + setCatalogInfo + setFormat + writeFrame", UPDATE_CATALOG_PAGE, verdict="review")
def test_a_studio_sink_with_catalog_info_writes_its_files_at_the_path_and_the_table_reads_them(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sink with a path, enableUpdateCatalog and setCatalogInfo writes the frame's files (glueparquet: Parquet)
    # under the path, partitioned by partitionKeys in key=value folders, and creates the catalog table over
    # them when it does not exist (updateBehavior LOG: an existing table's schema is kept). The converted write
    # is an external Parquet table at the mapped path: readers of the path see the new files, readers of the
    # table the same rows. The review item says Unity Catalog needs an external location for the path.
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_io")
    spark.sql("DROP TABLE IF EXISTS spark_catalog.risk_io.studio_trades")
    conversion = convert_glue(
        """\
sink = glueContext.getSink(
    path="s3://risk-out/trades/", connection_type="s3", updateBehavior="LOG",
    partitionKeys=["desk"], enableUpdateCatalog=True, transformation_ctx="sink",
)
sink.setCatalogInfo(catalogDatabase="risk_io", catalogTableName="studio_trades")
sink.setFormat("glueparquet", compression="snappy")
sink.writeFrame(trades)
""",
        config(tmp_path, **OUT),
    )
    assert f'.option("path", "{tmp_path}/out/trades/")' in conversion.text
    assert [finding.rule for finding in conversion.findings] == ["G2L204"]
    run_converted(conversion, monkeypatch, trades=trades(spark))
    folder = tmp_path / "out/trades"
    assert sorted(path.name for path in folder.iterdir() if path.is_dir()) == ["desk=FX", "desk=RATES"]
    files = list(folder.glob("desk=*/part-*"))
    assert files and all(path.suffixes[-2:] == [".snappy", ".parquet"] for path in files)
    assert sorted_rows(spark.read.parquet(str(folder)).select("trade_id", "desk", "notional"), "trade_id") == TRADE_ROWS
    table = spark.table("spark_catalog.risk_io.studio_trades")
    partitions = spark.sql("SHOW PARTITIONS spark_catalog.risk_io.studio_trades").collect()
    assert sorted(row[0] for row in partitions) == ["desk=FX", "desk=RATES"]
    assert sorted_rows(table.select("trade_id", "desk", "notional"), "trade_id") == TRADE_ROWS
