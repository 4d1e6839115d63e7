# g2l: converted from jobs/noop_tracked_name_reused.py
from pyspark.sql import functions as F
from pyspark.sql import DataFrame


def cleaned(trades: DataFrame, condition):
    big = trades.filter(F.col("qty") > 100)
    live = trades.filter("status = 'LIVE'")
    chosen = trades.filter(condition)
    return big, live, chosen
