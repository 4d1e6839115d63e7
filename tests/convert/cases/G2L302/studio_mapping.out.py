# g2l: converted from jobs/studio_mapping.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def change_schema(S3bucket_node1: DataFrame) -> DataFrame:
    ApplyMapping_node2 = S3bucket_node1.select(
        F.col("trade_id").try_cast("bigint").alias("trade_id"),
        F.col("ntl").alias("notional"),
        F.col("trade_date").try_cast("date").alias("trade_date"),
        F.col("price").try_cast("decimal(10,2)").alias("price"),
        F.col("book"),
    )
    return ApplyMapping_node2
