# g2l: converted from jobs/recurse_and_predicates.py
# case-config: {"catalog": "main"}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# recurse: a table read reads every file of the table anyway
eu = spark.read.table("main.risk.trades").where("region = 'EU'").where("day >= '2024-03-01'")
