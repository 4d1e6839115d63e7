# g2l: converted from jobs/glue_context_members.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review
spark.conf.set("spark.sql.shuffle.partitions", "64")
partitions = spark.conf.get("spark.sql.shuffle.partitions")
spark.udf.register("upper_code", lambda code: code.upper())
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
context = spark.sparkContext
session = spark
# g2l: review G2L002: glueContext.transition_table: a GlueContext member a SparkSession does not have: as written, it fails there and the job stops here: convert it by hand
glueContext.transition_table("risk", "positions", "GLACIER", {"retentionPeriod": 720})
