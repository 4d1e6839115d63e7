import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "table_arn"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# the limit approvals workflow keeps its state in DynamoDB
approvals = glueContext.create_dynamic_frame.from_options(
    connection_type="dynamodb",
    connection_options={
        "dynamodb.export": "ddb",
        "dynamodb.tableArn": args["table_arn"],
        "dynamodb.unnestDDBJson": True,
        "dynamodb.s3.bucket": "bank-risk-tmp",
        "dynamodb.s3.prefix": "ddb-export/",
    },
)
approvals = approvals.select_fields(["approval_id", "limit_id", "approver", "decision", "decided_at"])

glueContext.write_dynamic_frame.from_options(
    frame=approvals,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/limit_approvals/"},
    format="parquet",
)
job.commit()
