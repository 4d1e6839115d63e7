# g2l: converted from jobs/flow_try_and_break.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
desks = ["RATES", "FX"]

haircuts = spark.read.table("main.risk.haircuts")
fallback = spark.read.table("main.risk.haircuts_default")
try:
    haircuts = haircuts.dropDuplicates(["isin"])
except Exception:
    # a DynamicFrame or a DataFrame, depending on where the body failed: review
    # g2l: review G2L311: haircuts is a DynamicFrame on one path to here and not on another: union is left as written: where it was a DynamicFrame, this is the DataFrame's own union now, which matches columns by position, not by name as Glue did: convert it by hand there
    haircuts = haircuts.union(fallback)

eligible = spark.read.table("main.risk.eligible")
for desk in desks:
    if desk == "FX":
        break
    extra = spark.read.table(f"main.risk.eligible_{desk}")
    eligible = eligible.unionByName(extra, allowMissingColumns=True)
# a DataFrame after the break, a DynamicFrame otherwise: review
# g2l: review G2L311: eligible is a DynamicFrame on one path to here and not on another: union is left as written: where it was a DynamicFrame, this is the DataFrame's own union now, which matches columns by position, not by name as Glue did: convert it by hand there
eligible = eligible.union(fallback)
