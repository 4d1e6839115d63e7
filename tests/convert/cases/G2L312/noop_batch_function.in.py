from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
data_frame = glueContext.create_data_frame.from_catalog(database="risk", table_name="payments_stream")


def is_settled(row):
    return row["status"] == "SETTLED"


def process_batch(data_frame, batch_id):
    # Glue hands the batch function a DataFrame, whatever the stream is called
    data_frame.filter(is_settled).show()


glueContext.forEachBatch(frame=data_frame, batch_function=process_batch, options={"windowSize": "30 seconds", "checkpointLocation": "/Volumes/prod/risk/checkpoints/payments/"},
)
