# g2l: converted from jobs/drop_fields.py
from pyspark.sql import DataFrame
import glue_compat


def slim(trades: DataFrame, pii):
    a = trades.drop("ssn", "raw_payload")
    b = glue_compat.drop_fields(trades, ["address.zip"])
    c = glue_compat.drop_fields(trades, ["`.customerid`"])
    d = glue_compat.drop_fields(trades, pii)
    e = trades.drop("ssn")
    return a, b, c, d, e
