# g2l: converted from jobs/second_glue_context.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.sql("select * from risk.trades")
