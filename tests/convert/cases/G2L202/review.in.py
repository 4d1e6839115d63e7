# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_catalog(frame=risk, database=args["db"], table_name="exposures")
glueContext.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="t", catalog_id="123456789012")
glueContext.write_dynamic_frame.from_catalog(
    frame=risk, database="risk", table_name="t", additional_options={"mergeSchema": "true"})
glueContext.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="t", additional_options=opts)
glueContext.write_dynamic_frame.from_catalog(database="risk", table_name="t")
