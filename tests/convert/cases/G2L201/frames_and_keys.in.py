import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["output"])
glueContext = GlueContext(SparkContext.getOrCreate())
keys = ["desk", "day"]

glueContext.write_dynamic_frame.from_options(
    frame=frames["eu"], connection_type="s3",
    connection_options={"path": "s3://risk-out/eu/", "partitionKeys": keys}, format="parquet")
glueContext.write_dynamic_frame.from_options(
    frame=eu if day else us, connection_type="s3",
    connection_options={"path": args["output"], "partitionKeys": []}, format="parquet")
glueContext.write_data_frame.from_options(
    frame=df, connection_type="s3", connection_options={"path": "s3://risk-out/df/"}, format="parquet")
