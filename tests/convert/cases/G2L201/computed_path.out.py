# g2l: converted from jobs/computed_path.py
# case-config: {"catalog": "main", "paths": {"s3://risk-out/": "/Volumes/prod/risk/out/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

report.write.mode("append").format("parquet").save(f"/Volumes/prod/risk/out/{day}/")
# g2l: review G2L201: a path is computed at run time: as converted, [convert] paths does not map it (an S3 path stays one): map its S3 prefix as [convert] paths would
report.write.mode("append").format("parquet").save(output_path)
