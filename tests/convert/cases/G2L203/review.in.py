from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=risk, catalog_connection=args["connection"], connection_options={"dbtable": "public.risk"})
glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=risk, catalog_connection="risk-redshift",
    connection_options={"dbtable": "public.risk", "preactions": "truncate table public.risk"})
glueContext.write_dynamic_frame.from_options(
    frame=risk, connection_type="redshift",
    connection_options={"url": url, "dbtable": "public.risk", "user": u, "password": p,
                        "postactions": "analyze public.risk", "redshiftTmpDir": tmp})
glueContext.write_dynamic_frame.from_options(
    frame=risk, connection_type="postgresql", connection_options=options)
