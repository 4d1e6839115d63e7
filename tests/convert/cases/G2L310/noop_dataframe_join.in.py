from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
trades = spark.table("risk.trades")
books = spark.table("risk.books")

joined = trades.join(books, "book_id", "left")
keyed = trades.join(books, on=["book_id"], how="inner")
