from awsglue.context import GlueContext
from pyspark.context import SparkContext


class LimitsJob:
    def __init__(self):
        self.glue_context = GlueContext(SparkContext.getOrCreate())

    def partitions(self):
        return self.glue_context.sparkContext.defaultParallelism
