# g2l: converted from jobs/select_fields.py
from pyspark.sql import DataFrame
import glue_compat

COLUMNS = ["trade_id", "book"]


def pick(trades: DataFrame):
    ids = trades.select(["trade_id", "book"])
    one = trades.select("trade_id")
    nested = glue_compat.select_fields(trades, ["trade_id", "address.city"])
    computed = glue_compat.select_fields(trades, COLUMNS)
    return ids, one, nested, computed
