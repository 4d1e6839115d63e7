from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

options = catalog_options("t")
merged = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", additional_options={"mergeSchema": "true"})
computed = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", additional_options=options)
unexpected = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", format="parquet")
no_table = glueContext.create_dynamic_frame.from_catalog(database="risk")
splatted = glueContext.create_dynamic_frame.from_catalog(**source)
