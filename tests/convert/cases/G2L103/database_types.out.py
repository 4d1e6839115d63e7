# g2l: converted from jobs/database_types.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
accounts = (
    spark.read.format("jdbc")
    .option("url", "jdbc:mysql://crm:3306/crm")
    .option("dbtable", "accounts")
    .option("user", user)
    .option("password", pw)
    .load()
)
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
ledger = (
    spark.read.format("jdbc")
    .option("url", "jdbc:sqlserver://gl:1433;databaseName=gl")
    .option("dbtable", "dbo.ledger")
    .option("user", user)
    .option("password", pw)
    .load()
)
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
books = (
    spark.read.format("jdbc")
    .option("url", "jdbc:oracle:thin://@ora:1521/ORCL")
    .option("dbtable", "BOOKS")
    .option("user", user)
    .option("password", pw)
    .load()
)
# plain JDBC needs no S3 staging directory or IAM role
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get); Glue read Redshift with UNLOAD to redshiftTmpDir; this JDBC read fetches the same rows through one connection, far slower on big tables: for UNLOAD use format("redshift") with tempdir and aws_iam_role (the Databricks Redshift connector)
warehouse = (
    spark.read.format("jdbc")
    .option("url", "jdbc:redshift://wh:5439/dev")
    .option("dbtable", "public.exposures")
    .option("user", user)
    .option("password", pw)
    .load()
)
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get); a password is written in the script: move it to a secret scope
custom = (
    spark.read.format("jdbc")
    .option("driver", "com.ibm.db2.jcc.DB2Driver")
    .option("url", "jdbc:db2://db2:50000/RISK")
    .option("dbtable", "LIMITS")
    .option("user", "reader")
    .option("password", "s3cret")
    .load()
)
