from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

events = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/events/"]}, format="json",
    format_options={"multiline": True},
)
columnar = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/orc/"]}, format="orc")
records = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/avro/"]}, format="avro")
confirmations = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/confirmations/"]},
    format="xml",
    format_options={"rowTag": "confirmation", "attributePrefix": "_"},
)
unquoted = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/unquoted/"], "isFailFast": True},
    format="csv",
    format_options={"quoteChar": -1, "escaper": "\\", "multiLine": "true"},
)
data_frame = glueContext.create_data_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/p/"]}, format="PARQUET")
