# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
risk = spark.read.table("main.risk.exposures")

# daily risk, partitioned by day
(
    risk.write.mode("append")
    .format("parquet")
    .option("compression", "snappy")
    .partitionBy("day")
    .save("/Volumes/prod/risk/curated/risk/")
)
