from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
glueContext.setConf("spark.sql.shuffle.partitions", "64")
partitions = glueContext.getConf("spark.sql.shuffle.partitions")
glueContext.registerFunction("upper_code", lambda code: code.upper())
context = glueContext._sc
session = glueContext.sparkSession
glueContext.transition_table("risk", "positions", "GLACIER", {"retentionPeriod": 720})
