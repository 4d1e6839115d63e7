# g2l: converted from jobs/own_function_with_transformation_ctx.py
import sys
from pyspark.sql import SparkSession


# the job's own step (as Glue Studio writes its helpers): a transformation_ctx here bookmarks nothing
def net_exposure(frame, transformation_ctx):
    return frame


spark = SparkSession.builder.getOrCreate()
exposures = net_exposure(spark.sql("select 1 as trade_id"), transformation_ctx="net")
