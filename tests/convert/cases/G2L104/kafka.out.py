# g2l: converted from jobs/kafka.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["brokers"])
spark = SparkSession.builder.getOrCreate()

# trade events, parsed by Glue from JSON
# g2l: review G2L104: the kafka source yields raw records: as converted, the frame has the source's columns (value unparsed), not the record fields Glue gave: parse the value column as "json", as Glue did (e.g. from_json with a schema), and check the source options
events = (
    spark.readStream.format("kafka")
    .option("kafka.bootstrap.servers", args["brokers"])
    .option("subscribe", "trades")
    .option("startingOffsets", "earliest")
    .option("kafka.security.protocol", "SSL")
    .option("maxOffsetsPerTrigger", 10000)
    .option("failOnDataLoss", "false")
    .load()
)
# g2l: review G2L104: the kafka source yields raw records: as converted, the frame has the source's columns (value unparsed), not the record fields Glue gave: parse the value column, as Glue did (e.g. from_json with a schema), and check the source options
patterned = (
    spark.readStream.format("kafka")
    .option("kafka.bootstrap.servers", "b1:9092")
    .option("subscribePattern", "fx-.*")
    .option("kafkaConsumer.pollTimeoutMs", 1000)
    .load()
)
