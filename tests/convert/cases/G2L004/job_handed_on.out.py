# g2l: converted from jobs/job_handed_on.py
import sys
from pyspark.sql import SparkSession
import glue_compat


def start():
    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
    spark = SparkSession.builder.getOrCreate()
    glue_context = spark  # g2l: kept for the Glue calls left for review
    # g2l: review G2L004: this Glue Job object is handed on (stored, returned or given to a function): it is glue_compat's stand-in now, whose init() and commit() do nothing (a Databricks run needs no Job): the data is the same: remove it, and its init()/commit() calls, by hand
    job = glue_compat.Job(spark)
    job.init(args["JOB_NAME"], args)
    return glue_context, job


def run(glue_context, job):
    glue_context.sql("refresh table risk.limits")
    job.commit()


run(*start())
