import sys

from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

if "--full" in sys.argv:
    book = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="loan_book")
    limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits")
else:
    book = spark.read.parquet("s3://bank-risk-raw/loan_book/")
    limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits_delta")
# book is a DynamicFrame on one path only: left for review
book = book.filter(lambda r: r["ead"] > 0)
# limits is a DynamicFrame on every path: converted
limits = limits.filter(lambda r: r["amount"] > 0)
