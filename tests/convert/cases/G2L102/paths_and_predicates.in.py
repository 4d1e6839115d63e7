# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/", "s3://risk-raw/restricted/": "s3://risk-restricted/", "s3://risk-ref": "/Volumes/prod/ref/files"}}
import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["day", "input"])
glueContext = GlueContext(SparkContext.getOrCreate())

# the longest matching prefix wins; s3a:// is the same bucket
several = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/", "s3://risk-raw/restricted/pnl/", "s3a://risk-ref/desks",
                                  "s3://elsewhere/x/"]},
    format="parquet",
)
# a partitioned folder: the predicate filters partition columns
pruned = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [f"s3://risk-raw/trades/day={args['day']}/"]},
    format="parquet",
    push_down_predicate="desk = 'rates'",
)
computed = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": [args["input"]]}, format="json")
