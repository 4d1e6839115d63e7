# g2l: converted from jobs/frame_methods.py
from pyspark.sql import DataFrame


def inspect(trades: DataFrame):
    fields = trades.schema.fields
    # g2l: review G2L010: df.rdd.getNumPartitions() uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have, and a DataFrame has no partition count of its own: as written, there it fails and the job stops here: drop it, count distinct F.spark_partition_id() values, or run the job on dedicated (classic) compute
    parts = trades.rdd.getNumPartitions()
    trades.show(5)
    trades.show()
    trades.printSchema()
    # g2l: review G2L325: unnest_ddb_json reads DynamoDB JSON (attribute-type wrappers): as written, it fails on Databricks and the job stops: unwrap the fields with Column expressions
    flat = trades.unnest_ddb_json()
    return fields, parts, trades.count(), flat
