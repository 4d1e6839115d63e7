# g2l: converted from jobs/noop_zero_thresholds.py
import quality
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def mapped(raw: DataFrame):
    # thresholds of zero: Glue failed on any error record, as Spark does on a bad value
    out = raw.select(F.col("id").try_cast("bigint").alias("id"))
    # a library's function of the same name as the DynamicFrame method
    bad = quality.errorsCount(out)
    return out, bad
