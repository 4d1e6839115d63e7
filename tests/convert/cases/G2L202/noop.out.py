# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

risk.write.mode("append").saveAsTable("main.risk.exposures")
# g2l: review G2L001: a Glue-style read/write call on `writer`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
writer.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="exposures")
