# g2l: converted from jobs/ingestion_time_columns.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()


def process_batch(data_frame, batch_id):
    stamped = glue_compat.add_ingestion_time_columns(data_frame, "hour")
    stamped.write.mode("append").partitionBy("ingest_year", "ingest_month").saveAsTable("risk.events")
