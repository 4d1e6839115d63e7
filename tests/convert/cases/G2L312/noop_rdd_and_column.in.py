from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

big = trades.filter(F.col("qty") > 100)
rows = trades.rdd.filter(lambda r: r["qty"] > 100)
text = spark.sparkContext.textFile("/tmp/x").filter(lambda line: line)
