# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# where the vendor drops its files
s3_options = {"paths": ["s3://risk-raw/vendor/"], "recurse": True}
csv_options = {"withHeader": True, "separator": ";"}  # the vendor's dialect
vendor = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options=s3_options, format="csv", format_options=csv_options)

# read twice: the dict stays, and so do the reads
shared = {"paths": ["s3://risk-raw/shared/"]}
first = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=shared, format="json")
second = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=shared, format="orc")


def load(day):
    # bound in the function that reads it
    options = {"paths": [f"s3://risk-raw/days/{day}/"]}
    return glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=options,
                                                         format="parquet")
