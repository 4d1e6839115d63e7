from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def stamp(batch, options):
    return glueContext.add_ingestion_time_columns(batch, **options)
