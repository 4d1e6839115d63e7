import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "stream_arn", "checkpoint_path"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

limits = spark.table("risk.credit_limits").select("counterparty_id", "approved_amount").cache()

utilisation_events = glueContext.create_data_frame.from_options(
    connection_type="kinesis",
    connection_options={
        "streamARN": args["stream_arn"],
        "startingPosition": "LATEST",
        "classification": "json",
        "inferSchema": "true",
    },
)


def check_limits(events, batch_id):
    breaches = (
        events.groupBy("counterparty_id")
        .agg(F.sum("amount").alias("intraday_drawn"))
        .join(limits, "counterparty_id")
        .filter(F.col("intraday_drawn") > F.col("approved_amount"))
        .withColumn("batch_id", F.lit(batch_id))
    )
    breaches.write.mode("append").format("parquet").save("s3://bank-risk-alerts/limit_breaches/")


glueContext.forEachBatch(
    frame=utilisation_events,
    batch_function=check_limits,
    options={"windowSize": "10 seconds", "checkpointLocation": args["checkpoint_path"], "batchMaxRetries": 3},
)
job.commit()
