from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/hudi/"}, format="hudi")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options=sink_options, format="parquet")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/x/", "groupFiles": "none"},
    format="parquet")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"paths": ["s3://risk-out/y/"]}, format="parquet")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/z/"}, format="csv",
    format_options={"strictCheckForQuoting": True})
