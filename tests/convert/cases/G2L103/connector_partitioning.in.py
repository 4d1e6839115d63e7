from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# a custom JDBC connector read split into parallel ranges
counterparties = glueContext.create_dynamic_frame.from_options(
    connection_type="custom.jdbc",
    connection_options={
        "connectionName": "crm-connector",
        "dbTable": "counterparty",
        "partitionColumn": "counterparty_id",
        "lowerBound": "0",
        "upperBound": "200000",
        "numPartitions": "8",
    },
)
