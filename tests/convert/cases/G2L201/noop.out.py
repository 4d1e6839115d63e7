# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

report.write.mode("append").format("parquet").save("/Volumes/prod/risk/out/")
# g2l: review G2L001: a Glue-style read/write call on `writer`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
writer.write_dynamic_frame.from_options(frame=report, connection_type="s3", connection_options={"path": "s3://x/"})
