"""Semantic tests of Glue Studio's generated helpers and Data Quality (G2L401-G2L406): a Studio-shaped snippet is
converted and run on data the test builds, and the rows are what the Studio node documents.

Studio jobs define their helpers (sparkSqlQuery, sparkUnion, sparkAggregate, drop_nulls) in the script itself; the
snippets here define them the way Studio writes them, in the shape of the golden cases under tests/convert/cases.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from semantics import proves, rows, run_glue, sorted_rows

STUDIO_UG = "https://docs.aws.amazon.com/glue/latest/ug/"
WEBAPI = "https://docs.aws.amazon.com/glue/latest/webapi/"
TEN_TRANSFORMS = "https://aws.amazon.com/blogs/big-data/ten-new-visual-transforms-in-aws-glue-studio/"

HELPERS = """\
def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = (
        parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs)
        if len(groups) > 0
        else parentFrame.toDF().agg(*aggsFuncs)
    )
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


"""


def limits(spark: Any) -> dict[str, Any]:
    emea = spark.createDataFrame([("FX", 100.0), ("RATES", 50.0), ("FX", 100.0)], "desk string, limit_eur double")
    apac = spark.createDataFrame([("FX", 100.0), ("EQ", 70.0)], "desk string, limit_eur double")
    return {"raw_emea": emea, "raw_apac": apac}


@proves("G2L401", "Glue Studio SQL query and Union nodes (sparkSqlQuery, sparkUnion)", WEBAPI + "API_SparkSQL.html")
def test_studio_sql_query_and_union_run_their_sql_on_the_aliased_frames(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # API_SparkSQL.html (WEBAPI): the SQL query node runs a Spark SQL query over its inputs, each under the alias
    # given for it, and gives one frame.
    # API_Union.html (WEBAPI): the Union node combines the rows of its two inputs; ALL keeps duplicate rows,
    # DISTINCT removes them.
    out = run_glue(
        "from pyspark.sql import functions as SqlFuncs\n"
        + HELPERS
        + """\
emea = DynamicFrame.fromDF(raw_emea, glueContext, "emea")
apac = DynamicFrame.fromDF(raw_apac, glueContext, "apac")
SqlQuery0 = "select desk, sum(limit_eur) as total from limits group by desk"
SQLQuery_node1 = sparkSqlQuery(
    glueContext, query=SqlQuery0, mapping={"limits": emea}, transformation_ctx="SQLQuery_node1"
)
Union_node2 = sparkUnion(
    glueContext, unionType="ALL", mapping={"source1": emea, "source2": apac}, transformation_ctx="Union_node2"
)
Union_node3 = sparkUnion(
    glueContext, unionType="DISTINCT", mapping={"source1": emea, "source2": apac}, transformation_ctx="Union_node3"
)
""",
        monkeypatch,
        **limits(spark),
    )
    assert sorted_rows(out["SQLQuery_node1"], "desk") == [
        {"desk": "FX", "total": 200.0},
        {"desk": "RATES", "total": 50.0},
    ]
    every = sorted((row["desk"], row["limit_eur"]) for row in rows(out["Union_node2"]))
    assert every == [("EQ", 70.0), ("FX", 100.0), ("FX", 100.0), ("FX", 100.0), ("RATES", 50.0)]
    distinct = sorted((row["desk"], row["limit_eur"]) for row in rows(out["Union_node3"]))
    assert distinct == [("EQ", 70.0), ("FX", 100.0), ("RATES", 50.0)]


@proves("G2L402", "Glue Studio Aggregate node (sparkAggregate)", WEBAPI + "API_Aggregate.html")
def test_studio_aggregate_groups_by_the_fields_and_applies_each_function(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # API_Aggregate.html: Groups are the fields to group by, Aggs the aggregate functions computed on the given
    # fields per group. Studio's generated sparkAggregate aggregates the whole frame when Groups is empty.
    out = run_glue(
        "from pyspark.sql import functions as SqlFuncs\n"
        + HELPERS
        + """\
emea = DynamicFrame.fromDF(raw_emea, glueContext, "emea")
Aggregate_node1 = sparkAggregate(
    glueContext,
    parentFrame=emea,
    groups=["desk"],
    aggs=[["limit_eur", "sum"], ["limit_eur", "count"]],
    transformation_ctx="Aggregate_node1",
)
Aggregate_node2 = sparkAggregate(
    glueContext, parentFrame=emea, groups=[], aggs=[["limit_eur", "max"]], transformation_ctx="Aggregate_node2"
)
""",
        monkeypatch,
        **limits(spark),
    )
    assert sorted_rows(out["Aggregate_node1"], "desk") == [
        {"desk": "FX", "sum(limit_eur)": 200.0, "count(limit_eur)": 2},
        {"desk": "RATES", "sum(limit_eur)": 50.0, "count(limit_eur)": 1},
    ]
    assert rows(out["Aggregate_node2"]) == [{"max(limit_eur)": 100.0}]


@proves("G2L403", "Glue Studio DropNullFields node (drop_nulls)", STUDIO_UG + "transforms-dropnull-fields.html")
def test_studio_drop_nulls_drops_fields_whose_every_value_is_null_or_a_chosen_null_value(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # transforms-dropnull-fields.html: the node removes a field when all its values are null; the values chosen in
    # the node (empty string, the string "null", the integer -1, custom values) count as null too.
    raw = spark.createDataFrame(
        [("C1", "", -1, None, 5), ("C2", "null", -1, None, -1)],
        "collateral_id string, note string, haircut_bp int, rating string, days int",
    )
    out = run_glue(
        """\
from awsglue.gluetypes import *


def _find_null_fields(ctx, schema, path, output, nullStringSet, nullIntegerSet, frame):
    if isinstance(schema, StructType):
        for field in schema:
            new_path = path + "." if path != "" else path
            output = _find_null_fields(
                ctx, field.dataType, new_path + field.name, output, nullStringSet, nullIntegerSet, frame
            )
    elif isinstance(schema, ArrayType):
        if isinstance(schema.elementType, StructType):
            output = _find_null_fields(ctx, schema.elementType, path, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, NullType):
        output.append(path)
    else:
        x, distinct_set = frame.toDF(), set()
        for i in x.select(path).distinct().collect():
            distinct_ = i[path.split('.')[-1]]
            if isinstance(distinct_, list):
                distinct_set |= set([item.strip() if isinstance(item, str) else item for item in distinct_])
            elif isinstance(distinct_, str) :
                distinct_set.add(distinct_.strip())
            else:
                distinct_set.add(distinct_)
        if isinstance(schema, StringType):
            if distinct_set.issubset(nullStringSet):
                output.append(path)
        elif isinstance(schema, IntegerType) or isinstance(schema, LongType) or isinstance(schema, DoubleType):
            if distinct_set.issubset(nullIntegerSet):
                output.append(path)
    return output


def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DynamicFrame:
    nullColumns = _find_null_fields(frame.glue_ctx, frame.schema(), "", [], nullStringSet, nullIntegerSet, frame)
    return DropFields.apply(frame=frame, paths=nullColumns, transformation_ctx=transformation_ctx)


collateral = DynamicFrame.fromDF(raw, glueContext, "collateral")
DropNullFields_node1 = drop_nulls(
    glueContext,
    frame=collateral,
    nullStringSet={"", "null"},
    nullIntegerSet={-1},
    transformation_ctx="DropNullFields_node1",
)
""",
        monkeypatch,
        raw=raw,
    )
    assert out["DropNullFields_node1"].dtypes == [("collateral_id", "string"), ("days", "int")]
    assert sorted_rows(out["DropNullFields_node1"], "collateral_id") == [
        {"collateral_id": "C1", "days": 5},
        {"collateral_id": "C2", "days": -1},
    ]


@proves("G2L405", "Glue Studio Derived Column and Add Current Timestamp nodes (gs_derived, gs_now)", TEN_TRANSFORMS)
def test_studio_derived_column_and_current_timestamp_add_their_column(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # TEN_TRANSFORMS: Derived Column adds a column computed by a SQL expression over the row's columns; Add Current
    # Timestamp adds a column with the time the job processed the row.
    raw = spark.createDataFrame(
        [("E1", 120.0, 20.0), ("E2", 50.0, 60.0)], "exposure_id string, ead double, collateral double"
    )
    before = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    out = run_glue(
        """\
import gs_derived
import gs_now

exposures = DynamicFrame.fromDF(raw, glueContext, "exposures")
DerivedColumn_node1 = exposures.gs_derived(colName="net", expr="greatest(ead - collateral, 0)")
AddCurrentTimestamp_node2 = DerivedColumn_node1.gs_now(colName="loaded_at")
""",
        monkeypatch,
        raw=raw,
    )
    assert [name for name, _ in out["AddCurrentTimestamp_node2"].dtypes] == [
        "exposure_id",
        "ead",
        "collateral",
        "net",
        "loaded_at",
    ]
    found = sorted_rows(out["AddCurrentTimestamp_node2"].withColumn("loaded_at", spark_utc("loaded_at")), "exposure_id")
    assert [(row["exposure_id"], row["net"]) for row in found] == [("E1", 100.0), ("E2", 0.0)]
    after = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    slack = datetime.timedelta(seconds=5)
    assert all(before - slack <= row["loaded_at"] <= after + slack for row in found)


def spark_utc(name: str) -> Any:
    """The timestamp column as a UTC wall-clock timestamp_ntz, so that collect() gives a naive UTC datetime."""
    from pyspark.sql import functions as F

    return F.to_utc_timestamp(F.col(name), F.current_timezone()).cast("timestamp_ntz")


@proves(
    "G2L406",
    "EvaluateDataQuality().process_rows",
    "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-EvaluateDataQuality.html",
)
def test_evaluate_data_quality_gives_rule_and_row_outcomes_through_the_converter(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # EvaluateDataQuality.html: process_rows gives a collection with ruleOutcomes (Rule, Outcome, FailureReason,
    # EvaluatedMetrics per rule) and rowLevelOutcomes (the rows with DataQualityRulesPass, DataQualityRulesFail,
    # DataQualityRulesSkip and DataQualityEvaluationResult). Rule semantics: https://docs.aws.amazon.com/glue/latest/
    # dg/dqdl-rule-types.html (IsComplete: no null values; ColumnValues: every value meets the expression).
    raw = spark.createDataFrame([("E1", 0.2), (None, 0.4), ("E3", 1.5)], "exposure_id string, pd double")
    out = run_glue(
        """\
from awsgluedq.transforms import EvaluateDataQuality

RULES = \"\"\"
    Rules = [
        IsComplete "exposure_id",
        ColumnValues "pd" between 0 and 1,
        ColumnValues "pd" > 0
    ]
\"\"\"
exposures = DynamicFrame.fromDF(raw, glueContext, "exposures")
checked = EvaluateDataQuality().process_rows(frame=exposures, ruleset=RULES)
rule_outcomes = SelectFromCollection.apply(dfc=checked, key="ruleOutcomes")
row_outcomes = SelectFromCollection.apply(dfc=checked, key="rowLevelOutcomes")
""",
        monkeypatch,
        raw=raw,
    )
    outcomes = {row["Rule"]: row["Outcome"] for row in rows(out["rule_outcomes"])}
    assert outcomes == {
        'IsComplete "exposure_id"': "Failed",
        'ColumnValues "pd" between 0 and 1': "Failed",
        'ColumnValues "pd" > 0': "Passed",
    }
    results = {row["pd"]: row["DataQualityEvaluationResult"] for row in rows(out["row_outcomes"])}
    assert results == {0.2: "Passed", 0.4: "Failed", 1.5: "Failed"}
