from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_options(
    frame=risk,
    connection_type="postgresql",
    connection_options={"url": "jdbc:postgresql://report-db:5432/reporting", "dbtable": "public.risk",
                        "user": "loader", "password": secrets["pg"]},
)
written = glueContext.write_dynamic_frame.from_options(
    frame=risk, connection_type="mysql",
    connection_options={"url": url, "dbtable": "risk", "user": "loader", "password": "plain-text"})
