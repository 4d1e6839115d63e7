# g2l: converted from jobs/join.py
from pyspark.sql import DataFrame
import glue_compat


def enrich(trades: DataFrame, books: DataFrame, legs: DataFrame):
    joined = glue_compat.join(trades, books, ["book_id"], ["id"])
    positional = glue_compat.join(trades, legs, "trade_id", "parent_id")
    pairs = glue_compat.join(trades, legs, ["trade_id", "version"], ["parent_id", "parent_version"])
    method = glue_compat.join(trades, books, ["book_id"], ["id"])
    return joined, positional, pairs, method
