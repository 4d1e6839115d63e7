import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# drop scratch files older than a week (168 hours) before the rerun writes new ones
glueContext.purge_s3_path("s3://bank-risk-tmp/exposure_scratch/", options={"retentionPeriod": 168})
glueContext.purge_table(database="risk", table_name="exposure_scratch", options={"retentionPeriod": 0,
                        "partitionPredicate": f"as_of_date = '{args['as_of_date']}'"})

scratch = glueContext.create_dynamic_frame.from_catalog(
    database="risk", table_name="exposures", push_down_predicate=f"as_of_date = '{args['as_of_date']}'"
)
glueContext.write_dynamic_frame.from_catalog(frame=scratch, database="risk", table_name="exposure_scratch")
job.commit()
