from awsglue.context import GlueContext
from pyspark.context import SparkContext
from pyspark.sql.types import LongType, StructField, StructType

sc = SparkContext.getOrCreate()
glueContext = GlueContext(sc)

schema = StructType([StructField("id", LongType())])
rows = sc.parallelize([(1,), (2,)])
# Glue builds the frame with SparkSession.createDataFrame underneath
ids = glueContext.create_dynamic_frame.from_rdd(rows, "ids")
typed = glueContext.create_dynamic_frame.from_rdd(rows, "typed", schema)
sampled = glueContext.create_dynamic_frame.from_rdd(data=rows, name="sampled", sampleRatio=0.1, transformation_ctx="s")
older = glueContext.create_dynamic_frame_from_rdd(rows, "older", schema=schema, sample_ratio=None)
