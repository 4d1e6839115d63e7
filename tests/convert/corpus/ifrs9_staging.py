"""IFRS 9 stage allocation: significant increase in credit risk (SICR) since origination."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import Filter
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(
    sys.argv,
    ["JOB_NAME", "reporting_date", "sicr_pd_multiplier", "backstop_days_past_due", "target_database"],
)
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

multiplier = float(args["sicr_pd_multiplier"])
backstop = int(args["backstop_days_past_due"])

loans = glueContext.create_dynamic_frame.from_catalog(database="credit", table_name="loan_book")
performing = Filter.apply(frame=loans, f=lambda loan: loan["status"] != "WRITTEN_OFF")

staged = performing.toDF().withColumn(
    "stage",
    F.when(F.col("default_flag") | (F.col("days_past_due") > 90), F.lit(3))
    .when(
        (F.col("lifetime_pd") > multiplier * F.col("origination_pd")) | (F.col("days_past_due") > backstop),
        F.lit(2),
    )
    .otherwise(F.lit(1)),
).withColumn("reporting_date", F.lit(args["reporting_date"]))

glueContext.write_dynamic_frame.from_catalog(
    frame=DynamicFrame.fromDF(staged, glueContext, "staged"),
    database=args["target_database"],
    table_name="ifrs9_stages",
    additional_options={"partitionKeys": ["reporting_date"]},
)
job.commit()
