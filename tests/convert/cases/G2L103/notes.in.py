from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

parallel = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={"url": url, "dbtable": "public.fills", "user": user, "password": pw,
                        "hashfield": "fill_id", "hashpartitions": "8"},
)
driver = glueContext.create_dynamic_frame.from_options(
    connection_type="mysql",
    connection_options={"url": url, "query": "select * from audit", "user": user, "password": pw,
                        "customJdbcDriverS3Path": "s3://risk-jars/mysql-connector-j-8.3.0.jar",
                        "customJdbcDriverClassName": "com.mysql.cj.jdbc.Driver"},
)
incremental = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={"url": url, "dbtable": "public.events", "secretId": "prod/risk/pg",
                        "jobBookmarkKeys": ["event_id"], "jobBookmarkKeysSortOrder": "asc"},
)
