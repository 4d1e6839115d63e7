from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
desks = ["RATES", "FX"]

haircuts = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="haircuts")
fallback = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="haircuts_default")
try:
    haircuts = haircuts.toDF()
    haircuts = haircuts.dropDuplicates(["isin"])
except Exception:
    # a DynamicFrame or a DataFrame, depending on where the body failed: review
    haircuts = haircuts.union(fallback)

eligible = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="eligible")
for desk in desks:
    if desk == "FX":
        eligible = eligible.toDF()
        break
    extra = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name=f"eligible_{desk}")
    eligible = eligible.union(extra)
# a DataFrame after the break, a DynamicFrame otherwise: review
eligible = eligible.union(fallback)
