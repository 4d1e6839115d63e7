# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.read.table("main.risk.trades")
# a name that is no glue context: its methods are someone else's
# g2l: review G2L001: a Glue-style read/write call on `catalog_client`, which g2l-merge does not see holding a GlueContext: left as written; if it holds one (a mixin's attribute, a parameter no call site fills), the call fails on Databricks: write it with spark.read / df.write by hand
frames = catalog_client.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
rows = self.reader.from_catalog("risk", "trades")
