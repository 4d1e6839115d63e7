# g2l: converted from jobs/spigot.py
from pyspark.sql import DataFrame
import glue_compat


def sample(trades: DataFrame):
    # g2l: review G2L317: Spigot writes sample records to a path: as converted, where Databricks cannot write there the job fails here: check it can, or drop this debugging step
    checked = glue_compat.spigot(trades, "s3://risk-debug/trades", {"topk": 10})
    # g2l: review G2L317: Spigot writes sample records to a path: as converted, where Databricks cannot write there the job fails here: check it can, or drop this debugging step
    again = glue_compat.spigot(trades, "s3://risk-debug/again")
    return checked, again
