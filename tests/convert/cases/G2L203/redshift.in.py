from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# load the day's limits into the warehouse through the staging folder (COPY)
glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=limits,
    catalog_connection="risk-redshift",
    connection_options={"dbtable": "public.limits", "aws_iam_role": "arn:aws:iam::123456789012:role/copy"},
    redshift_tmp_dir="s3://risk-tmp/redshift/",
)
glueContext.write_dynamic_frame.from_options(
    frame=limits,
    connection_type="redshift",
    connection_options={"url": "jdbc:redshift://wh:5439/dev", "dbtable": "public.limits", "user": user,
                        "password": pw, "redshiftTmpDir": "s3://risk-tmp/redshift/"},
)
