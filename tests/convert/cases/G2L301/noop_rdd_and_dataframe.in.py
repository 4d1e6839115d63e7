from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

pairs = sc.parallelize([(1, "a")]).toDF()
named = sc.parallelize([(1, "a")]).toDF(["id", "name"])
again = spark.table("risk.trades").rdd.map(lambda r: (r[0], r[1])).toDF()
renamed = spark.table("risk.trades").toDF("id", "qty")
