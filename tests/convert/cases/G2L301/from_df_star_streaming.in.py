import sys

from awsglue.context import GlueContext
from awsglue.transforms import *
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def process_batch(payments, batch_id):
    if payments.count() > 0:
        # each micro-batch of payments lands in the risk raw zone
        frame = DynamicFrame.fromDF(payments, glueContext, "payments_batch")
        glueContext.write_dynamic_frame.from_options(
            frame=frame,
            connection_type="s3",
            connection_options={"path": "s3://bank-risk-raw/payments/"},
            format="parquet",
        )


def is_frame(value) -> bool:
    return isinstance(value, DynamicFrame)
