# g2l: converted from jobs/for_each_batch.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "TempDir"])
spark = SparkSession.builder.getOrCreate()
payments = spark.readStream.table("risk.payments_stream")


def process_batch(data_frame, batch_id):
    if data_frame.count() > 0:
        frame = data_frame
        frame.write.mode("append").saveAsTable("risk.payments")


# g2l: review G2L321: Glue retried a failed batch (batchMaxRetries, 3 by default), persisted each batch and skipped empty ones; this query fails on the first error: use job retries, and trigger(availableNow=True) for a run that should end; the checkpoint is under Glue's TempDir, which a Databricks run does not get unless the job passes --TempDir: point it at durable storage (a Volume) the next run resumes from
(
    payments.writeStream.foreachBatch(process_batch)
    .option("checkpointLocation", args["TempDir"] + "/" + args["JOB_NAME"] + "/checkpoint/")
    .trigger(processingTime="100 seconds")
    .start()
    .awaitTermination()
)
