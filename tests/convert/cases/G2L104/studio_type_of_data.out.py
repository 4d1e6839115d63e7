# g2l: converted from jobs/studio_type_of_data.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# Script generated for node Amazon Kinesis
# g2l: review G2L104: the kinesis source yields raw records: as converted, the frame has the source's columns (data unparsed), not the record fields Glue gave: parse the data column as "json", as Glue did (e.g. from_json with a schema), and check the source options
dataframe_AmazonKinesis_node1700000000001 = (
    spark.readStream.format("kinesis")
    .option("streamName", "limit-breaches")
    .option("region", "eu-west-1")
    .option("initialPosition", "earliest")
    .load()
)
