import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "DB_URL"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# settlements past the last committed (settled_at, settlement_id); limits by the table's primary key
settlements = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": args["DB_URL"],
        "dbtable": "public.settlements",
        "connectionName": "risk-pg",
        "jobBookmarkKeys": ["settled_at", "settlement_id"],
        "jobBookmarkKeysSortOrder": "asc",
    },
    transformation_ctx="settlements",
)
limits = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={"url": args["DB_URL"], "dbtable": "public.limits", "connectionName": "risk-pg"},
    transformation_ctx="limits",
)
job.commit()
