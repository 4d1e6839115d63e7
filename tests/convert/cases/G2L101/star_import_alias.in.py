from awsglue.context import GlueContext as GC
from awsglue.transforms import *
from pyspark.context import SparkContext

gctx = GC(SparkContext.getOrCreate())

trades = gctx.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
