# g2l: converted from jobs/options_variable.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# as in the AWS Glue documentation: the options in a variable of their own
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get); install the JDBC driver from "s3://risk-jars/mysql-connector-java-8.0.17.jar" on the cluster: as converted, without it the access fails and the job stops
accounts = (
    spark.read.format("jdbc")
    .option("url", "jdbc:mysql://crm:3306/crm")
    .option("dbtable", "accounts")
    .option("user", "admin")
    .option("password", secret["password"])
    .option("driver", "com.mysql.cj.jdbc.Driver")
    .load()
)
# the same name as the keyword
# g2l: review G2L103: JDBC credentials: as converted, they come from where the script gives them (the data is the same): take user and password from a secret scope (dbutils.secrets.get)
loans = (
    spark.read.format("jdbc")
    .option("url", url)
    .option("dbtable", "dbo.LoanBook")
    .option("user", user)
    .option("password", password)
    .load()
)
