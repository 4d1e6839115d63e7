# g2l: converted from jobs/noop_no_glue.py
import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
