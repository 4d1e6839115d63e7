import splitter
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

parts = splitter.split_fields(trades, ["trade_id"], "core", "rest")
