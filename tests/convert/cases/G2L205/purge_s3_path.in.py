# case-config: {"catalog": "main", "paths": {"s3://risk-tmp/": "/Volumes/prod/risk/tmp/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# clear yesterday's staging files (Glue keeps the last week by default)
glueContext.purge_s3_path("s3://risk-tmp/staging/")
glueContext.purge_s3_path("s3://risk-tmp/scratch/", options={"retentionPeriod": 0})
glueContext.purge_s3_path(
    s3_path="s3://risk-tmp/archive/",
    options={"retentionPeriod": 720, "excludeStorageClasses": ["GLACIER"]},
    transformation_ctx="purge",
)
glueContext.purge_s3_path(staging_path, options=purge_options)
