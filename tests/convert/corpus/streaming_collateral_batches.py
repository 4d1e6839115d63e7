"""Collateral margin calls from Kinesis: every micro-batch is a DataFrame, written as a DynamicFrame."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

data_frame = glueContext.create_data_frame.from_catalog(
    database="risk",
    table_name="margin_calls_stream",
    additional_options={"startingPosition": "TRIM_HORIZON", "inferSchema": "true"},
    transformation_ctx="data_frame",
)


def is_open(record):
    return record["status"] == "OPEN"


def process_batch(data_frame, batchId):
    # the batch is a DataFrame, whatever the stream above is called
    if data_frame.count() > 0:
        calls = data_frame.filter(F.col("amount") > 0)
        calls = calls.union(data_frame.filter(data_frame.is_override))
        calls = calls.filter("currency IS NOT NULL")
        calls.show(5)
        dynamic_calls = DynamicFrame.fromDF(calls, glueContext, "from_data_frame")
        dynamic_calls = dynamic_calls.filter(is_open)
        glueContext.write_dynamic_frame.from_options(
            frame=dynamic_calls,
            connection_type="s3",
            connection_options={"path": "s3://bank-risk-raw/margin_calls/"},
            format="parquet",
        )


glueContext.forEachBatch(
    frame=data_frame,
    batch_function=process_batch,
    options={"windowSize": "100 seconds", "checkpointLocation": args["TempDir"] + "/checkpoint/"},
)
job.commit()
