from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def later():
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


from pyspark.sql import SparkSession
