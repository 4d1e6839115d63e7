from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def process_batch(data_frame, batch_id):
    stamped = glueContext.add_ingestion_time_columns(data_frame, "hour")
    stamped.write.mode("append").partitionBy("ingest_year", "ingest_month").saveAsTable("risk.events")
