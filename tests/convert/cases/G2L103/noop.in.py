from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

orders = spark.read.format("jdbc").option("url", url).option("dbtable", "public.orders").load()
