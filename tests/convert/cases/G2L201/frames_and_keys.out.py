# g2l: converted from jobs/frames_and_keys.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["output"])
spark = SparkSession.builder.getOrCreate()
keys = ["desk", "day"]

frames["eu"].write.mode("append").format("parquet").partitionBy(*keys).save("s3://risk-out/eu/")
(eu if day else us).write.mode("append").format("parquet").save(args["output"])
df.write.mode("append").format("parquet").save("s3://risk-out/df/")
