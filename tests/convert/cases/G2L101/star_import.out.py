# g2l: converted from jobs/star_import.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

limits = spark.read.table("main.risk.limits")
