import splitter
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

parts = splitter.split_rows(trades, {"qty": {">": 0}}, "small", "other")
