from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

accounts = glueContext.create_dynamic_frame.from_options(
    connection_type="mysql",
    connection_options={"url": "jdbc:mysql://crm:3306/crm", "dbtable": "accounts", "user": user, "password": pw},
)
ledger = glueContext.create_dynamic_frame_from_options(
    "sqlserver", {"url": "jdbc:sqlserver://gl:1433;databaseName=gl", "dbtable": "dbo.ledger", "user": user,
                  "password": pw})
books = glueContext.create_data_frame.from_options(
    connection_type="oracle",
    connection_options={"url": "jdbc:oracle:thin://@ora:1521/ORCL", "dbtable": "BOOKS", "user": user, "password": pw},
)
# plain JDBC needs no S3 staging directory or IAM role
warehouse = glueContext.create_dynamic_frame.from_options(
    connection_type="redshift",
    connection_options={"url": "jdbc:redshift://wh:5439/dev", "dbtable": "public.exposures", "user": user,
                        "password": pw, "redshiftTmpDir": "s3://risk-tmp/redshift/", "aws_iam_role": role},
)
custom = glueContext.create_dynamic_frame.from_options(
    connection_type="custom.jdbc",
    connection_options={"className": "com.ibm.db2.jcc.DB2Driver", "url": "jdbc:db2://db2:50000/RISK",
                        "dbTable": "LIMITS", "user": "reader", "password": "s3cret"},
)
