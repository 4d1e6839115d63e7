# g2l: converted from jobs/flow_branches.py
import sys
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()

if "--full" in sys.argv:
    book = spark.read.table("main.risk.loan_book")
    limits = spark.read.table("main.risk.limits")
else:
    book = spark.read.parquet("s3://bank-risk-raw/loan_book/")
    limits = spark.read.table("main.risk.limits_delta")
# book is a DynamicFrame on one path only: left for review
# g2l: review G2L312: book.filter(function): if this is a DynamicFrame (a DataFrame now), use glue_compat.filter_records or Column expressions: as written, on a DataFrame it fails and the job stops
book = book.filter(lambda r: r["ead"] > 0)
# limits is a DynamicFrame on every path: converted
limits = limits.filter(F.col("amount") > 0)
