# g2l: converted from jobs/existing_functions_alias.py
import pyspark.sql.functions as fn
from pyspark.sql import DataFrame


def typed(trades: DataFrame):
    stamp = fn.current_date()
    return trades.select(fn.col("qty").try_cast("int").alias("qty")), stamp
