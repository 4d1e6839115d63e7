from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# as in the AWS Glue documentation: the options in a variable of their own
connection_mysql8_options = {
    "url": "jdbc:mysql://crm:3306/crm",
    "dbtable": "accounts",
    "user": "admin",
    "password": secret["password"],
    "customJdbcDriverS3Path": "s3://risk-jars/mysql-connector-java-8.0.17.jar",
    "customJdbcDriverClassName": "com.mysql.cj.jdbc.Driver",
}
accounts = glueContext.create_dynamic_frame.from_options(
    connection_type="mysql", connection_options=connection_mysql8_options)
# the same name as the keyword
connection_options = {"url": url, "dbtable": "dbo.LoanBook", "user": user, "password": password}
loans = glueContext.create_dynamic_frame.from_options(
    connection_type="sqlserver",
    connection_options=connection_options,
)
