# g2l: converted from jobs/setup_in_try.py
import logging
import sys
import os
from pyspark.sql import SparkSession
import glue_compat

# g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks cluster now (DATABRICKS_RUNTIME_VERSION is set), the ImportError fallback elsewhere (a local run)
if "DATABRICKS_RUNTIME_VERSION" in os.environ:

    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "AS_OF"])
    spark = SparkSession.builder.getOrCreate()
    logging.info("running as %s", args["JOB_NAME"])
else:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[*]").getOrCreate()
    args = {"JOB_NAME": "exposures-local", "AS_OF": "2026-11-30"}
    logging.warning("awsglue not found: running locally")

exposures = spark.table("risk.exposures").where(f"as_of = '{args['AS_OF']}'")
exposures.groupBy("counterparty_id").sum("ead").show()
