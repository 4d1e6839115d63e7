# case-config: {"catalog": "main", "paths": {"s3://risk-out/": "/Volumes/prod/risk/out/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": f"s3://risk-out/{day}/"}, format="parquet")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": output_path}, format="parquet")
