"""The semantic tests' harness itself: converted code reaches the run's catalog and glue_compat in both modes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from semantics import config, convert_glue, proves, run_glue, sorted_rows


def test_a_converted_catalog_read_and_write_use_the_local_catalog(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spark.sql("CREATE DATABASE IF NOT EXISTS harness")
    spark.createDataFrame([(1, "FX"), (2, "RATES")], "id long, desk string").write.mode("overwrite").saveAsTable(
        "spark_catalog.harness.desks"
    )
    out = run_glue(
        """\
desks = glueContext.create_dynamic_frame.from_catalog(database="harness", table_name="desks")
glueContext.write_dynamic_frame.from_catalog(frame=desks, database="harness", table_name="desks_copy")
""",
        monkeypatch,
        config(tmp_path),
    )
    assert sorted_rows(out["desks"], "id") == [{"id": 1, "desk": "FX"}, {"id": 2, "desk": "RATES"}]
    assert sorted_rows(spark.table("spark_catalog.harness.desks_copy"), "id") == sorted_rows(out["desks"], "id")
    spark.sql("DROP TABLE spark_catalog.harness.desks_copy")


def test_proves_refuses_an_unknown_verdict_and_an_open_verdict_without_a_note() -> None:
    with pytest.raises(ValueError, match="verdict"):
        proves("G2L302", "ApplyMapping", "https://docs.aws.amazon.com/glue/", verdict="maybe")
    with pytest.raises(ValueError, match="note"):
        proves("G2L302", "ApplyMapping", "https://docs.aws.amazon.com/glue/", verdict="open")
    assert "import awsglue" not in convert_glue("x = 1\n").text
