# g2l: converted from jobs/widgets.py
# case-config: {"catalog": "main", "job_parameters": "widgets"}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# a notebook has dbutils already: no import
# g2l: review G2L203: the URL and credentials were in Glue connection "risk-pg": keep them in secret scope "risk-pg" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops
(
    risk.write.mode("append")
    .format("jdbc")
    .option("url", dbutils.secrets.get("risk-pg", "url"))
    .option("dbtable", "public.risk")
    .option("user", dbutils.secrets.get("risk-pg", "user"))
    .option("password", dbutils.secrets.get("risk-pg", "password"))
    .save()
)
