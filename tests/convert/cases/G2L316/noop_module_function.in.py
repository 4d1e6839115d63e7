import flatten
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
people = spark.table("risk.people")

tables = flatten.relationalize(people, "root", "/tmp/staging")
