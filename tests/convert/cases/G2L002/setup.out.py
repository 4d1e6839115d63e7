# g2l: converted from jobs/setup.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# a comment the conversion keeps
totals = spark.sql("select count(*) from risk.trades")
raw = spark.read.parquet("s3://risk-raw/trades/")
helpers.register(spark, "risk")
