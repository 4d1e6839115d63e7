# g2l: converted from jobs/library_parameter.py
from pyspark.sql import SparkSession


def to_frame(glue_context: SparkSession, rdd, name):
    # g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
    return glue_context.createDataFrame(rdd)
