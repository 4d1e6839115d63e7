# g2l: converted from jobs/glue_connection.py
import sys
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "connection"])
spark = SparkSession.builder.getOrCreate()

# Script generated for node Ratings MySQL
# g2l: review G2L103: the URL and credentials were in Glue connection "ratings-mysql": keep them in secret scope "ratings-mysql" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops
RatingsMySQL_node1 = (
    spark.read.format("jdbc")
    .option("url", dbutils.secrets.get("ratings-mysql", "url"))
    .option("dbtable", "ratings.obligor_ratings")
    .option("user", dbutils.secrets.get("ratings-mysql", "user"))
    .option("password", dbutils.secrets.get("ratings-mysql", "password"))
    .load()
)
# the connection is chosen at run time; the user is given, the rest comes from the connection
# g2l: review G2L103: the URL and credentials were in the Glue connection named by args["connection"]: keep them in a secret scope of that name (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops
accounts = (
    spark.read.format("jdbc")
    .option("url", dbutils.secrets.get(args["connection"], "url"))
    .option("dbtable", "CBS.ACCOUNTS")
    .option("user", "reader")
    .option("password", dbutils.secrets.get(args["connection"], "password"))
    .load()
)
