import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "checkpoint_path", "target_path"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# margin calls arrive on Kafka; the catalog table holds the topic and its schema
margin_calls = glueContext.create_data_frame.from_catalog(
    database="risk",
    table_name="margin_calls_stream",
    additional_options={"startingOffsets": "earliest", "inferSchema": "false"},
    transformation_ctx="margin_calls",
)


def land_batch(batch, batch_id):
    if batch.count() == 0:
        return
    # the star import above is all the script imports for the frame type
    calls = DynamicFrame.fromDF(batch, glueContext, "margin_calls_batch")
    calls = ApplyMapping.apply(
        frame=calls,
        mappings=[
            ("call_id", "string", "call_id", "string"),
            ("counterparty", "string", "counterparty_id", "string"),
            ("amount", "string", "call_amount", "double"),
        ],
    )
    glueContext.write_dynamic_frame.from_options(
        frame=calls,
        connection_type="s3",
        connection_options={"path": args["target_path"], "partitionKeys": ["counterparty_id"]},
        format="parquet",
    )


glueContext.forEachBatch(
    frame=margin_calls,
    batch_function=land_batch,
    options={"windowSize": "60 seconds", "checkpointLocation": args["checkpoint_path"]},
)
job.commit()
