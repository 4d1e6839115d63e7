# g2l: converted from jobs/runtime_branch.py
import os
import sys

from pyspark.sql import SparkSession
import glue_compat

RISK_RUNTIME = os.environ.get("RISK_RUNTIME", "local")

# g2l: review G2L007: this branch imported awsglue, so it ran on Glue only; as converted, a Databricks run takes it only if `RISK_RUNTIME == "glue"` holds there, and else skips it: set that in the job's environment or parameters, or test "DATABRICKS_RUNTIME_VERSION" in os.environ
if RISK_RUNTIME == "glue":

    spark = SparkSession.builder.getOrCreate()
    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "SCENARIO"])
else:
    # laptops and CI
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    args = {"JOB_NAME": "market-risk-local", "SCENARIO": "baseline"}

spark.table("risk.scenario_shocks").where(f"scenario = '{args['SCENARIO']}'").show()

if RISK_RUNTIME == "glue":
    pass
