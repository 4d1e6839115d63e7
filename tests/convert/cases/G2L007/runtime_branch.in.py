import os
import sys

from pyspark.sql import SparkSession

RISK_RUNTIME = os.environ.get("RISK_RUNTIME", "local")

if RISK_RUNTIME == "glue":
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    glueContext = GlueContext(SparkContext())
    spark = glueContext.spark_session
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "SCENARIO"])
    job = Job(glueContext)
    job.init(args["JOB_NAME"], args)
else:
    # laptops and CI
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    args = {"JOB_NAME": "market-risk-local", "SCENARIO": "baseline"}

spark.table("risk.scenario_shocks").where(f"scenario = '{args['SCENARIO']}'").show()

if RISK_RUNTIME == "glue":
    job.commit()
