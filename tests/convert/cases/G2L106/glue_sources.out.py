# g2l: converted from jobs/glue_sources.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# a DataSource: configured step by step, then read
# g2l: review G2L106: getSource returns a Glue DataSource: read with spark.read (or readStream) and the source's options instead: left as written, it fails on Databricks (no GlueContext there), so the job stops here
source = glueContext.getSource("s3", paths=["s3://risk-raw/trades/"], recurse=True)
source.setFormat("parquet")
trades = source.getFrame()
# g2l: review G2L106: a sampled catalog read: use spark.read.table(...).limit(n) or .sample(...) by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
sample = glueContext.create_sample_dynamic_frame_from_catalog("risk", "trades", 100)
# g2l: review G2L106: extract_jdbc_conf reads the url and credentials of a Glue connection: keep them in a secret scope and read them with dbutils.secrets.get: left as written, it fails on Databricks (no GlueContext there), so the job stops here
jdbc_conf = glueContext.extract_jdbc_conf(connection_name="risk-pg")
