# g2l: converted from jobs/unused_data_quality_import.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# the Data Quality node was removed from the visual job; its import stayed
positions = spark.read.table("main.risk.positions")
