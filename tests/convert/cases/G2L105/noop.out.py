# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

ids = spark.createDataFrame(spark.sparkContext.parallelize([(1,)]))
other = factory.create_dynamic_frame.from_rdd(rows, "rows")
