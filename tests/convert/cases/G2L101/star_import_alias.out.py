# g2l: converted from jobs/star_import_alias.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.read.table("main.risk.trades")
