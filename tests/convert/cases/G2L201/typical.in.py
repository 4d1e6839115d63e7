# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
risk = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures")

# daily risk, partitioned by day
glueContext.write_dynamic_frame.from_options(
    frame=risk,
    connection_type="s3",
    connection_options={"path": "s3://risk-curated/risk/", "partitionKeys": ["day"]},
    format="glueparquet",
    format_options={"compression": "snappy"},
)
