# g2l: converted from jobs/flag_and_local_fallback.py
"""Spark helpers shared by the credit risk jobs (runs on Glue and on a laptop)."""
import sys
import os
from pyspark.sql import SparkSession
import glue_compat

# Glue-only packages: missing on a laptop
# g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks cluster now (DATABRICKS_RUNTIME_VERSION is set), the ImportError fallback elsewhere (a local run)
if "DATABRICKS_RUNTIME_VERSION" in os.environ:
    ON_GLUE = True  # the managed runtime
else:
    # local run: spark-submit on a laptop
    ON_GLUE = False
from pyspark.sql import SparkSession


def risk_session():
    if ON_GLUE:
        spark = SparkSession.builder.getOrCreate()
        return spark
    return SparkSession.builder.master("local[2]").appName("credit-risk-local").getOrCreate()


def run_arguments(names):
    if ON_GLUE:
        return glue_compat.resolved_options(sys.argv, names)
    return {name: "local" for name in names}
