# g2l: converted from jobs/same_key_names.py
from pyspark.sql import DataFrame
import glue_compat


def enrich(trades: DataFrame, positions: DataFrame, keys):
    same = glue_compat.join(trades, positions, "trade_id", "trade_id")
    same = glue_compat.drop_fields(same, ["`.trade_id`"])
    computed = glue_compat.join(trades, positions, keys, keys)
    nested = glue_compat.join(trades, positions.drop("x"), ["cpty.id"], ["cpty_id"])
    return same, computed, nested
