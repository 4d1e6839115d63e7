# g2l: converted from jobs/noop_module_function.py
import debugging
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

checked = debugging.spigot(trades, "/tmp/sample", {"topk": 10})
