# g2l: converted from jobs/held_context_attribute.py
from pyspark.sql import SparkSession


class LimitsJob:
    def __init__(self):
        self.glue_context = SparkSession.builder.getOrCreate()

    def publish(self, frame):
        frame.write.mode("append").saveAsTable("main.risk.limits_silver")
