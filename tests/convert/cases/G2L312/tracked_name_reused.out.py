# g2l: converted from jobs/tracked_name_reused.py
from pyspark.sql import functions as F
from pyspark.sql import DataFrame


def cleaned(trades: DataFrame, condition):
    big = trades.filter(F.col("qty") > 100)
    live = trades.filter("status = 'LIVE'")
    # g2l: review G2L312: trades.filter(function): if this is a DynamicFrame (a DataFrame now), use glue_compat.filter_records or Column expressions
    chosen = trades.filter(condition)
    return big, live, chosen
