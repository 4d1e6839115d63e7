import merging
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
current = spark.table("risk.positions")
updates = spark.table("risk.position_updates")

merged = merging.mergeDynamicFrame(current, updates, ["trade_id"])
