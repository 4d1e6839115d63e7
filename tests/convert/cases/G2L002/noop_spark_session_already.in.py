from pyspark.sql import SparkSession

# already a Databricks-style session: nothing of Glue's to replace
spark = SparkSession.builder.appName("positions").getOrCreate()
sc = spark.sparkContext
spark.conf.set("spark.sql.session.timeZone", "UTC")
rows = spark.sql("select 1")
