from awsglue.context import GlueContext
from pyspark.context import SparkContext


class LimitsJob:
    def __init__(self):
        self.glue_context = GlueContext(SparkContext.getOrCreate())

    def publish(self, frame):
        self.glue_context.write_dynamic_frame.from_catalog(frame=frame, database="risk", table_name="limits_silver")
