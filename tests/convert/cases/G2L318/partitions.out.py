# g2l: converted from jobs/partitions.py
from pyspark.sql import DataFrame


def shape(trades: DataFrame, other, flag):
    spread = trades.repartition(64)
    few = trades.repartition(4)
    fewer = trades.coalesce(2)
    lib = other.repartition(8)
    # g2l: review G2L318: coalesce with a computed shuffle: as written, it fails on Databricks and the job stops: use repartition(n) when it is true
    unknown = other.coalesce(1, shuffle=flag, transformation_ctx="u")
    return spread, few, fewer, lib, unknown
