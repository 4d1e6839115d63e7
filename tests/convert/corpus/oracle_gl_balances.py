import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "period"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# the catalog table points at the general ledger through a Glue connection
balances = glueContext.create_dynamic_frame.from_catalog(
    database="finance",
    table_name="gl_balances",
    additional_options={"hashexpression": "ACCOUNT_ID", "hashpartitions": "10"},
    transformation_ctx="balances",
)

period = balances.filter(f=lambda row: row["PERIOD_NAME"] == args["period"])
period = period.select_fields(["ACCOUNT_ID", "COST_CENTER", "CURRENCY", "PERIOD_NAME", "YTD_BALANCE"])
period = period.rename_field("YTD_BALANCE", "ytd_balance")

glueContext.write_dynamic_frame.from_options(
    frame=period,
    connection_type="s3",
    connection_options={"path": "s3://bank-finance-curated/gl_balances/", "partitionKeys": ["PERIOD_NAME"]},
    format="parquet",
    transformation_ctx="write_balances",
)
job.commit()
