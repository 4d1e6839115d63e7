# g2l: converted from jobs/noop_module_function.py
import choices
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
raw = spark.table("risk.trades")

# a library function that happens to share the DynamicFrame method's name
typed = choices.resolveChoice(raw, specs=[("qty", "cast:long")])
