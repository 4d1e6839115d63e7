# g2l: converted from jobs/bookmark_keys.py
# case-config: {"bookmarks": "/Volumes/prod/ops/bookmarks"}
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/prod/ops/bookmarks")
job.init(args["JOB_NAME"], args)

# ledger entries past the last committed entry_id, and new fills (files) since the last run
entries = glue_compat.bookmarked(spark, "entries", keys=["entry_id"], sort_order="asc").table("main.ledger.entries")
fills = glue_compat.bookmarked(spark, "fills").table("main.risk.fills")
desks = spark.read.table("main.risk.desks")
entries.write.mode("append").saveAsTable("main.ledger.entries_copy")
job.commit()
