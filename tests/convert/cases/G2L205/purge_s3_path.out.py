# g2l: converted from jobs/purge_s3_path.py
# case-config: {"catalog": "main", "paths": {"s3://risk-tmp/": "/Volumes/prod/risk/tmp/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# clear yesterday's staging files (Glue keeps the last week by default)
# g2l: review G2L205: purge_s3_path deletes the files under /Volumes/prod/risk/tmp/staging/ older than 168 hours (Glue's default retentionPeriod) and keeps the others: delete by modification time (dbutils.fs.ls gives it) or use a storage lifecycle rule
glueContext.purge_s3_path("s3://risk-tmp/staging/")
# g2l: review G2L205: purge_s3_path deletes every file under /Volumes/prod/risk/tmp/scratch/ (retentionPeriod 0): dbutils.fs.rm(path, recurse=True) does the same; check the path first
glueContext.purge_s3_path("s3://risk-tmp/scratch/", options={"retentionPeriod": 0})
# g2l: review G2L205: purge_s3_path deletes the files under /Volumes/prod/risk/tmp/archive/ older than 720 hours (retentionPeriod), except storage classes ["GLACIER"] and keeps the others: delete by modification time (dbutils.fs.ls gives it) or use a storage lifecycle rule
glueContext.purge_s3_path(
    s3_path="s3://risk-tmp/archive/",
    options={"retentionPeriod": 720, "excludeStorageClasses": ["GLACIER"]},
    transformation_ctx="purge",
)
# g2l: review G2L205: purge_s3_path deletes the files under the path older than its retentionPeriod (options are computed: check them) and keeps the others: delete by modification time (dbutils.fs.ls gives it) or use a storage lifecycle rule
glueContext.purge_s3_path(staging_path, options=purge_options)
