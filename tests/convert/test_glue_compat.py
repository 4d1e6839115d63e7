"""glue_compat against a real local Spark: each function on small DataFrames, checked against Glue's documented
behaviour, and converted Glue snippets run end to end.
"""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

from pyspark.sql import DataFrame, SparkSession

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.compat import glue_compat
from g2l_merge.convert.engine import convert_source

# `spark`: the one session of the test process (tests/conftest.py).


def rows(df: DataFrame) -> list[dict[str, Any]]:
    return [row.asDict(recursive=True) for row in df.collect()]


def sorted_rows(df: DataFrame, key: str) -> list[dict[str, Any]]:
    return sorted(rows(df), key=lambda row: (row[key] is None, row[key]))


# ---- glue_compat, function by function -------------------------------------------------------------------


def test_apply_mapping_keeps_only_mapped_fields_cast_renamed_and_nested(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [("7", "2.5", "x", ("Paris",))], "id string, amount string, dropped string, address struct<city:string>"
    )
    mapped = glue_compat.apply_mapping(
        df,
        [
            ("id", "string", "trade_id", "long"),
            ("amount", "amount_raw"),
            ("address.city", "string", "city", "string"),
            ("id", "string", "meta.source_id", "string"),
            ("not_there", "string", "ghost", "string"),
        ],
    )
    assert mapped.columns == ["trade_id", "amount_raw", "city", "meta"]
    assert rows(mapped) == [{"trade_id": 7, "amount_raw": "2.5", "city": "Paris", "meta": {"source_id": "7"}}]
    assert dict(mapped.dtypes)["trade_id"] == "bigint"


def test_apply_mapping_bad_value_becomes_null_like_glue(spark: SparkSession) -> None:
    df = spark.createDataFrame([("12",), ("n/a",)], "qty string")
    assert rows(glue_compat.apply_mapping(df, [("qty", "string", "qty", "int")])) == [{"qty": 12}, {"qty": None}]


def test_drop_null_fields_drops_columns_null_in_every_record(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [(1, None, None, (None, 2), [(None, "a")]), (2, None, "b", (None, 3), None)],
        "id long, empty string, some string, s struct<gone:int,kept:int>, items array<struct<gone:int,kept:string>>",
    )
    result = glue_compat.drop_null_fields(df)
    assert result.columns == ["id", "some", "s", "items"]
    assert result.schema["s"].dataType.simpleString() == "struct<kept:int>"
    assert result.schema["items"].dataType.simpleString() == "array<struct<kept:string>>"
    assert sorted_rows(result, "id")[0] == {"id": 1, "some": None, "s": {"kept": 2}, "items": [{"kept": "a"}]}


def test_drop_null_fields_keeps_a_frame_without_records(spark: SparkSession) -> None:
    df = spark.createDataFrame([], "id long, name string")
    assert glue_compat.drop_null_fields(df).columns == ["id", "name"]


def test_select_drop_and_rename_nested_fields(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [(1, ("Paris", "75"), "x")], "id long, address struct<city:string,zip:string>, `a.b` string"
    )
    assert rows(glue_compat.select_fields(df, ["address.city", "missing"])) == [{"address": {"city": "Paris"}}]
    assert (
        glue_compat.drop_fields(df, ["address.zip", "`a.b`", "missing.deep"]).schema.simpleString()
        == "struct<id:bigint,address:struct<city:string>>"
    )
    renamed = glue_compat.rename_field(df, "address.city", "address.town")
    assert renamed.schema["address"].dataType.simpleString() == "struct<town:string,zip:string>"
    moved = glue_compat.rename_field(df, "address.zip", "zip_code")
    assert rows(moved.select("zip_code", "address")) == [{"zip_code": "75", "address": {"city": "Paris"}}]
    assert glue_compat.rename_field(df, "`a.b`", "ab").columns == ["id", "address", "ab"]


def test_split_fields_and_split_rows_return_both_parts(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, 5, "a"), (2, 15, "b"), (3, None, "c")], "id long, age int, name string")
    parts = glue_compat.split_fields(df, ["id", "age"], "keys", "rest")
    assert (parts["keys"].columns, parts["rest"].columns) == (["id", "age"], ["name"])
    split = glue_compat.split_rows(df, {"age": {">": 10, "<=": 20}}, "teens", "others")
    assert [r["id"] for r in rows(split["teens"])] == [2]
    assert sorted(r["id"] for r in rows(split["others"])) == [1, 3]


def test_join_keeps_both_keys_and_dots_clashing_names(spark: SparkSession) -> None:
    orders = spark.createDataFrame([(1, 10, "o1"), (2, 11, "o2")], "order_id long, customer_id long, note string")
    customers = spark.createDataFrame([(10, "Ada", "c")], "customer_id long, name string, note string")
    joined = glue_compat.join(orders, customers, ["customer_id"], ["customer_id"])
    assert joined.columns == ["order_id", "customer_id", "note", ".customer_id", "name", ".note"]
    assert rows(joined) == [
        {"order_id": 1, "customer_id": 10, "note": "o1", ".customer_id": 10, "name": "Ada", ".note": "c"}
    ]


def test_merge_frames_replaces_matching_records_only(spark: SparkSession) -> None:
    source = spark.createDataFrame([(1, "old"), (1, "old-dup"), (2, "keep")], "id long, value string")
    staging = spark.createDataFrame(
        [(1, "new", True), (3, "only-staging", False)], "id long, value string, flag boolean"
    )
    merged = glue_compat.merge_frames(source, staging, ["id"])
    assert sorted_rows(merged, "id") == [
        {"id": 1, "value": "new", "flag": True},
        {"id": 2, "value": "keep", "flag": None},
    ]


def test_resolve_choice_casts_nested_and_array_paths(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [("1", ("2",), [("3",)])], "a string, s struct<b:string>, items array<struct<price:string>>"
    )
    result = glue_compat.resolve_choice(
        df, [("a", "cast:long"), ("s.b", "project:int"), ("items[].price", "cast:double")]
    )
    assert result.schema.simpleString() == "struct<a:bigint,s:struct<b:int>,items:array<struct<price:double>>>"
    with pytest.raises(ValueError, match="make_cols"):
        glue_compat.resolve_choice(df, [("a", "make_cols")])


def test_match_catalog_casts_to_the_table_types(spark: SparkSession) -> None:
    df = spark.createDataFrame([("5", "x")], "Qty string, other string")
    spark.createDataFrame([], "qty int").createOrReplaceTempView("catalog_table")
    assert rows(glue_compat.match_catalog(df, "catalog_table")) == [{"Qty": 5, "other": "x"}]


def test_unnest_flattens_structs_to_dotted_names(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [(1, ("Paris", (48.8,)), [1, 2])], "id long, a struct<city:string,geo:struct<lat:double>>, tags array<int>"
    )
    assert glue_compat.unnest(df).columns == ["id", "a.city", "a.geo.lat", "tags"]


def test_relationalize_pivots_arrays_into_keyed_tables(spark: SparkSession, tmp_path: Path) -> None:
    df = spark.createDataFrame(
        [("p1", ("Ada",), [("fax", "1"), ("phone", "2")], ["x"]), ("p2", ("Bob",), None, [])],
        "id string, name struct<given:string>, contact array<struct<type:string,value:string>>, tags array<string>",
    )
    tables = glue_compat.relationalize(df, "hist_root", str(tmp_path))
    assert sorted(tables) == ["hist_root", "hist_root_contact", "hist_root_tags"]
    root = {r["id"]: r for r in rows(tables["hist_root"])}
    assert tables["hist_root"].columns == ["id", "name.given", "contact", "tags"]
    assert root["p2"]["contact"] is None
    contact = tables["hist_root_contact"]
    assert contact.columns == ["id", "index", "contact.val.type", "contact.val.value"]
    ada = sorted((r["index"], r["contact.val.type"]) for r in rows(contact) if r["id"] == root["p1"]["contact"])
    assert ada == [(0, "fax"), (1, "phone")]
    assert [r["tags.val"] for r in rows(tables["hist_root_tags"])] == ["x"]


def test_unbox_parses_a_json_string_in_place(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, '{"a": 1, "b": "x"}'), (2, None)], "id long, payload string")
    result = glue_compat.unbox(df, "payload", "json")
    assert sorted_rows(result, "id")[0]["payload"] == {"a": 1, "b": "x"}
    with pytest.raises(ValueError, match="csv"):
        glue_compat.unbox(df, "payload", "csv")


def test_filter_and_map_records_get_dicts_and_drop_failures(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, 5), (2, None), (3, 50)], "id long, qty int")
    kept = glue_compat.filter_records(df, lambda r: r["qty"] > 10)
    assert [r["id"] for r in rows(kept)] == [3]
    mapped = glue_compat.map_records(df, lambda r: {"id": r["id"], "double": r["qty"] * 2})
    assert sorted(r["id"] for r in rows(mapped)) == [1, 3]


def test_spigot_writes_a_sample_and_returns_the_frame(spark: SparkSession, tmp_path: Path) -> None:
    df = spark.range(10)
    assert glue_compat.spigot(df, str(tmp_path / "sample"), {"topk": 3}) is df
    assert spark.read.json(str(tmp_path / "sample")).count() == 3


def test_add_ingestion_time_columns_up_to_the_granularity(spark: SparkSession) -> None:
    result = glue_compat.add_ingestion_time_columns(spark.range(1), "hour")
    assert result.columns == ["id", "ingest_year", "ingest_month", "ingest_day", "ingest_hour"]
    assert [len(v) for v in list(rows(result)[0].values())[1:]] == [4, 2, 2, 2]


# ---- converted code, end to end -------------------------------------------------------------------------

GLUE_SETUP = """\
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
"""


def run_converted(glue_code: str, monkeypatch: pytest.MonkeyPatch, **inputs: DataFrame) -> dict[str, Any]:
    conversion = convert_source(GLUE_SETUP + glue_code, "jobs/e2e.py", ConvertConfig())
    assert "awsglue" not in conversion.text.replace("# g2l: converted from", "")
    module = ModuleType("glue_compat")
    module.__dict__.update(glue_compat.__dict__)
    monkeypatch.setitem(sys.modules, "glue_compat", module)
    namespace: dict[str, Any] = dict(inputs)
    exec(compile(conversion.text, "jobs/e2e.py", "exec"), namespace)
    return namespace


def test_converted_apply_mapping_keeps_only_mapped_columns_with_casts(
    spark: SparkSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = spark.createDataFrame([("1", "2.50", "secret")], "id string, amount string, ssn string")
    result = run_converted(
        """\
trades = DynamicFrame.fromDF(raw, glueContext, "trades")
mapped = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "trade_id", "long"),
                                                    ("amount", "string", "amount", "decimal(10,2)")])
out = mapped.toDF()
""",
        monkeypatch,
        raw=raw,
    )
    assert result["out"].columns == ["trade_id", "amount"]
    assert [tuple(r) for r in result["out"].collect()] == [(1, Decimal("2.50"))]


def test_converted_join_keeps_both_keys(spark: SparkSession, monkeypatch: pytest.MonkeyPatch) -> None:
    orders = spark.createDataFrame([(1, 10)], "order_id long, cust long")
    customers = spark.createDataFrame([(10, "Ada")], "customer_id long, name string")
    result = run_converted(
        """\
o = DynamicFrame.fromDF(orders, glueContext, "o")
c = DynamicFrame.fromDF(customers, glueContext, "c")
joined = Join.apply(o, c, "cust", "customer_id")
same = Join.apply(frame1=o, frame2=o, keys1=["order_id"], keys2=["order_id"])
""",
        monkeypatch,
        orders=orders,
        customers=customers,
    )
    assert rows(result["joined"]) == [{"order_id": 1, "cust": 10, "customer_id": 10, "name": "Ada"}]
    assert result["same"].columns == ["order_id", "cust", ".order_id", ".cust"]


def test_converted_drop_null_fields_filter_and_union(spark: SparkSession, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = spark.createDataFrame(
        [(1, None, "OPEN"), (2, None, None), (3, None, "CANCELLED")], "id long, unused string, status string"
    )
    result = run_converted(
        """\
frame = DynamicFrame.fromDF(raw, glueContext, "frame")
clean = DropNullFields.apply(frame=frame, transformation_ctx="clean")
live = Filter.apply(frame=clean, f=lambda r: r["status"] != "CANCELLED" and r["id"] > 0)
both = live.union(clean)
""",
        monkeypatch,
        raw=raw,
    )
    assert result["clean"].columns == ["id", "status"]
    assert sorted(r["id"] for r in rows(result["live"])) == [1, 2]
    assert result["both"].count() == 5


def test_converted_resolve_choice_rename_and_merge(spark: SparkSession, monkeypatch: pytest.MonkeyPatch) -> None:
    current = spark.createDataFrame([("1", "a"), ("2", "b")], "id string, ntl string")
    updates = spark.createDataFrame([("2", "B"), ("3", "C")], "id string, ntl string")
    result = run_converted(
        """\
cur = DynamicFrame.fromDF(current, glueContext, "cur")
upd = DynamicFrame.fromDF(updates, glueContext, "upd")
typed = ResolveChoice.apply(frame=cur, specs=[("id", "cast:long")])
named = RenameField.apply(typed, "ntl", "notional")
merged = cur.mergeDynamicFrame(upd, ["id"])
""",
        monkeypatch,
        current=current,
        updates=updates,
    )
    assert result["named"].dtypes == [("id", "bigint"), ("notional", "string")]
    assert sorted_rows(result["merged"], "id") == [{"id": "1", "ntl": "a"}, {"id": "2", "ntl": "B"}]


def test_job_stand_in_records_init_and_commits_nothing() -> None:
    job = glue_compat.Job(None)
    job.init("nightly-var", {"JOB_NAME": "nightly-var"})
    assert (job.name, job.args) == ("nightly-var", {"JOB_NAME": "nightly-var"})
    assert job.commit() is None


def test_session_context_wraps_the_session_for_a_former_glue_context_subclass(spark: SparkSession) -> None:
    class RiskContext(glue_compat.SessionContext):
        def limit_count(self) -> int:
            return int(self.sql("select 1 as id").count())

    context = RiskContext(spark.sparkContext, minPartitions=2)
    assert context.spark_session is spark and context.sparkSession is spark
    assert context.limit_count() == 1 and context.read is not None
    with pytest.raises(AttributeError):
        context.create_dynamic_frame  # noqa: B018  # Glue-only: not on a SparkSession either


def test_csv_column_names_renames_only_sparks_positional_names(spark: SparkSession) -> None:
    df = spark.createDataFrame([("FX", 1, 2)], "_c0 string, desk string, _c2 int")
    assert glue_compat.csv_column_names(df).columns == ["col0", "desk", "col2"]
    named = spark.createDataFrame([("FX",)], "desk string")
    assert glue_compat.csv_column_names(named) is named


def test_converted_csv_reads_type_values_and_name_headerless_columns_like_glue(
    spark: SparkSession, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Glue's CSV reader types each value (numbers are not strings) and names a headerless file's columns
    col0, col1, ... (README, "What the conversion does"); the converted spark.read must do the same."""
    (tmp_path / "limits.csv").write_text(
        "desk,trade_id,notional,rate,note\nFX,1,2500000000,0.25,tier 1\nRATES,2,300,1.5,\n"
    )
    (tmp_path / "ratings.csv").write_text("CP-1;7;0.5\nCP-2;9;1.25\n")
    result = run_converted(
        """\
limits = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [limits_path]},
    format="csv",
    format_options={"withHeader": True},
)
ratings = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [ratings_path]},
    format="csv",
    format_options={"separator": ";"},
)
""",
        monkeypatch,
        limits_path=str(tmp_path / "limits.csv"),
        ratings_path=str(tmp_path / "ratings.csv"),
    )
    limits, ratings = result["limits"], result["ratings"]
    assert limits.dtypes == [
        ("desk", "string"),
        ("trade_id", "int"),
        ("notional", "bigint"),
        ("rate", "double"),
        ("note", "string"),
    ]
    assert sorted_rows(limits, "trade_id")[0] == {
        "desk": "FX",
        "trade_id": 1,
        "notional": 2500000000,
        "rate": 0.25,
        "note": "tier 1",
    }
    assert ratings.dtypes == [("col0", "string"), ("col1", "int"), ("col2", "double")]
    assert sorted_rows(ratings, "col0") == [
        {"col0": "CP-1", "col1": 7, "col2": 0.5},
        {"col0": "CP-2", "col1": 9, "col2": 1.25},
    ]


def test_resolved_options_returns_the_reserved_arguments_glue_always_returns() -> None:
    argv = ["job.py", "--JOB_NAME", "nightly", "--TempDir", "s3://tmp/nightly", "--day", "2024-01-31", "--extra", "x"]
    args = glue_compat.resolved_options(argv, ["JOB_NAME", "day"])
    assert args["day"] == "2024-01-31" and args["JOB_NAME"] == "nightly" and "extra" not in args
    # Glue Studio's streaming jobs read args["TempDir"] without listing it
    assert args["TempDir"] == args["RedshiftTempDir"] == "s3://tmp/nightly"
    assert args["job_bookmark_option"] == "job-bookmark-disable" and args["JOB_RUN_ID"] == ""


def test_resolved_options_requires_every_listed_option() -> None:
    with pytest.raises(glue_compat.GlueArgumentError, match="--day"):
        glue_compat.resolved_options(["job.py", "--JOB_NAME", "nightly"], ["JOB_NAME", "day"])
