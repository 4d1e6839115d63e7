# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

report.write.mode("append").format("parquet").save("/Volumes/prod/risk/out/")
writer.write_dynamic_frame.from_options(frame=report, connection_type="s3", connection_options={"path": "s3://x/"})
