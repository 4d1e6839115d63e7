from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# sinks other rules convert: none of them is this rule's
glueContext.write_dynamic_frame.from_options(
    frame=alerts, connection_type="s3", connection_options={"path": "s3://risk-out/alerts/"}, format="json")
glueContext.write_dynamic_frame.from_catalog(frame=alerts, database="risk", table_name="alerts")
