import sys

from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

if "--catalog" in sys.argv:
    collateral = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="collateral")
else:
    collateral = spark.read.parquet("s3://bank-risk-raw/collateral/")
# the same on a DataFrame: no review
collateral.show(10)
# Glue's keyword: review, as collateral may already be a DataFrame
collateral.show(num_rows=10)
