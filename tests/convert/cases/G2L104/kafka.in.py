import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["brokers"])
glueContext = GlueContext(SparkContext.getOrCreate())

# trade events, parsed by Glue from JSON
events = glueContext.create_data_frame.from_options(
    connection_type="kafka",
    connection_options={
        "bootstrap.servers": args["brokers"],
        "topicName": "trades",
        "startingOffsets": "earliest",
        "classification": "json",
        "inferSchema": "true",
        "security.protocol": "SSL",
        "maxOffsetsPerTrigger": 10000,
        "failOnDataLoss": "false",
    },
    transformation_ctx="events",
)
patterned = glueContext.create_data_frame_from_options(
    "kafka", {"bootstrap.servers": "b1:9092", "subscribePattern": "fx-.*", "pollTimeoutMs": 1000})
