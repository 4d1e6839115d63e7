from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Join


def enrich(trades: DynamicFrame, books: DynamicFrame, legs: DynamicFrame):
    joined = Join.apply(frame1=trades, frame2=books, keys1=["book_id"], keys2=["id"], transformation_ctx="j")
    positional = Join.apply(trades, legs, "trade_id", "parent_id")
    pairs = Join.apply(trades, legs, ["trade_id", "version"], ["parent_id", "parent_version"])
    method = trades.join(["book_id"], ["id"], books)
    return joined, positional, pairs, method
