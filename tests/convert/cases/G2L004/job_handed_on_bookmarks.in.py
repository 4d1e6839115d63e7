import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


def start():
    args = getResolvedOptions(sys.argv, ["JOB_NAME"])
    glue_context = GlueContext(SparkContext.getOrCreate())
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)
    return glue_context, job


def run(glue_context, job):
    # the margin calls booked since the last committed run
    calls = glue_context.create_dynamic_frame.from_catalog(
        database="risk", table_name="margin_calls", transformation_ctx="calls"
    )
    glue_context.write_dynamic_frame.from_catalog(frame=calls, database="risk", table_name="margin_calls_daily")
    job.commit()


run(*start())
