# g2l: converted from jobs/spark_context_still_used.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc = spark.sparkContext
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
numbers = sc.parallelize([1, 2, 3])
