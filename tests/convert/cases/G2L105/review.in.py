from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

spread = glueContext.create_dynamic_frame.from_rdd(*rdd_and_name)
unnamed = glueContext.create_dynamic_frame.from_rdd(name="x")
