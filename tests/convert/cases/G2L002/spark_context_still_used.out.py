# g2l: converted from jobs/spark_context_still_used.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
numbers = sc.parallelize([1, 2, 3])
