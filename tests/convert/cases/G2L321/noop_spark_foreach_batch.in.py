from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
events = spark.readStream.table("risk.events")


def process_batch(batch, batch_id):
    batch.write.mode("append").saveAsTable("risk.events_copy")


# Structured Streaming's own foreachBatch (lower case): already the Databricks form
events.writeStream.foreachBatch(process_batch).option("checkpointLocation", "/tmp/cp").start()
