import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# limits and exposures are joined by counterparty, then flagged
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
job = Job(glueContext)  # the run
job.init(args["JOB_NAME"], args)

limits = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="credit_limits",
    # push_down_predicate="limit_type = 'SETTLEMENT'",
)
exposures = glueContext.create_dynamic_frame.from_catalog(
    database="risk",  # the curated copy
    table_name="counterparty_exposures",
)

utilisation = limits.toDF().join(exposures.toDF(), "counterparty_id")
utilisation = utilisation.withColumn("utilisation", utilisation.exposure / utilisation.limit_amount)


def breaches(frame):
    # a breach is any utilisation over 100%
    return frame.filter("utilisation > 1.0")


glueContext.write_dynamic_frame.from_catalog(
    frame=DynamicFrame.fromDF(breaches(utilisation), glueContext, "breaches"),
    database="risk",
    # table_name="limit_breaches_v1",
    table_name="limit_breaches",
)
job.commit()
# end of job
