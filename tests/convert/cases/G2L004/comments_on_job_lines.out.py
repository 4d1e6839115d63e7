# g2l: converted from jobs/comments_on_job_lines.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
# one run a business day
# bookmarks off
# start the run

ratings = spark.read.table("risk.ratings")
ratings.write.mode("overwrite").saveAsTable("risk.ratings_snapshot")

# close the run (the scheduler watches for it)
# end of the nightly ratings snapshot
