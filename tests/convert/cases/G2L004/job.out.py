# g2l: converted from jobs/job.py
import sys
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
total = spark.sql("select 1")
