import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import Window
from pyspark.sql import functions as F

# Historical simulation VaR at 99% over a 250 day window, per desk.
CONFIDENCE = 0.99
WINDOW_DAYS = 250

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
sc = SparkContext.getOrCreate()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

pnl_vectors = glueContext.create_dynamic_frame.from_catalog(
    database="risk", table_name="pnl_vectors"
).toDF()

scenario_window = Window.partitionBy("desk").orderBy(F.col("scenario_date").desc())
recent = (
    pnl_vectors.filter(F.col("scenario_date") <= F.lit(args["as_of_date"]))
    .withColumn("rank", F.row_number().over(scenario_window))
    .filter(F.col("rank") <= WINDOW_DAYS)
)

var_by_desk = recent.groupBy("desk").agg(
    (-F.percentile_approx("pnl", 1 - CONFIDENCE, 10000)).alias("var_99"),
    F.count("*").alias("scenarios"),
)
var_by_desk = var_by_desk.withColumn("as_of_date", F.lit(args["as_of_date"]).cast("date"))

short_history = var_by_desk.filter(F.col("scenarios") < WINDOW_DAYS)
for row in short_history.collect():
    print(f"desk {row['desk']} has only {row['scenarios']} scenarios")

glueContext.write_dynamic_frame.from_catalog(
    frame=DynamicFrame.fromDF(var_by_desk, glueContext, "var_by_desk"),
    database="risk",
    table_name="var_daily",
)

job.commit()
