from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# collateral valuations, already a Spark read
valuations = (
    spark.read.format("jdbc")
    .option("url", "jdbc:postgresql://risk-store:5432/collateral")
    # .option("dbtable", "public.valuations_v1")
    .option("dbtable", "public.valuations")  # v2 since the haircut review
    .load()
)
