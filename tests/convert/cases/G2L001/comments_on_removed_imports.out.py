# g2l: converted from jobs/comments_on_removed_imports.py
"""Counterparty exposure snapshot."""
import sys
# Glue runtime
# every transform
# job arguments
from pyspark.context import SparkContext
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["SNAPSHOT_DATE"])
spark = SparkSession.builder.getOrCreate()
exposures = spark.read.table("risk.exposures").where(f"as_of = '{args['SNAPSHOT_DATE']}'")


def counterparties():
    # the frame type, for the annotations below
    # unused since the DataFrame port
    return spark.read.table("risk.counterparties")
