import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import SparkSession

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

# Glue's team wrote these with the RDD API: they pass through as written
sc = spark.sparkContext
sc.setLogLevel("WARN")
desks = sc.parallelize([("FX", 1), ("RATES", 2)]).toDF(["desk", "rank"])
lines = sc.textFile("s3://bank-risk-raw/limits/")
if lines.isEmpty():
    print("no limits")
limits = lines.map(lambda line: line.split(","))
limits_df = spark.createDataFrame(limits, ["desk", "limit"])
trades = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
pairs = trades.toDF().rdd.map(lambda r: (r["desk"], r["notional"]))
counterparties = spark.table("risk.counterparties").rdd
if trades.toDF().rdd.isEmpty():
    print("no trades")
conf = glueContext._sc.getConf()
SparkSession.builder.getOrCreate().sparkContext.setLogLevel("ERROR")
ranked = ranking.toDF("desk", "rank").rdd


def by_desk(df):
    return df.rdd.keyBy(lambda r: r["desk"]).countByKey()
