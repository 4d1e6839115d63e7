"""Bootstrap for the market risk jobs: the RISK_RUNTIME variable says where the job runs."""
import os
import sys

from pyspark.sql import SparkSession

RISK_RUNTIME = os.environ.get("RISK_RUNTIME", "local")

if RISK_RUNTIME == "glue":
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    sc = SparkContext()
    glueContext = GlueContext(sc)
    spark = glueContext.spark_session
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "SCENARIO"])
    job = Job(glueContext)
    job.init(args["JOB_NAME"], args)
else:
    # laptops and CI: a small local session
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    args = {"JOB_NAME": "market-risk-local", "SCENARIO": "baseline"}

shocks = spark.table("risk.scenario_shocks").where(f"scenario = '{args['SCENARIO']}'")
shocks.groupBy("risk_factor").avg("shock_bp").show()

if RISK_RUNTIME == "glue":
    job.commit()
