# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
risk = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures_staging")

# append today's exposures (Glue appends; Spark must be told)
glueContext.write_dynamic_frame.from_catalog(
    frame=risk,
    database="risk",
    table_name="exposures",
    additional_options={"partitionKeys": ["day"]},
    transformation_ctx="sink",
)
