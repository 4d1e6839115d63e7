"""Intraday trade stream from Kafka: parse, tag with the ingestion time, land in S3 every minute."""
import sys

from awsglue import DynamicFrame
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir", "bootstrap_servers"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

trade_stream = glueContext.create_data_frame.from_options(
    connection_type="kafka",
    connection_options={
        "bootstrap.servers": args["bootstrap_servers"],
        "topicName": "trades.booked",
        "startingOffsets": "latest",
        "inferSchema": "true",
        "classification": "json",
        "security.protocol": "SSL",
    },
    transformation_ctx="trade_stream",
)


def process_batch(data_frame: DataFrame, batch_id: int) -> None:
    if data_frame.count() == 0:
        return
    trades = data_frame.withColumn("notional", F.col("notional").cast("decimal(18,2)"))
    stamped = glueContext.add_ingestion_time_columns(trades, "hour")
    dynamic_trades = DynamicFrame.fromDF(stamped, glueContext, "from_data_frame")
    glueContext.write_dynamic_frame.from_options(
        frame=dynamic_trades,
        connection_type="s3",
        connection_options={
            "path": "s3://bank-risk-raw/intraday/trades/",
            "partitionKeys": ["ingest_year", "ingest_month", "ingest_day", "ingest_hour"],
        },
        format="parquet",
    )


glueContext.forEachBatch(
    frame=trade_stream,
    batch_function=process_batch,
    options={
        "windowSize": "60 seconds",
        "checkpointLocation": args["TempDir"] + "/" + args["JOB_NAME"] + "/checkpoint/",
    },
)
job.commit()
