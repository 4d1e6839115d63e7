"""IFRS 9 stage filters: read exposures as a DynamicFrame, then work in the DataFrame API under the same names."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import Filter
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "run_date", "mode"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

df = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures")
# Glue's own filter while it is still a DynamicFrame
df = Filter.apply(frame=df, f=lambda r: r["ead"] > 0)
df = df.filter(lambda r: r["status"] != "CLOSED")
df = df.toDF()

# the DataFrame API from here on, under the same name
df = df.filter(F.col("run_date") == args["run_date"])
df = df.filter("stage IN (1, 2, 3)")
df = df.filter(df.is_performing)
stage_counts = df.groupBy("stage").count()
stage_counts.show()
print(f"exposures in scope: {df.count()}")

ratings = spark.read.parquet("s3://bank-risk-raw/ratings/")
df = df.join(ratings, ["counterparty_id"], "left")
df = df.union(df.filter(F.col("stage") == 3))

if args["mode"] == "restate":
    previous = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures_restated")
    previous = previous.filter(lambda r: r["stage"] == 3)
    previous = previous.toDF()
else:
    previous = spark.read.parquet("s3://bank-risk-raw/exposures_previous/")
# a DataFrame on both paths
previous = previous.filter(F.col("ead") > 0)
df = df.unionByName(previous, allowMissingColumns=True)

staged = DynamicFrame.fromDF(df, glueContext, "staged")
glueContext.write_dynamic_frame.from_catalog(frame=staged, database="risk", table_name="exposures_staged")
job.commit()
