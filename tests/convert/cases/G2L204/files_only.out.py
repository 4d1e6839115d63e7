# g2l: converted from jobs/files_only.py
# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# no catalog table: a file write to the mapped path
(
    positions.write.mode("append")
    .format("csv")
    .option("header", True)
    .option("sep", "|")
    .partitionBy("desk")
    .save("/Volumes/prod/risk/curated/extract/")
)
