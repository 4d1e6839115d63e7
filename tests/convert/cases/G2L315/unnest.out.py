# g2l: converted from jobs/unnest.py
import glue_compat
from pyspark.sql import DataFrame


def flat(events: DataFrame):
    a = glue_compat.unnest(events)
    b = glue_compat.unnest(events)
    return a, b
