# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.read.format("csv").option("header", True).load(["/Volumes/prod/risk/raw/trades/"])
# g2l: review G2L001: a Glue-style read/write call on `reader`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
other = reader.create_dynamic_frame.from_options(connection_type="s3", connection_options={"paths": ["s3://a/"]}, format="csv")
