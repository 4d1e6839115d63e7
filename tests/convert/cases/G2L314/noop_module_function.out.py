# g2l: converted from jobs/noop_module_function.py
import payloads
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
events = spark.table("risk.events")

parsed = payloads.unbox(events, "payload", "json")
