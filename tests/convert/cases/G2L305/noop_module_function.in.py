import fieldlib
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

ids = fieldlib.select_fields(trades, ["trade_id"])
cols = trades.select("trade_id", "book")
