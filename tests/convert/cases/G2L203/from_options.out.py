# g2l: converted from jobs/from_options.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# g2l: review G2L203: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
(
    risk.write.mode("append")
    .format("jdbc")
    .option("url", "jdbc:postgresql://report-db:5432/reporting")
    .option("dbtable", "public.risk")
    .option("user", "loader")
    .option("password", secrets["pg"])
    .save()
)
# g2l: review G2L203: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get); a password is written in the script: move it to a secret scope
(
    risk.write.mode("append")
    .format("jdbc")
    .option("url", url)
    .option("dbtable", "risk")
    .option("user", "loader")
    .option("password", "plain-text")
    .save()
)
