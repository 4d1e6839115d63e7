import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "connection_name"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

jdbc_conf = glueContext.extract_jdbc_conf(connection_name=args["connection_name"])

accounts = glueContext.create_dynamic_frame.from_options(
    connection_type="oracle",
    connection_options={
        "useConnectionProperties": "true",
        "connectionName": args["connection_name"],
        "dbtable": "CBS.ACCOUNT_BALANCES",
        "hashexpression": "ACCOUNT_NO",
        "hashpartitions": "16",
    },
    transformation_ctx="accounts",
)

print("extracting from", jdbc_conf["url"])

glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=accounts,
    catalog_connection="risk-warehouse",
    connection_options={"dbtable": "staging.account_balances", "database": "riskdw"},
    redshift_tmp_dir="s3://bank-risk-tmp/redshift/",
    transformation_ctx="write_accounts",
)
job.commit()
