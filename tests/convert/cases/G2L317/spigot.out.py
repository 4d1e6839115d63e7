# g2l: converted from jobs/spigot.py
import glue_compat
from pyspark.sql import DataFrame


def sample(trades: DataFrame):
    # g2l: review G2L317: Spigot writes sample records to a path: check Databricks can write there, or drop this debugging step
    checked = glue_compat.spigot(trades, "s3://risk-debug/trades", {"topk": 10})
    # g2l: review G2L317: Spigot writes sample records to a path: check Databricks can write there, or drop this debugging step
    again = glue_compat.spigot(trades, "s3://risk-debug/again")
    return checked, again
