from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
eu = spark.table("risk.eu_trades")

# a plain dict of DataFrames, and DataFrame.select: no DynamicFrameCollection here
parts = {"eu": eu}
ids = parts["eu"].select("trade_id")
books = eu.select("book")
