import shutil

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

shutil.rmtree("/tmp/scratch")
spark.sql("VACUUM main.risk.trades RETAIN 168 HOURS")
storage.purge_s3_path("s3://risk-tmp/staging/")
