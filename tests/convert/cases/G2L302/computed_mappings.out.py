# g2l: converted from jobs/computed_mappings.py
from pyspark.sql import DataFrame
import glue_compat

TRADE_MAPPING = [("id", "string", "id", "long")]


def apply(trades: DataFrame, extra):
    mapped = glue_compat.apply_mapping(trades, TRADE_MAPPING + extra)
    strict = glue_compat.apply_mapping(trades, [("ID", "string", "id", "long")], case_sensitive=True)
    return mapped, strict
