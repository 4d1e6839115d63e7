# g2l: converted from jobs/kinesis.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# g2l: review G2L104: the kinesis source yields raw records: as converted, the frame has the source's columns (data unparsed), not the record fields Glue gave: parse the data column as "json", as Glue did (e.g. from_json with a schema), and check the source options
by_arn = (
    spark.readStream.format("kinesis")
    .option("streamName", "trade-events")
    .option("region", "eu-west-1")
    .option("initialPosition", "trim_horizon")
    .load()
)
# g2l: review G2L104: the kinesis source yields raw records: as converted, the frame has the source's columns (data unparsed), not the record fields Glue gave: parse the data column, as Glue did (e.g. from_json with a schema), and check the source options
by_name = (
    spark.readStream.format("kinesis")
    .option("streamName", "quotes")
    .option("endpoint", "https://kinesis.eu-west-1.amazonaws.com")
    .option("roleArn", role_arn)
    .option("initialPosition", "latest")
    .load()
)
