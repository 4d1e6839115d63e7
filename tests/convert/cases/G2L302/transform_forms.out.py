# g2l: converted from jobs/transform_forms.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def shapes(trades: DataFrame) -> list:
    # every way Glue scripts call a transform
    keyword = trades.select(F.col("id").try_cast("bigint").alias("id"))
    positional = trades.select(F.col("id").try_cast("bigint").alias("id"))
    aliased = trades.select(F.col("id").try_cast("bigint").alias("id"))
    instance = trades.select(F.col("id").try_cast("bigint").alias("id"))
    method = trades.select(F.col("id").try_cast("bigint").alias("id"))
    camel = trades.select(F.col("id").try_cast("bigint").alias("id"))
    return [keyword, positional, aliased, instance, method, camel]
