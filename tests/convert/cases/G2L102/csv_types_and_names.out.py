# g2l: converted from jobs/csv_types_and_names.py
# case-config: {"paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
import os
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
HAS_HEADER = os.environ.get("EXPOSURE_FEED_HEADER") == "1"

# desk limits with a header row: Glue types limit_amount as a number, not a string
limits = (
    spark.read.format("csv")
    .option("header", True)
    .option("escape", '"')
    .option("inferSchema", True)
    .load(["/Volumes/prod/risk/raw/limits/"])
    .transform(glue_compat.csv_types)
)
# the rating agency feed has no header: Glue names its columns col0, col1, col2
ratings = (
    spark.read.format("csv")
    .option("header", False)
    .option("sep", ";")
    .option("escape", '"')
    .option("inferSchema", True)
    .load(["/Volumes/prod/risk/raw/ratings/"])
    .transform(glue_compat.csv_types)
    .transform(glue_compat.csv_column_names)
)
rated = ratings.withColumnRenamed("col0", "counterparty_id")
# whether the exposure feed has a header is only known at run time
exposures = (
    spark.read.format("csv")
    .option("header", HAS_HEADER)
    .option("escape", '"')
    .option("inferSchema", True)
    .load(["/Volumes/prod/risk/raw/exposures/"])
    .transform(glue_compat.csv_types)
    .transform(glue_compat.csv_column_names)
)
