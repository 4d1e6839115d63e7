"""Checks shared by the risk jobs. They take the DataFrame a job gets from toDF(), whatever the job calls it."""
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def is_material(record):
    return record["ead"] > 1_000_000


def material_only(frame: DynamicFrame) -> DynamicFrame:
    """The one helper that takes a DynamicFrame: Glue's per-record filter."""
    return frame.filter(is_material)


def in_scope(df: DataFrame, run_date: str) -> DataFrame:
    df = df.filter(F.col("run_date") == run_date)
    return df.filter("status = 'ACTIVE'")


def with_limits(df: DataFrame, limits: DataFrame) -> DataFrame:
    joined = df.join(limits, ["counterparty_id"], "left")
    return joined.union(df.join(limits, ["desk"], "inner"))


def row_count(df):
    """Unannotated: called with DataFrames only."""
    total = df.count()
    df.show(5)
    return total


def breaches(df, condition):
    return df.filter(condition)


def first_material(frame: DynamicFrame):
    """A DynamicFrame in, a DataFrame after toDF: the same name, two APIs."""
    frame = material_only(frame)
    frame = frame.toDF()
    frame = frame.filter(F.col("stage") == 3)
    frame = frame.filter(frame.is_performing)
    return frame.limit(1)
