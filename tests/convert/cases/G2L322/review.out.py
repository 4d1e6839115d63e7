# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review


def stamp(batch, options):
    # g2l: review G2L322: add_ingestion_time_columns with unusual arguments: as written, it fails on Databricks and the job stops: convert it by hand
    return glueContext.add_ingestion_time_columns(batch, **options)
