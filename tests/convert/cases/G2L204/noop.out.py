# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# a sink that is not Glue's: writeFrame on it is someone else's method
sink = exporter.getSink("s3")
sink.setFormat("parquet")
sink.writeFrame(trades)
