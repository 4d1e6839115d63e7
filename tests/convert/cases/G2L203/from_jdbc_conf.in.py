from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# push the day's risk into the reporting database
glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=risk,
    catalog_connection="risk-pg",
    connection_options={"dbtable": "public.risk", "database": "reporting"},
    transformation_ctx="to_pg",
)
glueContext.write_dynamic_frame_from_jdbc_conf(risk, "risk-redshift", {"dbtable": "public.risk"}, args["TempDir"])
