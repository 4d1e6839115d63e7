# g2l: converted from jobs/connector_partitioning.py
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# a custom JDBC connector read split into parallel ranges
# g2l: review G2L103: the URL and credentials were in Glue connection "crm-connector": keep them in secret scope "crm-connector" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops
counterparties = (
    spark.read.format("jdbc")
    .option("url", dbutils.secrets.get("crm-connector", "url"))
    .option("dbtable", "counterparty")
    .option("partitionColumn", "counterparty_id")
    .option("lowerBound", "0")
    .option("upperBound", "200000")
    .option("numPartitions", "8")
    .option("user", dbutils.secrets.get("crm-connector", "user"))
    .option("password", dbutils.secrets.get("crm-connector", "password"))
    .load()
)
