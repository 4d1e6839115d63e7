from pyspark.context import SparkContext
from awsglue.context import GlueContext

glueContext = GlueContext(SparkContext.getOrCreate())
logger = glueContext.get_logger()
logger.info("start")
logger.warn("late data")
