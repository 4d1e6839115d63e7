"""Semantic tests of Join (G2L310) when the two frames share column names: keys with the same name, other
columns both frames have, and joins nested on the same key names. Each result is also written and read back,
since a frame with two columns of one name cannot be written.

Sources: the Join transform page (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-
transforms-join.html), Glue Studio's Join page (JOIN_NODE below: the joined row holds every column of either
dataset) and awslabs/aws-glue-libs issue 76 (ISSUE_76), where a DynamicFrame join of two frames whose every
column is a key shows the second frame's columns renamed with a leading dot (`a`, `.a`, `b`, `.b`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from semantics import convert_glue, proves, rows, run_glue, sorted_rows

JOIN = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-join.html"
JOIN_NODE = "https://docs.aws.amazon.com/glue/latest/dg/transforms-configure-join.html"
ISSUE_76 = "https://github.com/awslabs/aws-glue-libs/issues/76"

FRAMES = """\
trades = DynamicFrame.fromDF(raw_trades, glueContext, "trades")
books = DynamicFrame.fromDF(raw_books, glueContext, "books")
"""


def written(spark: Any, df: Any, folder: Path) -> Any:
    """df written as Parquet and read back: fails if two columns share a name."""
    df.write.mode("overwrite").parquet(str(folder))
    return spark.read.parquet(str(folder))


@proves(
    "G2L310",
    "Join (other columns with the same name)",
    JOIN_NODE,
    verdict="open",
    note="Glue documents that the joined row holds every column of both frames, and aws-glue-libs issue 76 "
    "shows a clashing column of the second frame renamed with a leading dot, but only for key columns; the "
    "converted code names a clashing non-key column the same way (`.desk`).",
)
def test_a_join_keeps_both_columns_of_a_name_the_frames_share(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # JOIN: an equality join of frame1 on keys1 with frame2 on keys2. JOIN_NODE: each joined row contains all
    # the columns found in either dataset, so both desks stay. The key names differ (book_id, id): the plain
    # df1.join(df2, df1[k1] == df2[k2]) this used to become kept two `desk` columns, and any use or write of
    # `desk` failed (AMBIGUOUS_REFERENCE, COLUMN_ALREADY_EXISTS).
    raw_trades = spark.createDataFrame(
        [("T1", "B1", "FX"), ("T2", "B2", "RATES"), ("T3", "B9", "EQ")], "trade_id string, book_id string, desk string"
    )
    raw_books = spark.createDataFrame([("B1", "FX-LDN"), ("B2", "RATES-NY")], "id string, desk string")
    code = (
        FRAMES
        + 'joined = Join.apply(trades, books, "book_id", "id")\nmethod = trades.join(["book_id"], ["id"], books)\n'
    )
    assert "glue_compat.join(trades, books" in convert_glue(code).text
    out = run_glue(code, monkeypatch, raw_trades=raw_trades, raw_books=raw_books)
    for name in ("joined", "method"):
        back = written(spark, out[name], tmp_path / name)
        assert back.dtypes == [
            ("trade_id", "string"),
            ("book_id", "string"),
            ("desk", "string"),
            ("id", "string"),
            (".desk", "string"),
        ], name
        assert sorted_rows(back, "trade_id") == [
            {"trade_id": "T1", "book_id": "B1", "desk": "FX", "id": "B1", ".desk": "FX-LDN"},
            {"trade_id": "T2", "book_id": "B2", "desk": "RATES", "id": "B2", ".desk": "RATES-NY"},
        ], name


@proves("G2L310", "Join (keys with the same name)", ISSUE_76)
def test_a_join_on_same_named_keys_keeps_both_keys_and_writes(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ISSUE_76: joining two frames on keys of the same names keeps both keys, the second frame's with a leading
    # dot. Two keys here, as in the issue; the result writes, and a record with no partner (T3) is in no pair.
    raw_trades = spark.createDataFrame(
        [("T1", 1, 10), ("T2", 1, 20), ("T3", 2, 30)], "trade_id string, version int, qty int"
    )
    raw_books = spark.createDataFrame(
        [(1, "T1", 0.5), (1, "T2", 0.25), (1, "T3", 0.75)], "version int, trade_id string, pv01 double"
    )
    out = run_glue(
        FRAMES + 'joined = Join.apply(trades, books, ["trade_id", "version"], ["trade_id", "version"])\n',
        monkeypatch,
        raw_trades=raw_trades,
        raw_books=raw_books,
    )
    back = written(spark, out["joined"], tmp_path / "joined")
    assert back.dtypes == [
        ("trade_id", "string"),
        ("version", "int"),
        ("qty", "int"),
        (".version", "int"),
        (".trade_id", "string"),
        ("pv01", "double"),
    ]
    assert sorted_rows(back, "trade_id") == [
        {"trade_id": "T1", "version": 1, "qty": 10, ".version": 1, ".trade_id": "T1", "pv01": 0.5},
        {"trade_id": "T2", "version": 1, "qty": 20, ".version": 1, ".trade_id": "T2", "pv01": 0.25},
    ]


@proves(
    "G2L310",
    "Join (nested, on the same key names)",
    ISSUE_76,
    verdict="open",
    note="Glue's pages and aws-glue-libs issue 76 do not say what a third `id` is called when the other "
    "frame already has `.id`: the converted code adds one more dot (`..id`), so every column has its own name.",
)
def test_nested_joins_on_the_same_key_names_give_every_id_its_own_name(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three frames keyed by counterparty `id`, joined two at a time, the nested join on either side. This used
    # to name two columns `.id` and fail with AMBIGUOUS_REFERENCE.
    raw_cpty = spark.createDataFrame([("C1", "ACME"), ("C2", "GLOBEX")], "id string, name string")
    raw_limits = spark.createDataFrame([("C1", 5000000), ("C2", 100)], "id string, limit_amount int")
    raw_ratings = spark.createDataFrame([("C1", "AA"), ("C3", "B")], "id string, rating string")
    out = run_glue(
        """\
cpty = DynamicFrame.fromDF(raw_cpty, glueContext, "cpty")
limits = DynamicFrame.fromDF(raw_limits, glueContext, "limits")
ratings = DynamicFrame.fromDF(raw_ratings, glueContext, "ratings")
outer = Join.apply(Join.apply(cpty, limits, "id", "id"), ratings, "id", "id")
inner = Join.apply(cpty, Join.apply(limits, ratings, "id", "id"), "id", "id")
""",
        monkeypatch,
        raw_cpty=raw_cpty,
        raw_limits=raw_limits,
        raw_ratings=raw_ratings,
    )
    outer = written(spark, out["outer"], tmp_path / "outer")
    assert outer.dtypes == [
        ("id", "string"),
        ("name", "string"),
        (".id", "string"),
        ("limit_amount", "int"),
        ("..id", "string"),
        ("rating", "string"),
    ]
    assert rows(outer) == [
        {"id": "C1", "name": "ACME", ".id": "C1", "limit_amount": 5000000, "..id": "C1", "rating": "AA"}
    ]
    inner = written(spark, out["inner"], tmp_path / "inner")
    # the nested join's own `.id` (the ratings key) keeps its name; the limits `id` it was joined to is the
    # one that clashes with cpty's, and `.id` being taken it becomes `..id`
    assert inner.dtypes == [
        ("id", "string"),
        ("name", "string"),
        ("..id", "string"),
        ("limit_amount", "int"),
        (".id", "string"),
        ("rating", "string"),
    ]
    assert rows(inner) == [
        {"id": "C1", "name": "ACME", "..id": "C1", "limit_amount": 5000000, ".id": "C1", "rating": "AA"}
    ]


@proves(
    "G2L310",
    "Join (a frame with itself)",
    ISSUE_76,
    verdict="open",
    note="aws-glue-libs issue 76 shows the dot for key columns only; the converted code gives the second copy "
    "of a non-key column (`qty`) the same dot.",
)
def test_a_frame_joined_with_itself_keeps_both_copies_of_every_column(
    spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ISSUE_76: the second frame's key gets a leading dot; joined with itself, every other column is shared
    # too and is named the same way.
    raw_trades = spark.createDataFrame([("T1", 10), ("T2", 20)], "trade_id string, qty int")
    out = run_glue(
        'trades = DynamicFrame.fromDF(raw_trades, glueContext, "trades")\n'
        'pairs = Join.apply(trades, trades, "trade_id", "trade_id")\n',
        monkeypatch,
        raw_trades=raw_trades,
    )
    assert out["pairs"].dtypes == [("trade_id", "string"), ("qty", "int"), (".trade_id", "string"), (".qty", "int")]
    assert sorted_rows(out["pairs"], "trade_id") == [
        {"trade_id": "T1", "qty": 10, ".trade_id": "T1", ".qty": 10},
        {"trade_id": "T2", "qty": 20, ".trade_id": "T2", ".qty": 20},
    ]
