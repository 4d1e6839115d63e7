# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# sources other rules convert: none of them is this rule's
trades = spark.read.format("parquet").load(["s3://risk-raw/trades/"])
limits = spark.read.table("main.risk.limits")
source = other_library.getSource("s3")
