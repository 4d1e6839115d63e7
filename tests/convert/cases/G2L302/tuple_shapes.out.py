# g2l: converted from jobs/tuple_shapes.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def shapes(trades: DataFrame):
    two = trades.select(F.col("ntl").alias("notional"))
    three = trades.select(F.col("qty").try_cast("int").alias("quantity"))
    nested = trades.select(
        F.col("cpty.id").alias("counterparty_id"),
        F.col("`desk.code`").alias("desk"),
    )
    built = trades.select(
        F.struct(F.col("book"), F.col("desk")).alias("meta"),
        F.col("id"),
    )
    single = trades.select(F.col("id").try_cast("bigint").alias("id"))
    return two, three, nested, built, single
