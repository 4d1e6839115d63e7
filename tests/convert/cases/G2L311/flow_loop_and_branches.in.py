from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
desks = ["RATES", "FX", "CREDIT"]

limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limits")
for desk in desks:
    extra = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name=f"limits_{desk}")
    # a DynamicFrame on every turn of the loop: converted
    limits = limits.union(extra)

breaches = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="breaches")
for desk in desks:
    late = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name=f"late_{desk}")
    # a DynamicFrame on the first turn, a DataFrame on the next: review
    breaches = breaches.union(late)
    breaches = breaches.toDF()

if desks:
    history = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="history")
else:
    history = limits.toDF()
history = history.union(limits)
