# g2l: converted from jobs/redshift.py
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# load the day's limits into the warehouse through the staging folder (COPY)
# g2l: review G2L203: the URL and credentials were in Glue connection "risk-redshift": keep them in secret scope "risk-redshift" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops; Glue loaded Redshift with COPY from files it staged under its temporary folder; format("redshift") (the Databricks Redshift connector, Databricks Runtime 11.3 and later) does the same through tempdir: the role Redshift assumes to read that folder is aws_iam_role; the URL must be a jdbc:redshift:// one. Without that access the write fails and loads nothing; a plain JDBC write instead would insert row by row (the same rows, far slower)
(
    limits.write.mode("append")
    .format("redshift")
    .option("url", dbutils.secrets.get("risk-redshift", "url"))
    .option("dbtable", "public.limits")
    .option("user", dbutils.secrets.get("risk-redshift", "user"))
    .option("password", dbutils.secrets.get("risk-redshift", "password"))
    .option("tempdir", "s3://risk-tmp/redshift/")
    .option("aws_iam_role", "arn:aws:iam::123456789012:role/copy")
    .save()
)
# g2l: review G2L203: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get); Glue loaded Redshift with COPY from files it staged under its temporary folder; format("redshift") (the Databricks Redshift connector, Databricks Runtime 11.3 and later) does the same through tempdir: give Redshift access to that folder (option aws_iam_role, or forward_spark_s3_credentials); the URL must be a jdbc:redshift:// one. Without that access the write fails and loads nothing; a plain JDBC write instead would insert row by row (the same rows, far slower)
(
    limits.write.mode("append")
    .format("redshift")
    .option("url", "jdbc:redshift://wh:5439/dev")
    .option("dbtable", "public.limits")
    .option("user", user)
    .option("password", pw)
    .option("tempdir", "s3://risk-tmp/redshift/")
    .save()
)
