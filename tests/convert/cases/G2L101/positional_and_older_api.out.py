# g2l: converted from jobs/positional_and_older_api.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

positional = spark.read.table("main.risk.trades").where("day = '01'")
older = spark.read.table("main.risk.positions")
data_frame = spark.read.table("main.risk.limits")
data_frame_older = spark.read.table("main.risk.books")
legacy_name_space = spark.read.table("main.risk.desks")
