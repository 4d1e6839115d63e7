# g2l: converted from jobs/nested_same_keys.py
from pyspark.sql import DataFrame
import glue_compat


def exposure(cpty: DataFrame, limits: DataFrame, ratings: DataFrame):
    # both frames have a desk column besides the keys
    by_desk = glue_compat.join(limits, ratings, ["cpty_id"], ["counterparty"])
    nested = glue_compat.join(glue_compat.join(cpty, limits, "id", "id"), ratings, "id", "id")
    return by_desk, nested
