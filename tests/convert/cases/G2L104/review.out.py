# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# a streaming table in the Glue catalog: its connection lives in Glue
# g2l: review G2L104: a streaming catalog table: its Kafka/Kinesis connection is defined in Glue; read it with spark.readStream.format("kafka" or "kinesis") and its options
from_catalog = glueContext.create_data_frame.from_catalog(
    database="risk", table_name="trade_events",
    additional_options={"startingPosition": "TRIM_HORIZON", "inferSchema": "true"},
)
# g2l: review G2L104: connectionName: the brokers and authentication are in a Glue connection (give them as kafka.* options, secrets from a secret scope): convert this read by hand
through_connection = glueContext.create_data_frame.from_options(
    connection_type="kafka", connection_options={"connectionName": "msk-risk", "topicName": "trades"})
# g2l: review G2L104: a batch read of kafka: use spark.read.format("kafka") with explicit starting and ending positions, by hand
batch = glueContext.create_dynamic_frame.from_options(
    connection_type="kafka", connection_options={"bootstrap.servers": "b1:9092", "topicName": "trades"})
# g2l: review G2L104: startingPosition must be latest, trim_horizon or earliest here (a timestamp needs initialPosition at_timestamp): convert this read by hand
at_timestamp = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamName": "quotes", "startingPosition": "2024-01-01T00:00:00Z"})
# g2l: review G2L104: a streamARN computed at run time (Databricks takes the stream's name and region: streamName, region): convert this read by hand
by_computed_arn = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamARN": args["stream_arn"], "startingPosition": "LATEST"})
