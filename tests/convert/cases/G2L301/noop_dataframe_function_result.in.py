from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()


# annotated: this returns a DataFrame, so toDF() on its result is DataFrame.toDF (no review item)
def limits_for(desk: str) -> DataFrame:
    return spark.table("risk.limits").where(f"desk = '{desk}'")


limits = limits_for("rates")
renamed = limits.toDF()
renamed.show()
