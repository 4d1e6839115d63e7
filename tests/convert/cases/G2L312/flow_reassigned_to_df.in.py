from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def is_live(record):
    return record["status"] == "LIVE"


positions = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions")
positions = positions.filter(lambda r: r["qty"] > 0)
positions = positions.filter(is_live)
positions = positions.toDF()
positions = positions.filter("desk = 'RATES'")
positions = positions.filter(is_live)
