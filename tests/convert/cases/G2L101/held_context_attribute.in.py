from awsglue.context import GlueContext
from pyspark.context import SparkContext


class LimitsJob:
    def __init__(self):
        self.glue_context = GlueContext(SparkContext.getOrCreate())

    def limits(self, table):
        return self.glue_context.create_dynamic_frame.from_catalog(database="risk", table_name=table)
