# g2l: converted from jobs/noop_dataframe_parameter.py
from pyspark.sql import DataFrame
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def is_defaulted(record):
    return record["dpd"] > 90


def clean(df: DataFrame) -> DataFrame:
    """A library helper: takes the DataFrame a job made with toDF()."""
    df = df.filter("x > 1")
    return df.filter(is_defaulted)


df = spark.read.table("main.risk.loans")
df = clean(df)
