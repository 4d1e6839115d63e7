from awsglue.context import DynamicFrame, GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def as_frame(haircuts):
    return DynamicFrame.fromDF(haircuts, glueContext, "haircuts")
