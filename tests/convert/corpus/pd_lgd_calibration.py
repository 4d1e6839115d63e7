import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ResolveChoice
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "calibration_year", "portfolio"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
log = glueContext.get_logger()
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

defaults = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="default_history",
    push_down_predicate=f"year <= '{args['calibration_year']}' and portfolio = '{args['portfolio']}'",
    additional_options={"catalogPartitionPredicate": f"portfolio='{args['portfolio']}'"},
)
# recovery amounts arrive as strings from one source system and doubles from another
defaults = ResolveChoice.apply(
    frame=defaults,
    specs=[("recovery_amount", "cast:double"), ("exposure_at_default", "cast:double")],
)

history = defaults.toDF()
pd_by_grade = history.groupBy("rating_grade").agg(
    (F.sum(F.col("defaulted").cast("int")) / F.count("*")).alias("observed_default_rate"),
    F.count("*").alias("obligor_years"),
)
lgd_by_segment = (
    history.filter(F.col("defaulted"))
    .withColumn("loss_rate", 1 - F.col("recovery_amount") / F.col("exposure_at_default"))
    .groupBy("collateral_segment")
    .agg(F.avg("loss_rate").alias("downturn_lgd"))
)

log.info("calibrated %d grades" % pd_by_grade.count())

pd_by_grade.write.mode("overwrite").parquet("s3://bank-risk-models/pd/" + args["calibration_year"] + "/")
lgd_by_segment.write.mode("overwrite").parquet("s3://bank-risk-models/lgd/" + args["calibration_year"] + "/")

job.commit()
