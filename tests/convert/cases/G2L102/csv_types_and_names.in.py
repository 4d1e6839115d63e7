# case-config: {"paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
import os

from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
HAS_HEADER = os.environ.get("EXPOSURE_FEED_HEADER") == "1"

# desk limits with a header row: Glue types limit_amount as a number, not a string
limits = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/limits/"]},
    format="csv",
    format_options={"withHeader": True},
)
# the rating agency feed has no header: Glue names its columns col0, col1, col2
ratings = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/ratings/"]},
    format="csv",
    format_options={"withHeader": False, "separator": ";"},
)
rated = ratings.toDF().withColumnRenamed("col0", "counterparty_id")
# whether the exposure feed has a header is only known at run time
exposures = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/exposures/"]},
    format="csv",
    format_options={"withHeader": HAS_HEADER},
)
