# g2l: converted from jobs/noop_rdd_and_dataframe.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc = spark.sparkContext

# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
pairs = sc.parallelize([(1, "a")]).toDF()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
named = sc.parallelize([(1, "a")]).toDF(["id", "name"])
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
again = spark.table("risk.trades").rdd.map(lambda r: (r[0], r[1])).toDF()
renamed = spark.table("risk.trades").toDF("id", "qty")
