# g2l: converted from jobs/typical.py
from pyspark.sql.types import LongType, StructField, StructType
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc = spark.sparkContext

schema = StructType([StructField("id", LongType())])
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
rows = sc.parallelize([(1,), (2,)])
# Glue builds the frame with SparkSession.createDataFrame underneath
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
ids = spark.createDataFrame(rows)
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
typed = spark.createDataFrame(rows, schema)
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
sampled = spark.createDataFrame(rows, samplingRatio=0.1)
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
older = spark.createDataFrame(rows, schema)
