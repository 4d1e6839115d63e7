# g2l: converted from jobs/from_jdbc_conf.py
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# push the day's risk into the reporting database
# g2l: review G2L203: the URL and credentials were in Glue connection "risk-pg": keep them in secret scope "risk-pg" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops; Glue added database "reporting" to the connection URL: as converted, the write goes to the database the url secret names: it must name that one
(
    risk.write.mode("append")
    .format("jdbc")
    .option("url", dbutils.secrets.get("risk-pg", "url"))
    .option("dbtable", "public.risk")
    .option("user", dbutils.secrets.get("risk-pg", "user"))
    .option("password", dbutils.secrets.get("risk-pg", "password"))
    .save()
)
# g2l: review G2L203: the URL and credentials were in Glue connection "risk-redshift": keep them in secret scope "risk-redshift" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops; Glue loaded Redshift with COPY from files it staged under its temporary folder; format("redshift") (the Databricks Redshift connector, Databricks Runtime 11.3 and later) does the same through tempdir: give Redshift access to that folder (option aws_iam_role, or forward_spark_s3_credentials); the URL must be a jdbc:redshift:// one. Without that access the write fails and loads nothing; a plain JDBC write instead would insert row by row (the same rows, far slower)
(
    risk.write.mode("append")
    .format("redshift")
    .option("url", dbutils.secrets.get("risk-redshift", "url"))
    .option("dbtable", "public.risk")
    .option("user", dbutils.secrets.get("risk-redshift", "user"))
    .option("password", dbutils.secrets.get("risk-redshift", "password"))
    .option("tempdir", args["TempDir"])
    .save()
)
