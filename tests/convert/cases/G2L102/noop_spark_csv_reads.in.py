from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# the limits file has no header: the job names and types its columns itself
limits = spark.read.csv("/Volumes/prod/risk/raw/limits/", schema="desk string, limit_amount double")
rates = spark.read.option("inferSchema", True).csv("/Volumes/prod/risk/raw/rates/", header=True)
feed = spark.read.format("csv").load("/Volumes/prod/risk/raw/feed/").toDF("desk", "exposure")
