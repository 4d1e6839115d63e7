# case-config: {"bookmarks": "/Volumes/prod/ops/bookmarks"}
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# ledger entries past the last committed entry_id, and new fills (files) since the last run
entries = glueContext.create_dynamic_frame.from_catalog(
    database="ledger",
    table_name="entries",
    additional_options={"jobBookmarkKeys": ["entry_id"], "jobBookmarkKeysSortOrder": "asc"},
    transformation_ctx="entries",
)
fills = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="fills", transformation_ctx="fills")
desks = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="desks")
glueContext.write_dynamic_frame.from_catalog(frame=entries, database="ledger", table_name="entries_copy")
job.commit()
