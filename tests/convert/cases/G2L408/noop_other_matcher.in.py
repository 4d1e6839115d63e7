from matchlib import FindMatches
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
customers = spark.table("risk.customers")

# a matching library's class of the same name as Glue's ML transform
matched = FindMatches(threshold=0.9).apply(customers)
