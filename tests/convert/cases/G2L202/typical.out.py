# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
risk = spark.read.table("prod.risk.exposures_staging")

# append today's exposures (Glue appends; Spark must be told)
risk.write.mode("append").partitionBy("day").saveAsTable("prod.risk.exposures")
