import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "checkpoint_path"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# the catalog table describes the Kinesis stream of card payments (schema from the registry)
payments = glueContext.create_data_frame.from_catalog(
    database="payments",
    table_name="card_payments_stream",
    additional_options={"startingPosition": "TRIM_HORIZON", "inferSchema": "false"},
    transformation_ctx="payments",
)


def score_batch(batch, batch_id):
    if batch.count() > 0:
        frame = DynamicFrame.fromDF(batch, glueContext, "batch")
        frame = ApplyMapping.apply(
            frame=frame,
            mappings=[
                ("payment_id", "string", "payment_id", "string"),
                ("card_hash", "string", "card_hash", "string"),
                ("amount", "double", "amount", "decimal(12,2)"),
                ("merchant_country", "string", "merchant_country", "string"),
                ("event_time", "string", "event_time", "timestamp"),
            ],
        )
        glueContext.write_dynamic_frame.from_catalog(
            frame=frame, database="payments", table_name="card_payments_landed"
        )


glueContext.forEachBatch(
    frame=payments,
    batch_function=score_batch,
    options={"windowSize": "30 seconds", "checkpointLocation": args["checkpoint_path"]},
)
job.commit()
