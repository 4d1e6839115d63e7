# case-config: {"catalog": "main", "job_parameters": "widgets"}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# a notebook has dbutils already: no import
glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=risk, catalog_connection="risk-pg", connection_options={"dbtable": "public.risk"})
