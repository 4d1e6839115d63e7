# g2l: converted from jobs/merge_frames.py
from pyspark.sql import DataFrame
import glue_compat


def merged(current: DataFrame, updates: DataFrame):
    a = glue_compat.merge_frames(current, updates, ["trade_id"])
    # g2l: review G2L319: mergeDynamicFrame options have no DataFrame meaning: as converted, they are dropped: check them
    b = glue_compat.merge_frames(current, updates, "trade_id")
    return a, b
