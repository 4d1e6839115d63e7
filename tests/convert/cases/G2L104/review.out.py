# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# a streaming table in the Glue catalog: its connection lives in Glue
# g2l: review G2L104: a streaming catalog table: Glue read the Kafka/Kinesis stream its Glue table describes and parsed each record with the table's schema; as converted, this streams the rows of the Unity Catalog table of that name, the same records only if the stream lands in that table (e.g. a Delta table an ingestion pipeline writes), else no data or other data: then read the source with spark.readStream.format("kafka" or "kinesis") and fill in its brokers and topic (or stream name and region) and a from_json schema for the value; inferSchema, startingPosition set where Glue started reading the stream and how it parsed it: a table stream starts from the table's first version instead
from_catalog = spark.readStream.table("main.risk.trade_events")
# g2l: review G2L104: connectionName: the brokers and authentication are in a Glue connection (give them as kafka.* options, secrets from a secret scope): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
through_connection = glueContext.create_data_frame.from_options(
    connection_type="kafka", connection_options={"connectionName": "msk-risk", "topicName": "trades"})
# g2l: review G2L104: a batch read of kafka: use spark.read.format("kafka") with explicit starting and ending positions, by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
batch = glueContext.create_dynamic_frame.from_options(
    connection_type="kafka", connection_options={"bootstrap.servers": "b1:9092", "topicName": "trades"})
# g2l: review G2L104: startingPosition must be latest, trim_horizon or earliest here (a timestamp needs initialPosition at_timestamp): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
at_timestamp = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamName": "quotes", "startingPosition": "2024-01-01T00:00:00Z"})
# g2l: review G2L104: a streamARN computed at run time (Databricks takes the stream's name and region: streamName, region): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
by_computed_arn = glueContext.create_data_frame.from_options(
    connection_type="kinesis", connection_options={"streamARN": args["stream_arn"], "startingPosition": "LATEST"})
