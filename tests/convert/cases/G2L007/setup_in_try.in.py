import logging
import sys

try:
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(sys.argv, ["JOB_NAME", "AS_OF"])
    glueContext = GlueContext(SparkContext.getOrCreate())
    spark = glueContext.spark_session
    job = Job(glueContext)
    job.init(args["JOB_NAME"], args)
except ModuleNotFoundError:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[*]").getOrCreate()
    args = {"JOB_NAME": "exposures-local", "AS_OF": "2026-11-30"}
    logging.warning("awsglue not found: running locally")
else:
    logging.info("running as %s", args["JOB_NAME"])

exposures = spark.table("risk.exposures").where(f"as_of = '{args['AS_OF']}'")
exposures.groupBy("counterparty_id").sum("ead").show()
