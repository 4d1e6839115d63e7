# g2l: converted from jobs/keep_schema.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def publish(frame):
    # LOG: keep the table's schema, add new partitions only
    # positional catalog info
    # g2l: review G2L204: Glue wrote json files for this table; it is a Delta table now
    frame.write.mode("append").saveAsTable("main.risk.limits")
    return frame
