# g2l: converted from jobs/noop_rdd_and_column.py
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")

big = trades.filter(F.col("qty") > 100)
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
rows = trades.rdd.filter(lambda r: r["qty"] > 100)
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
text = spark.sparkContext.textFile("/tmp/x").filter(lambda line: line)
