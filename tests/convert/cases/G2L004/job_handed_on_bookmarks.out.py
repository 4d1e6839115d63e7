# g2l: converted from jobs/job_handed_on_bookmarks.py
import sys
from pyspark.sql import SparkSession
import glue_compat


def start():
    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
    spark = SparkSession.builder.getOrCreate()
    glue_context = spark  # g2l: kept for the Glue calls left for review
    job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
    job.init(args["JOB_NAME"], args)
    return glue_context, job


def run(glue_context, job):
    # the margin calls booked since the last committed run
    calls = glue_compat.bookmarked(glue_context, "calls").table("main.risk.margin_calls")
    calls.write.mode("append").saveAsTable("main.risk.margin_calls_daily")
    job.commit()


run(*start())
