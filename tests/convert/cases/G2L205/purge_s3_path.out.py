# g2l: converted from jobs/purge_s3_path.py
# case-config: {"catalog": "main", "paths": {"s3://risk-tmp/": "/Volumes/prod/risk/tmp/"}}
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# clear yesterday's staging files (Glue keeps the last week by default)
glue_compat.purge_s3_path("/Volumes/prod/risk/tmp/staging/")
glue_compat.purge_s3_path("/Volumes/prod/risk/tmp/scratch/", options={"retentionPeriod": 0})
# g2l: review G2L205: purge_s3_path deletes the files under /Volumes/prod/risk/tmp/archive/ older than 720 hours (retentionPeriod), except storage classes ["GLACIER"]; excludeStorageClasses has no equivalent on Databricks: as written this fails at run time and deletes nothing; delete by modification time by hand (dbutils.fs.ls gives it) or use a storage lifecycle rule
glueContext.purge_s3_path(
    s3_path="s3://risk-tmp/archive/",
    options={"retentionPeriod": 720, "excludeStorageClasses": ["GLACIER"]},
    transformation_ctx="purge",
)
# g2l: review G2L205: a path is computed at run time: as converted, [convert] paths does not map it (an S3 path stays one): map its S3 prefix as [convert] paths would (there it deletes under the S3 path itself)
glue_compat.purge_s3_path(staging_path, options=purge_options)
