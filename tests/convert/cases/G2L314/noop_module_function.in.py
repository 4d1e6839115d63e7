import payloads
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
events = spark.table("risk.events")

parsed = payloads.unbox(events, "payload", "json")
