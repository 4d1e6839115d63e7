# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
import glue_compat
from pyspark.sql import SparkSession

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "as_of"])
spark = SparkSession.builder.getOrCreate()

# trades since the start of the year (partition pruning)
# g2l: review G2L004: this job used Glue job bookmarks (transformation_ctx): read incrementally with Auto Loader (cloudFiles) or a watermark table
trades = spark.read.table("prod.risk.trades").where("day >= '2024-01-01'")
counterparties = spark.read.table("main.reference.counterparties")
