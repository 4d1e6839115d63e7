# g2l: converted from jobs/library_parameter.py
from pyspark.sql import SparkSession


def to_frame(glue_context: SparkSession, rdd, name):
    return glue_context.createDataFrame(rdd)
