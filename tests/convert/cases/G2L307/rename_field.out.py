# g2l: converted from jobs/rename_field.py
from pyspark.sql import DataFrame
import glue_compat


def rename(trades: DataFrame, old):
    a = trades.withColumnRenamed("ntl", "notional")
    b = trades.withColumnRenamed("qty", "quantity")
    c = glue_compat.rename_field(trades, "address.zip", "address.postcode")
    d = glue_compat.rename_field(trades, "`this.old.name`", "new_name")
    e = glue_compat.rename_field(trades, old, "renamed")
    return a, b, c, d, e
