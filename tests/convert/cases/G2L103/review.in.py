from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# useConnectionProperties without a connection to take them from
no_connection = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql", connection_options={"useConnectionProperties": "true", "dbtable": "public.orders"})
computed = glueContext.create_dynamic_frame.from_options(connection_type="mysql", connection_options=jdbc_options)
sampled = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={"url": url, "dbtable": "public.orders", "sampleQuery": "select * from orders limit 10"},
)
no_url = glueContext.create_dynamic_frame.from_options(connection_type="oracle", connection_options={"dbtable": "T"})
