# g2l: converted from jobs/formats.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()

events = spark.read.format("json").option("multiLine", True).load(["s3://risk-raw/events/"])
columnar = spark.read.format("orc").load(["s3://risk-raw/orc/"])
records = spark.read.format("avro").load(["s3://risk-raw/avro/"])
confirmations = (
    spark.read.format("xml")
    .option("rowTag", "confirmation")
    .option("attributePrefix", "_")
    .load(["s3://risk-raw/confirmations/"])
)
unquoted = (
    spark.read.format("csv")
    .option("quote", "")
    .option("escape", "\\")
    .option("multiLine", "true")
    .option("inferSchema", True)
    .option("mode", "FAILFAST")
    .load(["s3://risk-raw/unquoted/"])
    .transform(glue_compat.csv_types)
    .transform(glue_compat.csv_column_names)
)
data_frame = spark.read.format("parquet").load(["s3://risk-raw/p/"])
