from pyspark.context import SparkContext
from awsglue.context import GlueContext

sc = SparkContext.getOrCreate()
glueContext = GlueContext(sc)
spark = glueContext.spark_session

# a comment the conversion keeps
totals = glueContext.sql("select count(*) from risk.trades")
raw = glueContext.read.parquet("s3://risk-raw/trades/")
helpers.register(glueContext, "risk")
