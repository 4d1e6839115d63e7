import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
payments = spark.readStream.table("risk.payments_stream")


def process_batch(data_frame, batch_id):
    if data_frame.count() > 0:
        frame = DynamicFrame.fromDF(data_frame, glueContext, "from_data_frame")
        frame.toDF().write.mode("append").saveAsTable("risk.payments")


glueContext.forEachBatch(
    frame=payments,
    batch_function=process_batch,
    options={
        "windowSize": "100 seconds",
        "checkpointLocation": args["TempDir"] + "/" + args["JOB_NAME"] + "/checkpoint/",
    },
)
