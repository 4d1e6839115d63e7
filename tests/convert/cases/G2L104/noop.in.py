from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

events = spark.readStream.format("kafka").option("subscribe", "trades").load()
# a catalog read without streaming options is a batch read (G2L101)
