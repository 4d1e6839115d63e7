import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits")
glueContext.write_dynamic_frame.from_catalog(frame=limits, database="risk", table_name="limits_daily")

# after the run: compare the row counts with the warehouse
# (the nightly check reads limits_daily)

job.commit()
