# g2l: converted from jobs/bookmarks.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# g2l: review G2L004: this job used Glue job bookmarks (transformation_ctx): read incrementally with Auto Loader (cloudFiles) or a watermark table
trades = load(spark, "trades", transformation_ctx="trades")
