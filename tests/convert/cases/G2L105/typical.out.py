# g2l: converted from jobs/typical.py
from pyspark.sql.types import LongType, StructField, StructType
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

schema = StructType([StructField("id", LongType())])
rows = sc.parallelize([(1,), (2,)])
# Glue builds the frame with SparkSession.createDataFrame underneath
ids = spark.createDataFrame(rows)
typed = spark.createDataFrame(rows, schema)
sampled = spark.createDataFrame(rows, samplingRatio=0.1)
older = spark.createDataFrame(rows, schema)
