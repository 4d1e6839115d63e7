# g2l: converted from jobs/commented_out_option.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["RISK_DB_PASSWORD"])
spark = SparkSession.builder.getOrCreate()

# collateral valuations from the risk store
# "dbtable": "public.valuations_v1",
# v2 since the haircut review
# no partitioning: the table is small
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
valuations = (
    spark.read.format("jdbc")
    .option("url", "jdbc:postgresql://risk-store:5432/collateral")
    .option("dbtable", "public.valuations")
    .option("user", "risk_etl")
    .option("password", args["RISK_DB_PASSWORD"])
    .load()
)  # read once a day
