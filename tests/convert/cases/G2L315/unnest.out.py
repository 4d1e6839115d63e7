# g2l: converted from jobs/unnest.py
from pyspark.sql import DataFrame
import glue_compat


def flat(events: DataFrame):
    a = glue_compat.unnest(events)
    b = glue_compat.unnest(events)
    return a, b
