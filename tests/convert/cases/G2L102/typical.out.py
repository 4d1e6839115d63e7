# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()

# pipe-separated trade files, one folder per desk
raw = (
    spark.read.format("csv")
    .option("header", True)
    .option("sep", "|")
    .option("escape", '"')
    .option("inferSchema", True)
    .option("recursiveFileLookup", True)
    .load(["/Volumes/prod/risk/raw/trades/"])
    .transform(glue_compat.csv_types)
)
small = spark.read.format("parquet").load(["/Volumes/prod/risk/raw/fx/"])
