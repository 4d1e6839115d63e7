from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# a DataSource: configured step by step, then read
source = glueContext.getSource("s3", paths=["s3://risk-raw/trades/"], recurse=True)
source.setFormat("parquet")
trades = source.getFrame()
sample = glueContext.create_sample_dynamic_frame_from_catalog("risk", "trades", 100)
jdbc_conf = glueContext.extract_jdbc_conf(connection_name="risk-pg")
