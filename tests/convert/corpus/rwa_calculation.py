"""Risk-weighted assets under the standardised approach (Basel III, CRR2 risk weights)."""
import sys

from awsglue.context import GlueContext as GC
from awsglue.dynamicframe import DynamicFrame as DF
from awsglue.job import Job
from awsglue.utils import getResolvedOptions as resolve_options
from pyspark import SparkContext
from pyspark.sql import functions as F

RISK_WEIGHTS = {
    ("SOVEREIGN", "AAA"): 0.0,
    ("SOVEREIGN", "A"): 0.2,
    ("INSTITUTION", "AA"): 0.2,
    ("INSTITUTION", "BBB"): 0.5,
    ("CORPORATE", "A"): 0.5,
    ("CORPORATE", "BB"): 1.0,
    ("RETAIL", None): 0.75,
}

args = resolve_options(sys.argv, ["JOB_NAME", "reporting_date"])
glue_ctx = GC(SparkContext.getOrCreate())
spark = glue_ctx.spark_session
job = Job(glue_ctx)
job.init(args["JOB_NAME"], args)

weights = spark.createDataFrame(
    [(cls, grade, weight) for (cls, grade), weight in RISK_WEIGHTS.items()],
    "exposure_class string, rating_bucket string, risk_weight double",
)

exposures = glue_ctx.create_dynamic_frame.from_catalog(database="risk", table_name="exposures_sa").toDF()
rwa = (
    exposures.join(weights, ["exposure_class", "rating_bucket"], "left")
    .withColumn("risk_weight", F.coalesce("risk_weight", F.lit(1.5)))
    .withColumn("rwa", F.col("exposure_after_crm") * F.col("risk_weight"))
)

glue_ctx.write_dynamic_frame.from_options(
    frame=DF.fromDF(rwa, glue_ctx, "rwa"),
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/rwa/", "partitionKeys": ["exposure_class"]},
    format="parquet",
)
job.commit()
