from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# Glue also adds new columns and partitions to the catalog table
glueContext.write_dynamic_frame.from_catalog(
    frame=risk,
    database="risk",
    table_name="exposures",
    additional_options={"enableUpdateCatalog": True, "updateBehavior": "UPDATE_IN_DATABASE",
                        "partitionKeys": ["desk", "day"]},
)
# LOG keeps the schema: only partitions are added, which a Delta table needs no help with
glueContext.write_dynamic_frame.from_catalog(
    frame=risk, database="risk", table_name="exposures_log",
    additional_options={"enableUpdateCatalog": True, "updateBehavior": "LOG"},
)
