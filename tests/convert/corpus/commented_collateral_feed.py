"""Collateral feed: valuations from the collateral store, haircut table to the curated zone.

Owned by the collateral risk team; comments here record decisions the auditors asked about.
"""

import sys

# Glue runtime (the job runs on Glue 4.0)
from awsglue.context import GlueContext  # the job's context
from awsglue.dynamicframe import DynamicFrame  # back to a frame for the writer
from awsglue.job import Job
from awsglue.transforms import *  # ApplyMapping and friends
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "collateral_db_url", "collateral_db_user", "collateral_db_password"])

# one Spark context per run
sc = SparkContext()  # default configuration
glueContext = GlueContext(sc)  # wraps the Spark context
spark = glueContext.spark_session
# bookmarks are off for this job: every run reads the full table
job = Job(glueContext)
job.init(args["JOB_NAME"], args)  # start of the run

valuations = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": args["collateral_db_url"],
        # "dbtable": "collateral.valuations_legacy",  # retired in the 2024 migration
        "dbtable": "collateral.valuations",
        "user": args["collateral_db_user"],
        "password": args["collateral_db_password"],
        # "fetchsize": "10000",
    },
)

haircuts = (
    valuations.toDF()
    # regulatory haircut by collateral class
    .withColumn("haircut", F.when(F.col("collateral_class") == "GOV", 0.02).otherwise(0.15))
    .withColumn("adjusted_value", F.col("market_value") * (1 - F.col("haircut")))
)

glueContext.write_dynamic_frame.from_options(
    frame=DynamicFrame.fromDF(haircuts, glueContext, "haircuts"),
    connection_type="s3",
    connection_options={
        "path": "s3://bank-risk-curated/collateral_haircuts/",
        # "partitionKeys": ["collateral_class"],  # too many small files
    },
    format="parquet",  # Delta after the lakehouse move
)

# the scheduler waits for the commit
job.commit()  # end of run
