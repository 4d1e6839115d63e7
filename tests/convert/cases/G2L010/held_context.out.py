# g2l: converted from jobs/held_context.py
from pyspark.sql import SparkSession


class LimitsJob:
    def __init__(self):
        self.glue_context = SparkSession.builder.getOrCreate()

    def partitions(self):
        # g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
        return self.glue_context.sparkContext.defaultParallelism
