# case-config: {"catalog": "main", "paths": {"s3://risk-out/": "/Volumes/prod/risk/out/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

connection_options = {"path": "s3://risk-out/positions/", "partitionKeys": ["desk"]}
glueContext.write_dynamic_frame.from_options(
    frame=positions, connection_type="s3", connection_options=connection_options, format="parquet")
