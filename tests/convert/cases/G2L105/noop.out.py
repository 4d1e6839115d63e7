# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

ids = spark.createDataFrame(spark.sparkContext.parallelize([(1,)]))
# g2l: review G2L001: a Glue-style read/write call on `factory`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
other = factory.create_dynamic_frame.from_rdd(rows, "rows")
