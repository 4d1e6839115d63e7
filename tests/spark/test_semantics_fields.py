"""Semantic tests of the field transforms (G2L302-G2L309): a Glue snippet is converted and run on a DataFrame the
test builds, and the rows and schema are those Glue documents.

Sources: the transform pages of the AWS Glue Developer Guide
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-<Name>.html), the DynamicFrame
page (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html, DYF
below) and the awsglue library (awslabs/aws-glue-libs, awsglue/...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from semantics import config, proves, rows, run_glue, sorted_rows

DYF = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html"
TRANSFORMS = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-"
AWSGLUE_DYF = "awslabs/aws-glue-libs awsglue/dynamicframe.py"

# A small book of trades: a nested book, a name holding dots, legs as an array of structs.
TRADES_DDL = (
    "trade_id string, ntl string, qty int, book struct<desk:string, limit:int>, `cpty.name` string, "
    "legs array<struct<ccy:string, px:string>>"
)
TRADES = [
    ("101", "1500.5", 10, ("FX", 5), "ACME", [("EUR", "1.1"), ("USD", "1")]),
    ("102", "250", 200, ("RATES", 9), "BETA", [("GBP", "0.9")]),
    ("103", "75.25", 50, ("FX", 5), "ACME", []),
]


def trades(spark: Any) -> Any:
    return spark.createDataFrame(TRADES, TRADES_DDL)


def schema(df: Any) -> list[tuple[str, str]]:
    """(name, type) of every column, sorted: where Glue documents the fields and types but not their order."""
    return sorted(df.dtypes)


READ = 'trades = DynamicFrame.fromDF(raw, glueContext, "trades")\n'


@proves("G2L302", "ApplyMapping", TRANSFORMS + "ApplyMapping.html")
def test_apply_mapping_keeps_only_the_mapped_fields_renamed_and_cast(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ApplyMapping.html: mappings are (source column, source type, target column, target type); only the mapped
    # fields are returned; a source name holding dots goes in backticks; a dotted source ("book.desk") is the path
    # of a nested field. Both forms (transform class and method, DYF apply_mapping) are the same transform.
    out = run_glue(
        READ
        + """\
mappings = [
    ("trade_id", "string", "id", "long"),
    ("ntl", "string", "notional", "double"),
    ("book.desk", "string", "desk", "string"),
    ("`cpty.name`", "string", "cpty", "string"),
]
by_class = ApplyMapping.apply(frame=trades, mappings=mappings, transformation_ctx="by_class")
by_method = trades.apply_mapping([
    ("trade_id", "string", "id", "long"),
    ("ntl", "string", "notional", "double"),
    ("book.desk", "string", "desk", "string"),
    ("`cpty.name`", "string", "cpty", "string"),
])
""",
        monkeypatch,
        raw=trades(spark),
    )
    expected = [
        {"id": 101, "notional": 1500.5, "desk": "FX", "cpty": "ACME"},
        {"id": 102, "notional": 250.0, "desk": "RATES", "cpty": "BETA"},
        {"id": 103, "notional": 75.25, "desk": "FX", "cpty": "ACME"},
    ]
    types = [("cpty", "string"), ("desk", "string"), ("id", "bigint"), ("notional", "double")]
    for name in ("by_class", "by_method"):
        assert schema(out[name]) == types, name
        assert sorted_rows(out[name], "id") == expected, name


@proves(
    "G2L302",
    "ApplyMapping",
    TRANSFORMS + "ApplyMapping.html",
    verdict="open",
    note="Glue's pages do not say what a value that does not convert becomes, what a mapping whose source the "
    "frame lacks gives, nor what a dotted target builds: the converted code makes the value null (try_cast), "
    "leaves such a target out (glue_compat.apply_mapping, mappings in a variable; written-out mappings with a "
    "missing source fail at analysis, Spark's select of an unknown column), and nests a dotted target in a struct.",
)
def test_apply_mapping_a_value_that_does_not_convert_is_null_and_a_missing_source_is_left_out(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = spark.createDataFrame([("101", "x7"), ("n/a", "12")], "trade_id string, qty string")
    out = run_glue(
        READ
        + """\
literal = trades.apply_mapping([("trade_id", "string", "id", "long"), ("qty", "string", "limits.qty", "int")])
mappings = [("trade_id", "string", "id", "long"), ("desk", "string", "desk", "string")]
computed = ApplyMapping.apply(frame=trades, mappings=mappings)
""",
        monkeypatch,
        raw=raw,
    )
    assert schema(out["literal"]) == [("id", "bigint"), ("limits", "struct<qty:int>")]
    assert sorted_rows(out["literal"], "id") == [
        {"id": 101, "limits": {"qty": None}},
        {"id": None, "limits": {"qty": 12}},
    ]
    assert schema(out["computed"]) == [("id", "bigint")]
    assert sorted_rows(out["computed"], "id") == [{"id": 101}, {"id": None}]
    from pyspark.errors import AnalysisException

    with pytest.raises(AnalysisException, match="desk"):
        run_glue(
            READ + 'gone = trades.apply_mapping([("desk", "string", "desk", "string")])\nfields = gone.columns\n',
            monkeypatch,
            raw=raw,
        )


@proves("G2L303", "ResolveChoice", TRANSFORMS + "ResolveChoice.html")
def test_resolve_choice_cast_and_project_specs_cast_the_field_at_the_path(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ResolveChoice.html: specs are (field path, action); cast:<type> casts every value to the type and
    # project:<type> keeps only values of that type, resolving the field to it. DYF resolveChoice: a path into an
    # array of structs names the element fields with [] ("legs[].px"). A DataFrame column has one type, so both
    # actions give the field that type.
    out = run_glue(
        READ
        + """\
flat = ResolveChoice.apply(frame=trades, specs=[("ntl", "cast:double"), ("qty", "project:long")])
nested = trades.resolveChoice(specs=[("legs[].px", "cast:double"), ("book.limit", "cast:string")])
""",
        monkeypatch,
        raw=trades(spark),
    )
    flat, nested = out["flat"], out["nested"]
    assert dict(flat.dtypes)["ntl"] == "double" and dict(flat.dtypes)["qty"] == "bigint"
    assert [(row["trade_id"], row["ntl"], row["qty"]) for row in sorted_rows(flat, "trade_id")] == [
        ("101", 1500.5, 10),
        ("102", 250.0, 200),
        ("103", 75.25, 50),
    ]
    types = dict(nested.dtypes)
    assert types["legs"] == "array<struct<ccy:string,px:double>>"
    assert types["book"] == "struct<desk:string,limit:string>"
    assert [(row["legs"], row["book"]) for row in sorted_rows(nested, "trade_id")] == [
        ([{"ccy": "EUR", "px": 1.1}, {"ccy": "USD", "px": 1.0}], {"desk": "FX", "limit": "5"}),
        ([{"ccy": "GBP", "px": 0.9}], {"desk": "RATES", "limit": "9"}),
        ([], {"desk": "FX", "limit": "5"}),
    ]


@proves("G2L303", "ResolveChoice(choice='match_catalog')", TRANSFORMS + "ResolveChoice.html")
def test_resolve_choice_match_catalog_takes_the_catalog_tables_types(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ResolveChoice.html: choice="match_catalog" resolves each field to the type of the same field in the Data
    # Catalog table named by database and table_name. Fields the table does not have keep their type.
    spark.sql("CREATE DATABASE IF NOT EXISTS sem_fields")
    spark.sql("DROP TABLE IF EXISTS spark_catalog.sem_fields.trades_typed")
    spark.createDataFrame([], "trade_id bigint, ntl double, qty string").write.saveAsTable(
        "spark_catalog.sem_fields.trades_typed"
    )
    raw = spark.createDataFrame([("101", "1500.5", 10, "FX")], "trade_id string, ntl string, qty int, desk string")
    out = run_glue(
        READ
        + """\
typed = ResolveChoice.apply(frame=trades, choice="match_catalog", database="sem_fields", table_name="trades_typed")
""",
        monkeypatch,
        config(tmp_path),
        raw=raw,
    )
    assert out["typed"].dtypes == [("trade_id", "bigint"), ("ntl", "double"), ("qty", "string"), ("desk", "string")]
    assert rows(out["typed"]) == [{"trade_id": 101, "ntl": 1500.5, "qty": "10", "desk": "FX"}]
    spark.sql("DROP TABLE spark_catalog.sem_fields.trades_typed")


@proves("G2L304", "DropNullFields", TRANSFORMS + "DropNullFields.html")
def test_drop_null_fields_drops_only_the_fields_null_in_every_record(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DropNullFields.html: drops the fields whose type is NullType, that is fields missing or null in every record.
    # awsglue/transforms/drop_nulls.py looks for NullType through structs and arrays of structs, so nested fields
    # go too; it tests nothing else, so a field that is an empty string in every record stays (the "empty string
    # is null" choice belongs to Glue Studio's DropNullFields node, not to this transform).
    raw = spark.createDataFrame(
        [("101", None, "", ("FX", None), [("EUR", None)]), ("102", None, "", ("RATES", None), None)],
        "trade_id string, note string, tag string, book struct<desk:string, owner:string>, "
        "legs array<struct<ccy:string, fee:double>>",
    )
    out = run_glue(
        READ
        + """\
by_class = DropNullFields.apply(frame=trades, transformation_ctx="by_class")
by_method = trades.drop_null_fields()
""",
        monkeypatch,
        raw=raw,
    )
    for name in ("by_class", "by_method"):
        frame = out[name]
        assert frame.dtypes == [
            ("trade_id", "string"),
            ("tag", "string"),
            ("book", "struct<desk:string>"),
            ("legs", "array<struct<ccy:string>>"),
        ], name
        assert sorted_rows(frame, "trade_id") == [
            {"trade_id": "101", "tag": "", "book": {"desk": "FX"}, "legs": [{"ccy": "EUR"}]},
            {"trade_id": "102", "tag": "", "book": {"desk": "RATES"}, "legs": None},
        ], name


@proves("G2L305", "SelectFields", TRANSFORMS + "SelectFields.html")
def test_select_fields_keeps_the_given_paths_nested_and_backquoted(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # SelectFields.html: paths are full paths to the fields to keep; a nested path keeps that field inside its
    # struct. ApplyMapping.html: a name holding dots is written in backticks in a path.
    out = run_glue(
        READ
        + """\
by_class = SelectFields.apply(frame=trades, paths=["trade_id", "book.desk", "`cpty.name`"])
by_method = trades.select_fields(["trade_id", "book.desk", "`cpty.name`"])
""",
        monkeypatch,
        raw=trades(spark),
    )
    for name in ("by_class", "by_method"):
        assert schema(out[name]) == [("book", "struct<desk:string>"), ("cpty.name", "string"), ("trade_id", "string")]
        assert sorted_rows(out[name], "trade_id") == [
            {"trade_id": "101", "book": {"desk": "FX"}, "cpty.name": "ACME"},
            {"trade_id": "102", "book": {"desk": "RATES"}, "cpty.name": "BETA"},
            {"trade_id": "103", "book": {"desk": "FX"}, "cpty.name": "ACME"},
        ], name


@proves("G2L306", "DropFields", TRANSFORMS + "DropFields.html")
def test_drop_fields_drops_the_given_paths_nested_and_backquoted(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # DropFields.html: paths are full paths to the fields to drop; a nested path drops the field inside its struct
    # and leaves the rest of the struct.
    out = run_glue(
        READ
        + """\
by_class = DropFields.apply(frame=trades, paths=["ntl", "book.limit", "`cpty.name`", "legs"])
by_method = trades.drop_fields(["ntl", "book.limit", "`cpty.name`", "legs"])
""",
        monkeypatch,
        raw=trades(spark),
    )
    for name in ("by_class", "by_method"):
        assert out[name].dtypes == [("trade_id", "string"), ("qty", "int"), ("book", "struct<desk:string>")], name
        assert sorted_rows(out[name], "trade_id") == [
            {"trade_id": "101", "qty": 10, "book": {"desk": "FX"}},
            {"trade_id": "102", "qty": 200, "book": {"desk": "RATES"}},
            {"trade_id": "103", "qty": 50, "book": {"desk": "FX"}},
        ], name


@proves("G2L307", "RenameField", TRANSFORMS + "RenameField.html")
def test_rename_field_renames_at_a_full_path_nested_and_backquoted(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # RenameField.html: old_name is the full path to the field, new_name its new name with the full path; a name
    # holding dots is written in backticks.
    raw = spark.createDataFrame(
        [("101", ("FX", 5), "ACME")], "trade_id string, book struct<desk:string, limit:int>, `cpty.name` string"
    )
    out = run_glue(
        READ
        + """\
nested = RenameField.apply(frame=trades, old_name="book.desk", new_name="book.trading_desk")
quoted = trades.rename_field("`cpty.name`", "counterparty")
top = trades.rename_field("trade_id", "id")
""",
        monkeypatch,
        raw=raw,
    )
    assert out["nested"].dtypes == [
        ("trade_id", "string"),
        ("book", "struct<trading_desk:string,limit:int>"),
        ("cpty.name", "string"),
    ]
    assert rows(out["nested"]) == [{"trade_id": "101", "book": {"trading_desk": "FX", "limit": 5}, "cpty.name": "ACME"}]
    assert out["quoted"].dtypes == [
        ("trade_id", "string"),
        ("book", "struct<desk:string,limit:int>"),
        ("counterparty", "string"),
    ]
    assert rows(out["quoted"]) == [{"trade_id": "101", "book": {"desk": "FX", "limit": 5}, "counterparty": "ACME"}]
    assert [name for name, _ in out["top"].dtypes] == ["id", "book", "cpty.name"]


@proves("G2L308", "SplitFields", TRANSFORMS + "SplitFields.html")
def test_split_fields_gives_the_named_fields_and_all_the_others(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # SplitFields.html: returns a collection of two frames: name1 holds the given paths, name2 the fields that
    # remain. DYF split_fields: the same as a method. The collection's select(name) gives each frame.
    raw = spark.createDataFrame([("101", "FX", 10), ("102", "RATES", 200)], "trade_id string, desk string, qty int")
    out = run_glue(
        READ
        + """\
by_class = SplitFields.apply(frame=trades, paths=["trade_id", "qty"], name1="keys", name2="rest")
by_method = trades.split_fields(["trade_id", "qty"], "keys", "rest")
keys = by_class.select("keys")
rest = by_method.select("rest")
names = sorted(by_method.keys())
""",
        monkeypatch,
        raw=raw,
    )
    assert out["names"] == ["keys", "rest"]
    assert schema(out["keys"]) == [("qty", "int"), ("trade_id", "string")]
    assert sorted_rows(out["keys"], "trade_id") == [{"trade_id": "101", "qty": 10}, {"trade_id": "102", "qty": 200}]
    assert out["rest"].dtypes == [("desk", "string")]
    assert sorted(row["desk"] for row in rows(out["rest"])) == ["FX", "RATES"]


@proves("G2L309", "SplitRows", TRANSFORMS + "SplitRows.html")
def test_split_rows_splits_off_the_rows_meeting_every_comparison(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # SplitRows.html: comparison_dict maps a column path to {comparator: value}; the rows that meet the comparisons
    # go to name1 ({"age": {">": 10, "<": 20}} splits off ages strictly between 10 and 20), all others to name2.
    raw = spark.createDataFrame(
        [("101", 10, ("FX", 5)), ("102", 200, ("RATES", 9)), ("103", 50, ("FX", 5)), ("104", 100, ("FX", 7))],
        "trade_id string, qty int, book struct<desk:string, limit:int>",
    )
    out = run_glue(
        READ
        + """\
by_class = SplitRows.apply(frame=trades, comparison_dict={"qty": {">": 10, "<=": 100}}, name1="mid", name2="other")
by_method = trades.split_rows({"book.desk": {"=": "FX"}, "qty": {"<": 100}}, "fx_small", "rest")
""",
        monkeypatch,
        raw=raw,
    )
    mid, other = out["by_class"]["mid"], out["by_class"]["other"]
    assert mid.dtypes == other.dtypes == raw.dtypes
    assert [row["trade_id"] for row in sorted_rows(mid, "trade_id")] == ["103", "104"]
    assert [row["trade_id"] for row in sorted_rows(other, "trade_id")] == ["101", "102"]
    assert [row["trade_id"] for row in sorted_rows(out["by_method"]["fx_small"], "trade_id")] == ["101", "103"]
    assert [row["trade_id"] for row in sorted_rows(out["by_method"]["rest"], "trade_id")] == ["102", "104"]


@proves("G2L302", "ApplyMapping", AWSGLUE_DYF)
def test_apply_mapping_matches_source_names_ignoring_case_by_default(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # awsglue/dynamicframe.py: apply_mapping(mappings, case_sensitive=False, ...): by default a mapping's source
    # name matches a field whatever its case (the Data Catalog keeps names in lower case).
    raw = spark.createDataFrame([("101", "FX")], "trade_id string, desk string")
    out = run_glue(
        READ
        + """\
literal = trades.apply_mapping([("Trade_ID", "string", "id", "long"), ("DESK", "string", "Desk", "string")])
mappings = [("Trade_ID", "string", "id", "long"), ("DESK", "string", "Desk", "string")]
computed = ApplyMapping.apply(frame=trades, mappings=mappings)
""",
        monkeypatch,
        raw=raw,
    )
    for name in ("literal", "computed"):
        assert out[name].dtypes == [("id", "bigint"), ("Desk", "string")], name
        assert rows(out[name]) == [{"id": 101, "Desk": "FX"}], name


@proves(
    "G2L309",
    "SplitRows",
    TRANSFORMS + "SplitRows.html",
    verdict="open",
    note="SplitRows.html does not say where a record whose compared field is null goes: the converted code "
    "(glue_compat.split_rows) puts it with the rows that do not meet the comparisons (name2).",
)
def test_split_rows_puts_a_null_compared_field_with_the_other_rows(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = spark.createDataFrame([("101", 50), ("102", None)], "trade_id string, qty int")
    out = run_glue(READ + 'parts = trades.split_rows({"qty": {">": 10}}, "big", "rest")\n', monkeypatch, raw=raw)
    assert [row["trade_id"] for row in rows(out["parts"]["big"])] == ["101"]
    assert [row["trade_id"] for row in rows(out["parts"]["rest"])] == ["102"]
