from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits")

glueContext.write_dynamic_frame.from_options(
    frame=limits,
    connection_type="s3",
    # parquet since the 2024 storage review
    format="parquet",
    connection_options={
        "path": "s3://bank-risk-curated/limits/",
        # "partitionKeys": ["desk"],
    },  # one folder per run
)
