# g2l: converted from jobs/typical.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()

# Glue's team wrote these with the RDD API: they pass through as written
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc = spark.sparkContext
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
sc.setLogLevel("WARN")
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
desks = sc.parallelize([("FX", 1), ("RATES", 2)]).toDF(["desk", "rank"])
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
lines = sc.textFile("s3://bank-risk-raw/limits/")
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
if lines.isEmpty():
    print("no limits")
# g2l: review G2L313: lines.map(function): if this is a DynamicFrame (a DataFrame now), use glue_compat.map_records or Column expressions: as written, on a DataFrame it fails and the job stops
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
limits = lines.map(lambda line: line.split(","))
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
limits_df = spark.createDataFrame(limits, ["desk", "limit"])
trades = spark.read.table("main.risk.trades")
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
pairs = trades.rdd.map(lambda r: (r["desk"], r["notional"]))
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
counterparties = spark.table("risk.counterparties").rdd
if trades.isEmpty():
    print("no trades")
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
conf = spark.sparkContext.getConf()
# g2l: review G2L010: this line uses the SparkContext, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use the SparkSession (spark.conf, spark.createDataFrame(rows), spark.read), or run the job on dedicated (classic) compute
SparkSession.builder.getOrCreate().sparkContext.setLogLevel("ERROR")
# g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
ranked = ranking.toDF("desk", "rank").rdd


def by_desk(df):
    # g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
    return df.rdd.keyBy(lambda r: r["desk"]).countByKey()
