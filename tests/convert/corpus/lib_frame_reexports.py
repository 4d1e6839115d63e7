"""Frame helpers shared by the counterparty jobs; the frame type comes through awsglue.context."""

from awsglue.context import DynamicFrame, GlueContext
from pyspark.sql import DataFrame, functions as F


def with_rating_bucket(glue_context: GlueContext, ratings: DataFrame) -> DynamicFrame:
    # investment grade down to BBB-, the rest high yield
    bucketed = ratings.withColumn(
        "bucket", F.when(F.col("rating_rank") <= 10, F.lit("IG")).otherwise(F.lit("HY"))
    )
    return DynamicFrame.fromDF(bucketed, glue_context, "rating_buckets")


def is_frame(value) -> bool:
    return isinstance(value, DynamicFrame)
