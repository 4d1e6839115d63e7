from pyspark.sql import SparkSession

try:
    from awsglue.context import GlueContext
except ImportError:
    GlueContext = None  # not on Glue


def limits_session(sc):
    if GlueContext is None:
        return SparkSession.builder.master("local[2]").getOrCreate()
    return GlueContext(sc).spark_session
