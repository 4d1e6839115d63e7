from awsglue.context import GlueContext
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# the Data Quality node was removed from the visual job; its import stayed
positions = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions")
