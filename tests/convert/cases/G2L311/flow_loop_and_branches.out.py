# g2l: converted from jobs/flow_loop_and_branches.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
desks = ["RATES", "FX", "CREDIT"]

limits = spark.read.table("main.risk.limits")
for desk in desks:
    extra = spark.read.table(f"main.risk.limits_{desk}")
    # a DynamicFrame on every turn of the loop: converted
    limits = limits.unionByName(extra, allowMissingColumns=True)

breaches = spark.read.table("main.risk.breaches")
for desk in desks:
    late = spark.read.table(f"main.risk.late_{desk}")
    # a DynamicFrame on the first turn, a DataFrame on the next: review
    # g2l: review G2L311: breaches is a DynamicFrame on one path to here and not on another: union is left as written: where it was a DynamicFrame, this is the DataFrame's own union now, which matches columns by position, not by name as Glue did: convert it by hand there
    breaches = breaches.union(late)
    # g2l: review G2L301: breaches.toDF(): if this is a DynamicFrame (a DataFrame after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job stops
    breaches = breaches.toDF()

if desks:
    history = spark.read.table("main.risk.history")
else:
    history = limits
# g2l: review G2L311: history is a DynamicFrame on one path to here and not on another: union is left as written: where it was a DynamicFrame, this is the DataFrame's own union now, which matches columns by position, not by name as Glue did: convert it by hand there
history = history.union(limits)
