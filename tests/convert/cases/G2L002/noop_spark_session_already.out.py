# g2l: converted from jobs/noop_spark_session_already.py
from pyspark.sql import SparkSession

# already a Databricks-style session: nothing of Glue's to replace
spark = SparkSession.builder.appName("positions").getOrCreate()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc = spark.sparkContext
spark.conf.set("spark.sql.session.timeZone", "UTC")
rows = spark.sql("select 1")
