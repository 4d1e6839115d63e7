# g2l: converted from jobs/commented_arguments.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
limits = spark.read.table("main.risk.limits")

# parquet since the 2024 storage review
# "partitionKeys": ["desk"],
# one folder per run
limits.write.mode("append").format("parquet").save("s3://bank-risk-curated/limits/")
