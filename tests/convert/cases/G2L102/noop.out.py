# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.read.format("csv").option("header", True).load(["/Volumes/prod/risk/raw/trades/"])
other = reader.create_dynamic_frame.from_options(connection_type="s3", connection_options={"paths": ["s3://a/"]}, format="csv")
