# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

risk.write.mode("append").saveAsTable("main.risk.exposures")
writer.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="exposures")
