# g2l: converted from jobs/to_df_from_df.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.table("risk.trades")
df = trades
back = df.where("qty > 0")
count = back.count()
either = (df if count else spark.table("risk.empty")).count()
