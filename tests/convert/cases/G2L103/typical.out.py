# g2l: converted from jobs/typical.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["DB_PASSWORD"])
spark = SparkSession.builder.getOrCreate()

# open orders from the shop database
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
orders = (
    spark.read.format("jdbc")
    .option("url", "jdbc:postgresql://shop-db:5432/shop")
    .option("dbtable", "public.orders")
    .option("user", "etl")
    .option("password", args["DB_PASSWORD"])
    .load()
)
