from pyspark.sql import SparkSession

from risklib.columns import add_ingestion_time_columns

spark = SparkSession.builder.getOrCreate()
batch_df = spark.table("risk.events")

# the team's function of the same name, called as a function: not glueContext's method
stamped = add_ingestion_time_columns(batch_df, "hour")
