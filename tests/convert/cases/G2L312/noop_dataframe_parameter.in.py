from awsglue.context import GlueContext
from pyspark.context import SparkContext
from pyspark.sql import DataFrame

glueContext = GlueContext(SparkContext.getOrCreate())


def is_defaulted(record):
    return record["dpd"] > 90


def clean(df: DataFrame) -> DataFrame:
    """A library helper: takes the DataFrame a job made with toDF()."""
    df = df.filter("x > 1")
    return df.filter(is_defaulted)


df = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="loans")
df = clean(df.toDF())
