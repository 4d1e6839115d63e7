from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# sources other rules convert: none of them is this rule's
trades = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/trades/"]}, format="parquet")
limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits")
source = other_library.getSource("s3")
