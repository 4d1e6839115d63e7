# g2l: converted from jobs/comments_after_last_write.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()

limits = spark.read.table("main.risk.limits")
limits.write.mode("append").saveAsTable("main.risk.limits_daily")

# after the run: compare the row counts with the warehouse
# (the nightly check reads limits_daily)
