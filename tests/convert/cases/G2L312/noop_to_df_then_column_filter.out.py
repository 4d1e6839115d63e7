# g2l: converted from jobs/noop_to_df_then_column_filter.py
from pyspark.sql import functions as F
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
exposures = spark.read.table("main.risk.exposures")
df = exposures
# from here on the DataFrame API
df = df.filter(F.col("ead") > 1)
df = df.filter("stage = 2")
df.show(5)
print(df.count())
