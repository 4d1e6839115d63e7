from awsglue.context import GlueContext
from awsglue.utils import makeOptions
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
# an internal awsglue helper no rule knows: its import stays, flagged
purge_options = makeOptions(glueContext.sparkContext, {"retentionPeriod": 168})
