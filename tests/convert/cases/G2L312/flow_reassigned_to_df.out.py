# g2l: converted from jobs/flow_reassigned_to_df.py
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
import glue_compat

spark = SparkSession.builder.getOrCreate()


def is_live(record):
    return record["status"] == "LIVE"


positions = spark.read.table("main.risk.positions")
positions = positions.filter(F.col("qty") > 0)
# g2l: review G2L312: is_live runs in Python for every record (glue_compat.filter_records): as converted, it keeps the records Glue kept (one it raises on is dropped, as in Glue), only slower: write it as a Column condition where you can
positions = glue_compat.filter_records(positions, is_live)
positions = positions.filter("desk = 'RATES'")
positions = positions.filter(is_live)
