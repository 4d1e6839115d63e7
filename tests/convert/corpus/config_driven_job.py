"""Copies the reference tables listed in a JSON config from the landing database to the curated one."""
import json
import sys

import boto3
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "config_bucket", "config_key", "environment"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

s3 = boto3.client("s3")
config = json.loads(s3.get_object(Bucket=args["config_bucket"], Key=args["config_key"])["Body"].read())

landing_db = f"risk_landing_{args['environment']}"
curated_db = f"risk_curated_{args['environment']}"

for table in config["tables"]:
    frame = glueContext.create_dynamic_frame.from_catalog(database=landing_db, table_name=table["name"])
    if table.get("drop"):
        frame = frame.drop_fields(table["drop"])
    glueContext.write_dynamic_frame.from_catalog(frame=frame, database=curated_db, table_name=table["name"])
    print(f"copied {table['name']}")

job.commit()
