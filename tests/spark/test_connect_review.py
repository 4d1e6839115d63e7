"""G2L010's review items say true things: the lines it flags run on classic PySpark and fail on Spark Connect
(Databricks serverless and standard access mode compute), the first of them where the job stops."""

from __future__ import annotations

import traceback
from typing import Any

import pytest
from semantics import convert_glue, run_converted

# Glue's create_dynamic_frame.from_rdd builds a DataFrame with createDataFrame(data, schema, sample_ratio) and
# wraps it (awslabs/aws-glue-libs awsglue/context.py, create_dynamic_frame_from_rdd); DynamicFrame has
# getNumPartitions (https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe.html);
# the job's own sc.parallelize is PySpark's. Serverless and standard access mode compute have neither the RDD API
# nor the SparkContext (https://docs.databricks.com/aws/en/compute/serverless/limitations).
GLUE = """\
rows = sc.parallelize([("FX", 1), ("RATES", 2)])
desks = glueContext.create_dynamic_frame.from_rdd(rows, "desks")
parts = desks.getNumPartitions()
"""


def test_the_lines_reviewed_for_spark_connect_run_on_classic_and_fail_on_connect(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversion = convert_glue(GLUE)
    lines = conversion.text.splitlines()
    flagged = [lines[finding.line] for finding in conversion.findings if finding.rule == "G2L010"]
    assert flagged == [
        "sc = spark.sparkContext",
        'rows = sc.parallelize([("FX", 1), ("RATES", 2)])',
        "desks = spark.createDataFrame(rows)",
        "parts = desks.rdd.getNumPartitions()",
    ]
    if "connect" not in type(spark).__module__:
        out = run_converted(conversion, monkeypatch)
        assert [row.asDict() for row in out["desks"].collect()] == [{"_1": "FX", "_2": 1}, {"_1": "RATES", "_2": 2}]
        assert isinstance(out["parts"], int) and out["parts"] >= 1
        return
    with pytest.raises(Exception) as failure:
        run_converted(conversion, monkeypatch)
    failed_at = [
        frame.lineno
        for frame in traceback.extract_tb(failure.value.__traceback__)
        if frame.filename == "jobs/semantics.py"
    ]
    assert [lines[line - 1] for line in failed_at] == ["sc = spark.sparkContext"]
    assert "sparkContext" in str(failure.value) or "SparkContext" in str(failure.value), str(failure.value)
