# g2l: converted from jobs/spark_conf.py
from pyspark import SparkConf
from pyspark.sql import SparkSession

conf = SparkConf().set("spark.sql.session.timeZone", "UTC").set("spark.executor.memory", "8g")
# g2l: review G2L002: a Databricks job runs on a cluster that is already started: only the spark.sql.* settings of this SparkConf reach the session (builder.config); as converted, the job runs with the cluster's settings for the rest: put cluster settings in the job's cluster configuration
spark = SparkSession.builder.config(conf=conf).getOrCreate()
positions = spark.sql("select * from risk.positions")
