"""Counterparty exposure snapshot."""
import sys

# Glue runtime
from awsglue.transforms import *  # every transform
from awsglue.utils import getResolvedOptions  # job arguments
from pyspark.context import SparkContext
from pyspark.sql import SparkSession

args = getResolvedOptions(sys.argv, ["SNAPSHOT_DATE"])
spark = SparkSession.builder.getOrCreate()
exposures = spark.read.table("risk.exposures").where(f"as_of = '{args['SNAPSHOT_DATE']}'")


def counterparties():
    # the frame type, for the annotations below
    from awsglue.dynamicframe import DynamicFrame  # unused since the DataFrame port
    return spark.read.table("risk.counterparties")
