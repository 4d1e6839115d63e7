# g2l: converted from jobs/noop_batch_function.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
data_frame = spark.read.table("main.risk.payments_stream")


def is_settled(row):
    return row["status"] == "SETTLED"


def process_batch(data_frame, batch_id):
    # Glue hands the batch function a DataFrame, whatever the stream is called
    data_frame.filter(is_settled).show()


# g2l: review G2L321: Glue retried a failed batch (batchMaxRetries, 3 by default), persisted each batch and skipped empty ones; this query fails on the first error: use job retries, and trigger(availableNow=True) for a run that should end
(
    data_frame.writeStream.foreachBatch(process_batch)
    .option("checkpointLocation", "/Volumes/prod/risk/checkpoints/payments/")
    .trigger(processingTime="30 seconds")
    .start()
    .awaitTermination()
)
