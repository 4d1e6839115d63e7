# case-config: {"paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# key=value folders under the path (region=EU/day=2024-03-28/...): the predicate filters on region
eu = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True},
    format="json",
    push_down_predicate="region = 'EU'",
)
# no predicate: recurse stays recursiveFileLookup
every = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"], "recurse": True},
    format="json",
)
