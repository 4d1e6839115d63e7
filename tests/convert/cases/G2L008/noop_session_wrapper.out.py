# g2l: converted from jobs/noop_session_wrapper.py
from pyspark.sql import SparkSession


# wraps a SparkSession already: no GlueContext base
class CreditRiskSession:
    def __init__(self, spark=None):
        self.spark_session = spark or SparkSession.builder.getOrCreate()

    def limits(self, desk):
        return self.spark_session.table("risk.limits").where(f"desk = '{desk}'")
