# g2l: converted from jobs/options_variable.py
# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# where the vendor drops its files
# the vendor's dialect
vendor = (
    spark.read.format("csv")
    .option("header", True)
    .option("sep", ";")
    .option("escape", '"')
    .option("inferSchema", True)
    .option("recursiveFileLookup", True)
    .load(["/Volumes/prod/risk/raw/vendor/"])
    .transform(glue_compat.csv_types)
)

# read twice: the dict stays, and so do the reads
shared = {"paths": ["s3://risk-raw/shared/"]}
# g2l: review G2L102: connection_options and format_options must be literal dicts (or a name bound once to one and read only here): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
first = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=shared, format="json")
# g2l: review G2L102: connection_options and format_options must be literal dicts (or a name bound once to one and read only here): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
second = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=shared, format="orc")


def load(day):
    # bound in the function that reads it
    return spark.read.format("parquet").load([f"/Volumes/prod/risk/raw/days/{day}/"])
