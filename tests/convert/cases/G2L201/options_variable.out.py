# g2l: converted from jobs/options_variable.py
# case-config: {"catalog": "main", "paths": {"s3://risk-out/": "/Volumes/prod/risk/out/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

(
    positions.write.mode("append")
    .format("parquet")
    .partitionBy("desk")
    .save("/Volumes/prod/risk/out/positions/")
)
