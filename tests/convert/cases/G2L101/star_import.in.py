from awsglue.context import *
from pyspark.context import SparkContext

glue = GlueContext(SparkContext.getOrCreate())

limits = glue.create_dynamic_frame.from_catalog(database="risk", table_name="limits")
