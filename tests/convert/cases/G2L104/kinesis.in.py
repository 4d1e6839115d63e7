from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

by_arn = glueContext.create_data_frame.from_options(
    connection_type="kinesis",
    connection_options={
        "streamARN": "arn:aws:kinesis:eu-west-1:123456789012:stream/trade-events",
        "startingPosition": "TRIM_HORIZON",
        "classification": "json",
        "inferSchema": "true",
        "maxFetchTimeInMs": 15000,
    },
)
by_name = glueContext.create_data_frame.from_options(
    connection_type="kinesis",
    connection_options={"streamName": "quotes", "endpointUrl": "https://kinesis.eu-west-1.amazonaws.com",
                        "awsSTSRoleARN": role_arn, "startingPosition": "latest"},
)
