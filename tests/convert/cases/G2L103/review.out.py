# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# useConnectionProperties without a connection to take them from
# g2l: review G2L103: no url (or Glue connection) and dbtable in connection_options: convert this JDBC access by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
no_connection = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql", connection_options={"useConnectionProperties": "true", "dbtable": "public.orders"})
# g2l: review G2L103: connection_options is not a literal dict: read with spark.read.format("jdbc") by hand; JDBC credentials: take user and password from a secret scope (dbutils.secrets.get): left as written, it fails on Databricks (no GlueContext there), so the job stops here
computed = glueContext.create_dynamic_frame.from_options(connection_type="mysql", connection_options=jdbc_options)
# g2l: review G2L103: sampleQuery has no Spark equivalent (use the query option): convert this JDBC access by hand; JDBC credentials: take user and password from a secret scope (dbutils.secrets.get): left as written, it fails on Databricks (no GlueContext there), so the job stops here
sampled = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={"url": url, "dbtable": "public.orders", "sampleQuery": "select * from orders limit 10"},
)
# g2l: review G2L103: no url (or Glue connection) and dbtable in connection_options: convert this JDBC access by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
no_url = glueContext.create_dynamic_frame.from_options(connection_type="oracle", connection_options={"dbtable": "T"})
