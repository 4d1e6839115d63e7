# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "as_of"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# trades since the start of the year (partition pruning)
trades = (
    glue_compat.bookmarked(spark, "trades").table("prod.risk.trades")
    .where("day >= '2024-01-01'")
)
counterparties = spark.read.table("main.reference.counterparties")

job.commit()
