# g2l: converted from jobs/from_df_star_streaming.py
import sys
from pyspark.sql import DataFrame
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def process_batch(payments, batch_id):
    if payments.count() > 0:
        # each micro-batch of payments lands in the risk raw zone
        frame = payments
        frame.write.mode("append").format("parquet").save("s3://bank-risk-raw/payments/")


def is_frame(value) -> bool:
    return isinstance(value, DataFrame)
