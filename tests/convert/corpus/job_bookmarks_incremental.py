"""Incremental load of new settlement files: relies on job bookmarks to skip files already processed."""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

settlements = glueContext.create_dynamic_frame.from_catalog(
    database="ops",
    table_name="settlements",
    additional_options={"jobBookmarkKeys": ["settlement_id"], "jobBookmarkKeysSortOrder": "asc"},
    transformation_ctx="settlements_source",
)

if settlements.count() == 0:
    print("nothing new since the last run")
else:
    failed = settlements.filter(lambda r: r["status"] == "FAILED", transformation_ctx="failed_only")
    failed = ApplyMapping.apply(
        frame=failed,
        mappings=[
            ("settlement_id", "long", "settlement_id", "long"),
            ("trade_id", "string", "trade_id", "string"),
            ("counterparty_id", "string", "counterparty_id", "string"),
            ("amount", "double", "amount", "double"),
            ("fail_reason", "string", "fail_reason", "string"),
            ("value_date", "string", "value_date", "date"),
        ],
        transformation_ctx="failed_mapped",
    )
    glueContext.write_dynamic_frame.from_catalog(
        frame=failed, database="ops", table_name="settlement_fails", transformation_ctx="write_fails"
    )

job.commit()
