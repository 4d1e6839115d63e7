import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "connection"])
glueContext = GlueContext(SparkContext.getOrCreate())

# Script generated for node Ratings MySQL
RatingsMySQL_node1 = glueContext.create_dynamic_frame.from_options(
    connection_type = "mysql",
    connection_options = {
        "useConnectionProperties": "true",
        "dbtable": "ratings.obligor_ratings",
        "connectionName": "ratings-mysql",
    },
    transformation_ctx = "RatingsMySQL_node1"
)
# the connection is chosen at run time; the user is given, the rest comes from the connection
accounts = glueContext.create_dynamic_frame.from_options(
    connection_type="oracle",
    connection_options={"connectionName": args["connection"], "dbtable": "CBS.ACCOUNTS", "user": "reader"},
)
