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
    # make_cols/make_struct split a choice type, which a DataFrame column does not have: the field stays as it is
    assert glue_compat.resolve_choice(df, [("a", "make_cols"), ("s.b", "make_struct")]).dtypes == df.dtypes
    with pytest.raises(ValueError, match="keep_first"):
        glue_compat.resolve_choice(df, [("a", "keep_first")])


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
    assert dict(result.dtypes)["payload"] == "struct<a:bigint,b:string>"
    amounts = spark.createDataFrame([('{"amount": 2.5, "n": 1}',), ('{"amount": 3, "n": "x"}',)], "payload string")
    typed = glue_compat.unbox(amounts, "payload", "json")
    assert dict(typed.dtypes)["payload"] == "struct<amount:double,n:string>"
    assert sorted(r["payload"]["amount"] for r in rows(typed)) == [2.5, 3.0]
    with pytest.raises(ValueError, match="csv"):
        glue_compat.unbox(df, "payload", "csv")


def test_filter_and_map_records_get_dicts_and_drop_failures(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, 5), (2, None), (3, 50)], "id long, qty int")
    kept = glue_compat.filter_records(df, lambda r: r["qty"] > 10)
    assert [r["id"] for r in rows(kept)] == [3]
    mapped = glue_compat.map_records(df, lambda r: {"id": r["id"], "double": r["qty"] * 2})
    assert sorted(r["id"] for r in rows(mapped)) == [1, 3]


def test_map_records_reads_the_schema_from_the_returned_records(spark: SparkSession) -> None:
    """No RDD: the records come back as JSON from a UDF and their schema is read from all of them; integers
    are bigint and other numbers double (Glue's and spark.read.json's types), the first record's field order
    leads, a field some records lack is null there, one with values of two types is text."""
    df = spark.createDataFrame([(1, 5, "a"), (2, None, "b"), (3, 50, "c")], "id long, qty int, desk string")

    def enrich(record: dict[str, Any]) -> dict[str, Any] | None:
        if record["desk"] == "b":
            return None  # returns nothing: left out
        extra = {"tag": "big"} if record["qty"] > 10 else {"mixed": 1}
        return {"id": record["id"], "half": record["qty"] / 2, "book": {"desk name": [record["desk"]]}, **extra}

    mapped = glue_compat.map_records(df, enrich)
    assert mapped.dtypes == [
        ("id", "bigint"),
        ("half", "double"),
        ("book", "struct<desk name:array<string>>"),
        ("mixed", "bigint"),
        ("tag", "string"),
    ]
    assert sorted_rows(mapped, "id") == [
        {"id": 1, "half": 2.5, "book": {"desk name": ["a"]}, "mixed": 1, "tag": None},
        {"id": 3, "half": 25.0, "book": {"desk name": ["c"]}, "mixed": None, "tag": "big"},
    ]
    nothing = glue_compat.map_records(df, lambda r: None)
    assert (nothing.columns, nothing.count()) == ([], 0)


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


def test_the_per_record_steps_of_filter_and_map_records_as_the_spark_workers_run_them() -> None:
    """What runs in the Python workers for each record (no Spark needed): the function gets the record as a
    dict; a function that raises drops the record (Filter: False, Map: no record), as Glue leaves it among its
    error records; Map keeps only a non-empty dict, as JSON, with values JSON cannot hold as text."""
    from pyspark.sql import Row

    record = Row(id=7, book=Row(desk="FX"), legs=[Row(ccy="EUR")])
    assert glue_compat._kept(lambda r: r["book"]["desk"] == "FX" and r["legs"][0]["ccy"] == "EUR", record)
    assert not glue_compat._kept(lambda r: r["missing"] > 1, record)  # KeyError: dropped
    assert glue_compat._mapped(lambda r: {"id": r["id"], "amount": Decimal("2.50")}, record) == (
        '{"id": 7, "amount": "2.50"}'
    )
    assert glue_compat._mapped(lambda r: r["missing"], record) is None
    assert glue_compat._mapped(lambda r: {}, record) is None
    assert glue_compat._mapped(lambda r: [r["id"]], record) is None  # not a record


def test_struct_ddl_turns_the_variant_schema_into_a_from_json_schema() -> None:
    variant = "OBJECT<`a OBJECT<b`: DECIMAL(3,1), n: OBJECT<k: ARRAY<BIGINT>>, z: VOID, v: VARIANT>"
    assert glue_compat._struct_ddl(variant) == (
        "STRUCT<`a OBJECT<b`: DOUBLE, n: STRUCT<k: ARRAY<BIGINT>>, z: STRING, v: STRING>"
    )


def test_job_stand_in_records_init_and_commits_nothing() -> None:
    job = glue_compat.Job(None)
    job.init("nightly-var", {"JOB_NAME": "nightly-var"})
    assert (job.name, job.args) == ("nightly-var", {"JOB_NAME": "nightly-var"})
    assert job.commit() is None


def test_job_init_takes_the_bookmark_option_from_its_arguments_else_argv_else_disable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # awslabs/aws-glue-libs awsglue/job.py: init(job_name, args) hands the run's arguments to Glue; the
    # options are job-bookmark-enable, -pause and -disable, and disable is the default
    # (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html).
    monkeypatch.setattr(glue_compat, "_RUNNING", [])  # the running Job, put back after the test
    job = glue_compat.Job(None, bookmarks="/Volumes/main/g2l/g2l_bookmarks/")
    monkeypatch.setattr(sys, "argv", ["jobs/fills.py", "--job-bookmark-option", "job-bookmark-pause"])
    job.init("fills", {"job_bookmark_option": "job-bookmark-enable"})
    assert (job.option, job.store) == ("job-bookmark-enable", "/Volumes/main/g2l/g2l_bookmarks")
    job.init("fills", {})
    assert job.option == "job-bookmark-pause"
    monkeypatch.setattr(sys, "argv", ["jobs/fills.py"])
    job.init("fills")
    assert job.option == "job-bookmark-disable"
    with pytest.raises(glue_compat.GlueArgumentError, match="job-bookmark-option"):
        job.init("fills", {"job_bookmark_option": "job-bookmark-on"})


def test_widget_options_carry_the_job_bookmark_option_widget() -> None:
    widgets = {"JOB_NAME": "fills", "job-bookmark-option": "job-bookmark-enable"}

    class Widgets:
        def get(self, name: str) -> str:
            return widgets[name]

    dbutils = type("DBUtils", (), {"widgets": Widgets()})()
    resolved = glue_compat.widget_options(dbutils, ["JOB_NAME"])
    assert resolved == {"JOB_NAME": "fills", "job_bookmark_option": "job-bookmark-enable"}
    del widgets["job-bookmark-option"]
    assert glue_compat.widget_options(dbutils, ["JOB_NAME"]) == {"JOB_NAME": "fills"}


def test_session_context_wraps_the_session_for_a_former_glue_context_subclass(spark: SparkSession) -> None:
    class RiskContext(glue_compat.SessionContext):
        def limit_count(self) -> int:
            return int(self.sql("select 1 as id").count())

    context = RiskContext(None, minPartitions=2)  # Glue passed a SparkContext, which Spark Connect has not
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
    col0, col1, ... (README, "What the conversion does"); the converted spark.read must do the same. Whole
    numbers are long, as in Glue's DynamicFrame of a CSV (aws-samples/aws-glue-samples
    examples/data_cleaning_and_lambda.md: `provider zip code: long` where Spark's inferSchema says integer)."""
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
        ("trade_id", "bigint"),
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
    assert ratings.dtypes == [("col0", "string"), ("col1", "bigint"), ("col2", "double")]
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


# ---- Glue Data Quality (DQDL) ------------------------------------------------------------------------------

LOANS_SCHEMA = "loan_id long, segment string, pd double, iban string"
LOANS = [
    (1, "CORP", 0.02, "DE89370400440532013000"),
    (2, "RETAIL", 0.10, "FR7630006000011234567890189"),
    (3, None, 0.30, None),
    (3, "CORP", None, "GB29NWBK60161331926819"),
]
# Each supported rule type once passing and once failing on LOANS: (rule, outcome, failure reason, metrics).
DQ_EXPECTED: list[tuple[str, str, str | None, dict[str, float]]] = [
    ("RowCount = 4", "Passed", None, {"Dataset.*.RowCount": 4.0}),
    ("RowCount > 4", "Failed", "Dataset.*.RowCount is 4, not > 4", {"Dataset.*.RowCount": 4.0}),
    ("ColumnCount = 4", "Passed", None, {"Dataset.*.ColumnCount": 4.0}),
    ("ColumnCount < 4", "Failed", "Dataset.*.ColumnCount is 4, not < 4", {"Dataset.*.ColumnCount": 4.0}),
    ('IsComplete "loan_id"', "Passed", None, {"Column.loan_id.Completeness": 1.0}),
    (
        'IsComplete "segment"',
        "Failed",
        "Column.segment.Completeness is 0.75, not = 1",
        {"Column.segment.Completeness": 0.75},
    ),
    ('Completeness "pd" >= 0.75', "Passed", None, {"Column.pd.Completeness": 0.75}),
    (
        'Completeness "pd" > 0.75',
        "Failed",
        "Column.pd.Completeness is 0.75, not > 0.75",
        {"Column.pd.Completeness": 0.75},
    ),
    # uniqueness: the rows whose value no other row has, over all rows (a null is never unique)
    ('IsUnique "iban"', "Failed", "Column.iban.Uniqueness is 0.75, not = 1", {"Column.iban.Uniqueness": 0.75}),
    ('Uniqueness "loan_id" = 0.5', "Passed", None, {"Column.loan_id.Uniqueness": 0.5}),
    (
        'Uniqueness "loan_id" > 0.5',
        "Failed",
        "Column.loan_id.Uniqueness is 0.5, not > 0.5",
        {"Column.loan_id.Uniqueness": 0.5},
    ),
    (
        'IsPrimaryKey "segment" "iban"',
        "Failed",
        "Column.segment,iban.Completeness is 0.75, not = 1; Column.segment,iban.Uniqueness is 0.75, not = 1",
        {"Column.segment,iban.Completeness": 0.75, "Column.segment,iban.Uniqueness": 0.75},
    ),
    (
        'IsPrimaryKey "loan_id"',
        "Failed",
        "Column.loan_id.Uniqueness is 0.5, not = 1",
        {"Column.loan_id.Completeness": 1.0, "Column.loan_id.Uniqueness": 0.5},
    ),
    ('ColumnExists "pd"', "Passed", None, {}),
    ('ColumnExists "lgd"', "Failed", "Column lgd is not in the data", {}),
    ('ColumnValues "segment" in ["CORP", "RETAIL", NULL]', "Passed", None, {}),
    (
        'ColumnValues "segment" in ["CORP", "RETAIL"]',
        "Failed",
        '1 of 4 rows do not satisfy ColumnValues in ["CORP", "RETAIL"]',
        {},
    ),
    # a null fails a comparison
    (
        'ColumnValues "pd" <= 0.3',
        "Failed",
        "1 of 4 rows do not satisfy ColumnValues <= 0.3",
        {"Column.pd.Minimum": 0.02, "Column.pd.Maximum": 0.3},
    ),
    (
        'ColumnValues "loan_id" between 0 and 4',
        "Passed",
        None,
        {"Column.loan_id.Minimum": 1.0, "Column.loan_id.Maximum": 3.0},
    ),
    # between excludes its bounds
    (
        'ColumnValues "loan_id" between 1 and 3',
        "Failed",
        "3 of 4 rows do not satisfy ColumnValues between 1 and 3",
        {"Column.loan_id.Minimum": 1.0, "Column.loan_id.Maximum": 3.0},
    ),
    # != and not in let a null pass
    ('ColumnValues "segment" != "SOVEREIGN"', "Passed", None, {}),
    (
        'ColumnValues "segment" not in ["RETAIL"]',
        "Failed",
        '1 of 4 rows do not satisfy ColumnValues not in ["RETAIL"]',
        {},
    ),
    (
        'ColumnValues "loan_id" not between 1 and 2',
        "Failed",
        "2 of 4 rows do not satisfy ColumnValues not between 1 and 2",
        {"Column.loan_id.Minimum": 1.0, "Column.loan_id.Maximum": 3.0},
    ),
    (
        'ColumnValues "iban" matches "[A-Z]{2}[0-9]{2}[0-9A-Z]+"',
        "Failed",
        '1 of 4 rows do not satisfy ColumnValues matches "[A-Z]{2}[0-9]{2}[0-9A-Z]+"',
        {},
    ),
    # the whole value must match
    (
        'ColumnValues "iban" matches "[A-Z]{2}"',
        "Failed",
        '4 of 4 rows do not satisfy ColumnValues matches "[A-Z]{2}"',
        {},
    ),
    # with threshold: the share of rows that meet the expression
    (
        'ColumnValues "segment" in ["CORP", "RETAIL"] with threshold >= 0.75',
        "Passed",
        None,
        {"Column.segment.ColumnValues.Compliance": 0.75},
    ),
    (
        'ColumnValues "pd" < 0.3 with threshold > 0.5',
        "Failed",
        "Column.pd.ColumnValues.Compliance is 0.5, not > 0.5",
        {"Column.pd.Minimum": 0.02, "Column.pd.Maximum": 0.3, "Column.pd.ColumnValues.Compliance": 0.5},
    ),
    # a null has length 0
    (
        'ColumnLength "iban" <= 27',
        "Passed",
        None,
        {"Column.iban.MinimumLength": 0.0, "Column.iban.MaximumLength": 27.0},
    ),
    (
        'ColumnLength "iban" >= 22',
        "Failed",
        "1 of 4 rows do not satisfy ColumnLength >= 22",
        {"Column.iban.MinimumLength": 0.0, "Column.iban.MaximumLength": 27.0},
    ),
    ('Mean "pd" between 0.1 and 0.2', "Passed", None, {"Column.pd.Mean": 0.14}),
    ('Mean "pd" > 0.2', "Failed", "Column.pd.Mean is 0.14, not > 0.2", {"Column.pd.Mean": 0.14}),
    ('Sum "loan_id" = 9', "Passed", None, {"Column.loan_id.Sum": 9.0}),
    ('Sum "loan_id" in [1, 2]', "Failed", "Column.loan_id.Sum is 9, not in [1, 2]", {"Column.loan_id.Sum": 9.0}),
    # the population standard deviation
    ('StandardDeviation "loan_id" < 1', "Passed", None, {"Column.loan_id.StandardDeviation": 0.6875**0.5}),
    (
        'StandardDeviation "loan_id" > 1',
        "Failed",
        "Column.loan_id.StandardDeviation is 0.829156, not > 1",
        {"Column.loan_id.StandardDeviation": 0.6875**0.5},
    ),
    ('DistinctValuesCount "segment" = 2', "Passed", None, {"Column.segment.DistinctValuesCount": 2.0}),
    (
        'DistinctValuesCount "segment" >= 3',
        "Failed",
        "Column.segment.DistinctValuesCount is 2, not >= 3",
        {"Column.segment.DistinctValuesCount": 2.0},
    ),
    (
        '(RowCount > 0) and (IsComplete "loan_id")',
        "Passed",
        None,
        {"Dataset.*.RowCount": 4.0, "Column.loan_id.Completeness": 1.0},
    ),
    (
        '(RowCount > 10) or (IsComplete "segment")',
        "Failed",
        "Dataset.*.RowCount is 4, not > 10; Column.segment.Completeness is 0.75, not = 1",
        {"Dataset.*.RowCount": 4.0, "Column.segment.Completeness": 0.75},
    ),
    # not evaluated here: reported Failed, never passed
    (
        'CustomSql "select count(*) from primary" > 0',
        "Failed",
        "Not evaluated: glue_compat does not evaluate rule type CustomSql; check this rule by hand",
        {},
    ),
    (
        'Completeness "pd" > 0.5 with threshold > 0.9',
        "Failed",
        "Not evaluated: glue_compat does not evaluate a threshold; check this rule by hand",
        {},
    ),
    # where: the rule looks at the rows the Spark SQL condition keeps
    ('Completeness "pd" > 0.5 where "loan_id > 1"', "Passed", None, {"Column.pd.Completeness": 2 / 3}),
    ("RowCount = 2 where \"segment = 'CORP'\"", "Passed", None, {"Dataset.*.RowCount": 2.0}),
    (
        'ColumnValues "pd" < 0.2 where "segment = \'CORP\'"',
        "Failed",
        "1 of 2 rows do not satisfy ColumnValues < 0.2",
        {"Column.pd.Minimum": 0.02, "Column.pd.Maximum": 0.02},
    ),
    (
        'ColumnValues "pd" <= 0.3 with threshold >= 0.5 labels=["team"="risk"]',
        "Failed",
        "Not evaluated: glue_compat does not evaluate labels; check this rule by hand",
        {},
    ),
]


def test_evaluate_data_quality_rule_outcomes_of_each_rule_type(spark: SparkSession) -> None:
    loans = spark.createDataFrame(LOANS, LOANS_SCHEMA)
    ruleset = "Rules = [\n" + ",\n".join(f"    {rule}" for rule, *_ in DQ_EXPECTED) + "\n]"
    outcomes = glue_compat.evaluate_data_quality(loans, ruleset)["ruleOutcomes"]
    assert outcomes.schema.simpleString() == (
        "struct<Rule:string,Outcome:string,FailureReason:string,EvaluatedMetrics:map<string,double>>"
    )
    found = [(r.Rule, r.Outcome, r.FailureReason, r.EvaluatedMetrics) for r in outcomes.collect()]
    assert [row[:3] for row in found] == [row[:3] for row in DQ_EXPECTED]
    for (rule, *_, metrics), (_, *_, expected) in zip(found, DQ_EXPECTED, strict=True):
        assert metrics == pytest.approx(expected), rule


def test_evaluate_data_quality_row_level_outcomes(spark: SparkSession) -> None:
    loans = spark.createDataFrame(LOANS, LOANS_SCHEMA)
    ruleset = """
        # rules on each row, and rules on the whole frame, which every row carries
        Rules = [
            IsComplete "segment",
            ColumnValues "pd" < 0.3,
            IsUnique "loan_id",
            RowCount > 3,
            Mean "pd" > 0.5,
            DataFreshness "booked_at" <= 24 hours,
            IsComplete "pd" where "loan_id < 3"
        ]
    """
    rows = glue_compat.evaluate_data_quality(loans, ruleset)["rowLevelOutcomes"]
    assert rows.columns == [*loans.columns, *glue_compat.DQ_ROW_COLUMNS]
    assert [f.dataType.simpleString() for f in rows.schema.fields[-4:]] == [
        "array<string>",
        "array<string>",
        "array<string>",
        "string",
    ]
    frame_rules = ['Mean "pd" > 0.5', 'DataFreshness "booked_at" <= 24 hours']
    where = 'IsComplete "pd" where "loan_id < 3"'  # rows the where clause leaves out pass
    got = {
        r["loan_id"] if r["loan_id"] != 3 else (3, r["segment"]): (
            r["DataQualityRulesPass"],
            r["DataQualityRulesFail"],
            r["DataQualityRulesSkip"],
            r["DataQualityEvaluationResult"],
        )
        for r in rows.collect()
    }
    every = ['IsComplete "segment"', 'ColumnValues "pd" < 0.3', 'IsUnique "loan_id"', "RowCount > 3", where]
    assert got == {
        1: (every, frame_rules, [], "Failed"),
        2: (every, frame_rules, [], "Failed"),
        (3, None): (
            ["RowCount > 3", where],
            ['IsComplete "segment"', 'ColumnValues "pd" < 0.3', 'IsUnique "loan_id"', *frame_rules],
            [],
            "Failed",
        ),
        (3, "CORP"): (
            ['IsComplete "segment"', "RowCount > 3", where],
            ['ColumnValues "pd" < 0.3', 'IsUnique "loan_id"', *frame_rules],
            [],
            "Failed",
        ),
    }


def test_evaluate_data_quality_passes_rows_that_pass_every_rule(spark: SparkSession) -> None:
    loans = spark.createDataFrame(LOANS, LOANS_SCHEMA)
    result = glue_compat.evaluate_data_quality(loans, 'Rules = [ ColumnValues "pd" <= 0.1, RowCount between 1 and 10 ]')
    passed = sorted(
        r["loan_id"] for r in result["rowLevelOutcomes"].collect() if r["DataQualityEvaluationResult"] == "Passed"
    )
    assert passed == [1, 2]
    assert [r.Outcome for r in result["ruleOutcomes"].collect()] == ["Failed", "Passed"]


@pytest.mark.parametrize(
    ("ruleset", "message"),
    [
        ('IsComplete "a"', "without `Rules = \\[ ... \\]`"),
        ('Rules = [ IsComplete "a"', "never closed"),
        ("Rules = [ ]", "no rules"),
        ('Rules = [ Completeness "a" ]', 'Completeness "a"'),
        ('Rules = [ ColumnValues "a" > ]', 'ColumnValues "a" >'),
        ('Rules = [ IsComplete "a" "b" ]', 'IsComplete "a" "b"'),
        ('Rules = [ ColumnValues "a" in [1, 2 ]', "never closed"),
        ('Rules = [ (IsComplete "a") xor (IsComplete "b") ]', "xor"),
        ("Rules = [ RowCount 5 ]", "RowCount 5"),
        ('Rules = [ ColumnValues "a" > 1 with threshold ]', "with threshold"),
    ],
)
def test_evaluate_data_quality_names_the_rule_that_does_not_parse(
    spark: SparkSession, ruleset: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        glue_compat.evaluate_data_quality(spark.range(1), ruleset)


def test_the_converter_and_glue_compat_share_one_dqdl_parser() -> None:
    def parser(path: Path) -> str:
        text = path.read_text()
        return text[text.index("# ---- DQDL parser") : text.index("# ---- end of DQDL parser")]

    package = Path(glue_compat.__file__).parent.parent
    assert parser(package / "dqdl.py") == parser(package / "compat" / "glue_compat.py")


def test_converted_data_quality_job_splits_rows_by_outcome(
    spark: SparkSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = spark.createDataFrame(LOANS, LOANS_SCHEMA)
    result = run_converted(
        """\
LOAN_RULES = \"\"\"Rules = [ IsComplete "segment", ColumnValues "pd" <= 0.3 ]\"\"\"
loans = DynamicFrame.fromDF(raw, glueContext, "loans")
checked = EvaluateDataQuality().process_rows(frame=loans, ruleset=LOAN_RULES,
    publishing_options={"dataQualityEvaluationContext": "loans_dq"})
outcomes = SelectFromCollection.apply(dfc=checked, key="ruleOutcomes").toDF()
rows = SelectFromCollection.apply(dfc=checked, key="rowLevelOutcomes").toDF()
good = rows.filter(rows.DataQualityEvaluationResult == "Passed").drop(
    "DataQualityRulesPass", "DataQualityRulesFail", "DataQualityRulesSkip", "DataQualityEvaluationResult")
summary = EvaluateDataQuality.apply(frame=loans, ruleset=LOAN_RULES).toDF()
passed = checked[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY].filter(lambda x: x["Outcome"] == "Passed")
assert passed.count() == 0
original = SelectFromCollection.apply(dfc=checked, key="originalData").toDF()
""",
        monkeypatch,
        raw=raw,
    )
    assert [(r.Rule, r.Outcome) for r in result["outcomes"].collect()] == [
        ('IsComplete "segment"', "Failed"),
        ('ColumnValues "pd" <= 0.3', "Failed"),
    ]
    assert sorted(r["loan_id"] for r in rows(result["good"])) == [1, 2]
    assert result["good"].columns == raw.columns
    assert result["summary"].columns == ["Rule", "Outcome", "FailureReason", "EvaluatedMetrics"]
    assert result["original"] is raw


def test_evaluate_data_quality_on_text_numbers_and_an_empty_frame(spark: SparkSession) -> None:
    grades = spark.createDataFrame([("1",), ("2",), ("n/a",)], "stage string")
    outcomes = glue_compat.evaluate_data_quality(
        grades, 'Rules = [ ColumnValues "stage" in [1, 2, 3], ColumnValues "stage" <= 2, ColumnValues "Stage" != 3 ]'
    )["ruleOutcomes"]
    assert [(r.Outcome, r.FailureReason) for r in outcomes.collect()] == [
        ("Failed", "1 of 3 rows do not satisfy ColumnValues in [1, 2, 3]"),
        ("Failed", "1 of 3 rows do not satisfy ColumnValues <= 2"),
        ("Passed", None),
    ]
    empty = spark.createDataFrame([], LOANS_SCHEMA)
    result = glue_compat.evaluate_data_quality(
        empty, 'Rules = [ RowCount = 0, IsComplete "loan_id", ColumnValues "pd" < 1, Mean "pd" < 1 ]'
    )
    assert [(r.Outcome, r.FailureReason) for r in result["ruleOutcomes"].collect()] == [
        ("Passed", None),
        ("Failed", "No rows: completeness and uniqueness need at least one"),
        ("Passed", None),
        ("Failed", "Column.pd.Mean has no value: the column has no non-null values"),
    ]
    assert result["rowLevelOutcomes"].count() == 0


def test_a_bookmarked_read_refuses_a_sort_order_glue_does_not_have() -> None:
    # jobBookmarkKeysSortOrder is asc or desc (Glue Developer Guide, monitor-continuations.html); anything else
    # would pick the wrong end of the keys, so it is refused before any read.
    with pytest.raises(ValueError, match="jobBookmarkKeysSortOrder must be asc or desc, not 'newest'"):
        glue_compat.bookmarked(None, "limits", ["limit_id"], "newest")
