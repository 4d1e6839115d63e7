# g2l: converted from jobs/noop_module_function.py
import flatten
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
people = spark.table("risk.people")

tables = flatten.relationalize(people, "root", "/tmp/staging")
