# g2l: converted from jobs/noop_dataframe_drop.py
import pii
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades").drop("ssn")
masked = pii.drop_fields(trades, ["email"])
