from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# a streaming table in the Glue catalog: its connection lives in Glue
from_catalog = glueContext.create_data_frame.from_catalog(
    database="risk", table_name="trade_events",
    additional_options={"startingPosition": "TRIM_HORIZON", "inferSchema": "true"},
)
through_connection = glueContext.create_data_frame.from_options(
    connection_type="kafka", connection_options={"connectionName": "msk-risk", "topicName": "trades"})
batch = glueContext.create_dynamic_frame.from_options(
    connection_type="kafka", connection_options={"bootstrap.servers": "b1:9092", "topicName": "trades"})
at_timestamp = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamName": "quotes", "startingPosition": "2024-01-01T00:00:00Z"})
by_computed_arn = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamARN": args["stream_arn"], "startingPosition": "LATEST"})
