# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# pipe-separated trade files, one folder per desk
raw = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True, "groupFiles": "inPartition",
                        "groupSize": "1048576"},
    format="csv",
    format_options={"withHeader": True, "separator": "|"},
)
small = glueContext.create_dynamic_frame.from_options("s3", {"paths": ["s3://risk-raw/fx/"]}, "parquet")
