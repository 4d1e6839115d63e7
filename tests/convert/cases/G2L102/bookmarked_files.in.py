import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# each run takes the trade files that landed since the last committed run
trades = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True},
    format="csv",
    format_options={"withHeader": False, "separator": "|"},
    transformation_ctx="trades",
)
# every run reads all the desk files: no transformation_ctx, no bookmark
desks = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/desks/"]}, format="json"
)
glueContext.write_dynamic_frame.from_options(
    frame=trades, connection_type="s3", connection_options={"path": "s3://risk-curated/trades/"}, format="parquet"
)
job.commit()
