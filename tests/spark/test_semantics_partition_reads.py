"""Semantic tests of reads that pair `recurse` with a partition filter (push_down_predicate,
catalogPartitionPredicate): a Data Catalog table read (G2L101) and an S3 path read of key=value folders
(G2L102).

Sources: Managing partitions for ETL output (PARTITIONS_PAGE: a pushdown predicate filters on the partition
columns, so only the partitions it selects are read), Optimizing reads with pushdown (PUSHDOWN_PAGE:
push_down_predicate and catalogPartitionPredicate filter the partitions the Data Catalog lists before any file
is read) and the Amazon S3 connection options (S3_PAGE: recurse reads the files in every subfolder of the
paths).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from semantics import config, convert_glue, proves, run_converted, run_glue, sorted_rows

GLUE_DG = "https://docs.aws.amazon.com/glue/latest/dg/"
PARTITIONS_PAGE = GLUE_DG + "aws-glue-programming-etl-partitions.html"
PUSHDOWN_PAGE = GLUE_DG + "aws-glue-programming-pushdown.html"
S3_PAGE = GLUE_DG + "aws-glue-programming-etl-connect-s3-home.html"


def json_folder(folder: Path, records: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "part-0.json").write_text("".join(json.dumps(record) + "\n" for record in records))


@proves("G2L101", "create_dynamic_frame.from_catalog push_down_predicate with recurse", PUSHDOWN_PAGE)
def test_a_catalog_read_with_recurse_keeps_both_partition_filters(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PUSHDOWN_PAGE: push_down_predicate filters the table's partitions (listed from the Data Catalog) before
    # reading, catalogPartitionPredicate filters them on the catalog's side; both apply. recurse (S3_PAGE: read
    # the files of every subfolder) asks for nothing a table read does not do: the table's files are its
    # partitions' files. The read used to stay a Glue call ("recurse not understood").
    spark.sql("CREATE DATABASE IF NOT EXISTS risk_parts")
    spark.createDataFrame(
        [(1, 2500000.5, "EU", "2024-03-28"), (2, 100.25, "US", "2024-03-28"), (3, 7.5, "EU", "2024-02-29")],
        "trade_id long, notional double, region string, day string",
    ).write.mode("overwrite").partitionBy("region", "day").saveAsTable("spark_catalog.risk_parts.recursed_trades")
    out = run_glue(
        """\
eu = glueContext.create_dynamic_frame.from_catalog(
    database="risk_parts", table_name="recursed_trades", push_down_predicate="region = 'EU'",
    additional_options={"recurse": True, "catalogPartitionPredicate": "day >= '2024-03-01'"},
)
""",
        monkeypatch,
        config(tmp_path),
    )
    assert out["eu"].dtypes == [("trade_id", "bigint"), ("notional", "double"), ("region", "string"), ("day", "string")]
    assert sorted_rows(out["eu"], "trade_id") == [
        {"trade_id": 1, "notional": 2500000.5, "region": "EU", "day": "2024-03-28"}
    ]


@proves(
    "G2L102",
    "create_dynamic_frame.from_options push_down_predicate with recurse",
    PARTITIONS_PAGE,
    verdict="review",
)
def test_an_s3_read_with_recurse_and_a_predicate_filters_the_partition_folders(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PARTITIONS_PAGE: the predicate selects key=value partition folders; S3_PAGE: recurse reads every
    # subfolder. recurse used to become recursiveFileLookup, which turns Spark's partition discovery off: the
    # predicate's column `region` did not exist (UNRESOLVED_COLUMN). The read keeps partition discovery, which
    # reads the nested region=/day= folders; the review item says the frame also has the partition columns
    # (a from_options frame of Glue's has the files' columns only).
    raw = tmp_path / "raw/trades"
    json_folder(raw / "region=EU/day=2024-03-28", [{"trade_id": 1, "notional": 2500000.5}])
    json_folder(raw / "region=EU/day=2024-03-29", [{"trade_id": 3, "notional": 7.5}])
    json_folder(raw / "region=US/day=2024-03-28", [{"trade_id": 2, "notional": 100.25}])
    settings = config(tmp_path, **{"s3://risk-raw/": "raw"})
    conversion = convert_glue(
        """\
eu = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True},
    format="json", push_down_predicate="region = 'EU'",
)
""",
        settings,
    )
    assert [finding.rule for finding in conversion.findings] == ["G2L102"]
    assert '.option("recursiveFileLookup"' not in conversion.text
    eu = run_converted(conversion, monkeypatch)["eu"]
    assert eu.dtypes == [("notional", "double"), ("trade_id", "bigint"), ("region", "string"), ("day", "date")]
    assert [(r["trade_id"], r["notional"], r["region"], str(r["day"])) for r in sorted_rows(eu, "trade_id")] == [
        (1, 2500000.5, "EU", "2024-03-28"),
        (3, 7.5, "EU", "2024-03-29"),
    ]
