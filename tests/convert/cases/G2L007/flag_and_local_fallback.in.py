"""Spark helpers shared by the credit risk jobs (runs on Glue and on a laptop)."""
import sys

# Glue-only packages: missing on a laptop
try:
    from awsglue.context import GlueContext
    from awsglue.utils import getResolvedOptions
    ON_GLUE = True  # the managed runtime
except ImportError:
    # local run: spark-submit on a laptop
    ON_GLUE = False

from pyspark.context import SparkContext
from pyspark.sql import SparkSession


def risk_session():
    if ON_GLUE:
        glue_context = GlueContext(SparkContext.getOrCreate())
        return glue_context.spark_session
    return SparkSession.builder.master("local[2]").appName("credit-risk-local").getOrCreate()


def run_arguments(names):
    if ON_GLUE:
        return getResolvedOptions(sys.argv, names)
    return {name: "local" for name in names}
