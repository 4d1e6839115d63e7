# g2l: converted from jobs/keep_schema.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def publish(frame):
    # LOG: keep the table's schema, add new partitions only
    # positional catalog info
    # g2l: review G2L204: the table is an external json table at s3://risk-curated/limits/, where Glue wrote its files: Unity Catalog needs an external location that covers that path (and CREATE EXTERNAL TABLE on it); without one the write fails and no data is written
    (
        frame.write.mode("append")
        .format("json")
        .option("path", "s3://risk-curated/limits/")
        .saveAsTable("main.risk.limits")
    )
    return frame
