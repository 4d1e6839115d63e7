from awsglue.context import GlueContext
from pyspark.context import SparkContext

# one context per run
sc = SparkContext.getOrCreate()  # the driver's context
# Glue wraps it
glueContext = GlueContext(sc)  # Glue's context
spark = glueContext.spark_session  # the session we use
lgd = spark.read.table("risk.lgd_curves")
