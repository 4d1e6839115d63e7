# g2l: converted from jobs/spark_context_still_used.py
from pyspark.sql import SparkSession

sc = SparkSession.builder.getOrCreate().sparkContext
spark = SparkSession.builder.getOrCreate()
numbers = sc.parallelize([1, 2, 3])
