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
# g2l: review G2L325: collateral is a DynamicFrame on one path to here and not on another: show is left as written; convert it by hand where it is a DynamicFrame
collateral.show(num_rows=10)
