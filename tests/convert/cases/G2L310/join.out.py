# g2l: converted from jobs/join.py
from pyspark.sql import DataFrame


def enrich(trades: DataFrame, books: DataFrame, legs: DataFrame):
    joined = trades.join(books, trades["book_id"] == books["id"])
    positional = trades.join(legs, trades["trade_id"] == legs["parent_id"])
    pairs = trades.join(legs, (trades["trade_id"] == legs["parent_id"]) & (trades["version"] == legs["parent_version"]))
    method = trades.join(books, trades["book_id"] == books["id"])
    return joined, positional, pairs, method
