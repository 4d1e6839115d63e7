# g2l: converted from jobs/flow_ambiguous_show.py
import sys
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

if "--catalog" in sys.argv:
    collateral = spark.read.table("main.risk.collateral")
else:
    collateral = spark.read.parquet("s3://bank-risk-raw/collateral/")
# the same on a DataFrame: no review
collateral.show(10)
# Glue's keyword: review, as collateral may already be a DataFrame
# g2l: review G2L325: collateral is a DynamicFrame on one path to here and not on another: show is left as written: where it was a DynamicFrame, this is the DataFrame's own show now (or it fails, where a DataFrame has none): convert it by hand there
collateral.show(num_rows=10)
